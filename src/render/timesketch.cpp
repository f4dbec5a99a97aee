// Timesketch JSONL (timesketch.org, "Import from JSON or CSV": required `message`, `datetime` in ISO 8601,
// `timestamp_desc`; `timestamp` in microseconds since the epoch is also read; any further key is an
// attribute). Our own fields follow, flat, with a `retro_` prefix where Timesketch has a meaning of its own.
#include "render/timesketch.hpp"

#include <fmt/format.h>

#include "core/json_writer.hpp"

namespace retro::render {
namespace {

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

// What the timestamp means, in Timesketch's words ("Message Posted", "Alert Firing").
std::string timestamp_desc(const Event& e) {
    switch (e.kind) {
        case EventKind::message:
            return "Message Posted";
        case EventKind::alert:
            return "Alert " + capitalised(e.alert && !e.alert->state.empty() ? e.alert->state : "unknown");
        case EventKind::email:
            return "Email Sent";
        case EventKind::status:
            return "Status Update";
        case EventKind::note:
            return "Note Written";
        case EventKind::change:
            return "Change " + capitalised(e.change ? to_string(e.change->action) : "recorded");
    }
    return "Event";
}

// One readable line: who said it, or which alert changed to which state, then the text.
std::string message_of(const Event& e) {
    std::string head;
    if (e.alert) {
        head = e.alert->key.empty() ? std::string("alert") : e.alert->key;
        if (!e.alert->state.empty()) head += " " + e.alert->state;
    } else if (e.status) {
        head = "status page" + (e.status->page.empty() ? std::string() : " " + e.status->page);
        if (!e.status->state.empty()) head += " " + e.status->state;
    } else if (!e.actor.name.empty()) {
        head = e.actor.name;
    } else if (!e.actor.email.empty()) {
        head = e.actor.email;
    } else if (!e.actor.initials.empty()) {
        head = e.actor.initials;
    }
    if (head.empty()) return e.text.empty() ? std::string(to_string(e.kind)) : e.text;
    return e.text.empty() ? head : head + ": " + e.text;
}

}  // namespace

void write_timesketch_json(const Event& e, std::string& out) {
    json::Writer w(out);
    w.begin_object();
    w.key("message").value(message_of(e));
    w.key("datetime").value(format_utc(e.time));
    w.key("timestamp_desc").value(timestamp_desc(e));
    w.key("timestamp").value(static_cast<std::int64_t>(e.time.time_since_epoch().count()));
    w.key("data_type").value(fmt::format("retro:event:{}", to_string(e.kind)));
    w.key("retro_id").value(e.id);
    if (!e.record.empty()) w.key("retro_record").value(e.record);
    w.key("precision").value(to_string(e.precision));
    w.key("event_kind").value(to_string(e.kind));
    w.key("source_kind").value(e.source.kind);
    if (!e.source.vendor.empty()) w.key("vendor").value(e.source.vendor);
    if (!e.source.origin.empty()) w.key("origin").value(e.source.origin);
    if (e.source.line) w.key("origin_line").value(e.source.line);
    if (!e.channel.empty()) w.key("channel").value(e.channel);
    if (!e.actor.name.empty()) w.key("actor_name").value(e.actor.name);
    if (!e.actor.initials.empty()) w.key("actor_initials").value(e.actor.initials);
    if (!e.actor.email.empty()) w.key("actor_email").value(e.actor.email);
    if (!e.actor.id.empty()) w.key("actor_id").value(e.actor.id);
    if (!e.text.empty()) w.key("text").value(e.text);
    if (e.alert) {
        if (!e.alert->key.empty()) w.key("alert_key").value(e.alert->key);
        if (!e.alert->state.empty()) w.key("alert_state").value(e.alert->state);
        if (!e.alert->severity.empty()) w.key("alert_severity").value(e.alert->severity);
        if (!e.alert->service.empty()) w.key("alert_service").value(e.alert->service);
        if (!e.alert->fingerprint.empty()) w.key("alert_fingerprint").value(e.alert->fingerprint);
    }
    if (e.status) {
        if (!e.status->page.empty()) w.key("status_page").value(e.status->page);
        if (!e.status->state.empty()) w.key("status_state").value(e.status->state);
    }
    if (!e.thread.empty()) w.key("thread").value(e.thread);
    if (!e.links.empty()) w.key("url").value(e.links.front());
    if (!e.time_raw.empty()) w.key("time_raw").value(e.time_raw);
    const Provenance& provenance = e.provenance.or_empty();
    if (!provenance.tz_assumed.empty()) w.key("tz_assumed").value(provenance.tz_assumed);
    if (!provenance.time_fallback.empty()) w.key("time_fallback").value(provenance.time_fallback);
    if (e.flags.bot) w.key("bot").value(true);
    if (e.flags.pinned) w.key("pinned").value(true);
    w.end_object();
    out += '\n';
}

}  // namespace retro::render
