// PagerDuty (input-formats.md §4.1–4.2): webhook v3 (`{"event":{id, event_type, occurred_at, agent, data}}`,
// one event each, id `pagerduty:<event.id>`), REST log entries (`log_entries[]` or one entry; id the entry
// id, time `created_at`), and the legacy webhooks: v2 `messages[]` whose log entries become events, v1
// `messages[]` (`type`, `created_on`, `data.incident`; id the message id). State: triggered and reopened →
// firing, acknowledged → acknowledged, resolved → resolved, otherwise the incident's status.
#include <fmt/format.h>

#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

constexpr std::string_view vendor_name = "pagerduty";

std::string_view map_status(std::string_view s) {
    if (s.starts_with("incident.")) s.remove_prefix(9);
    if (s == "trigger" || s == "triggered" || s == "reopened" || s == "unacknowledged" || s == "unacknowledge")
        return "firing";
    if (s == "acknowledge" || s == "acknowledged") return "acknowledged";
    if (s == "resolve" || s == "resolved") return "resolved";
    return {};
}

std::string_view map_entry_type(std::string_view type) {
    if (type == "trigger_log_entry" || type == "unacknowledge_log_entry") return "firing";
    if (type == "acknowledge_log_entry") return "acknowledged";
    if (type == "resolve_log_entry") return "resolved";
    return {};
}

struct Fields {
    std::string id, time_raw, key, fingerprint, state, severity, service, text, actor_id, actor_name, link;
    Instant time{};
};

void emit(const Fields& f, const JsonText& text, AlertContext& ctx) {
    Event e = make_alert_event(vendor_name, text);
    e.id = "pagerduty:" + f.id;
    e.time = f.time;
    e.time_raw = f.time_raw;
    e.text = clean_text(f.text);
    e.actor.id = f.actor_id;
    e.actor.name = f.actor_name;
    e.alert = AlertInfo{f.key, f.fingerprint, f.state.empty() ? "unknown" : f.state, f.severity, f.service};
    if (!f.link.empty()) e.links.push_back(f.link);
    ctx.sink.add(std::move(e));
}

void parse_v3(json::Element root, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    auto event = r.object(root, path, "event");
    const std::string ep = member_path(path, "event");
    if (!event) return ctx.sink.drop("pagerduty: damaged record");
    Fields f;
    f.id = r.scalar(*event, ep, "id");
    const std::string_view type = r.string(*event, ep, "event_type");
    auto time = r.iso_time(*event, ep, "occurred_at", &f.time_raw);
    auto data = r.object(*event, ep, "data");
    if (r.failed()) return ctx.sink.drop("pagerduty: damaged record");
    if (f.id.empty() || !time) {
        r.report(Severity::warning, "incomplete", ep, "webhook event without `id` or `occurred_at`; not emitted");
        return ctx.sink.drop("pagerduty: event without an id or time");
    }
    f.time = *time;
    json::Element incident = data.value_or(*event);
    if (auto inner = object_element(incident, "incident"); inner) incident = *inner;  // notes, responders
    f.fingerprint = json::scalar_member_text(incident, "id").value_or("");
    f.key = std::string(string_at(incident, ".title"));
    if (f.key.empty()) f.key = std::string(string_at(incident, ".summary"));
    f.state = std::string(map_status(type));
    if (f.state.empty()) f.state = std::string(map_status(string_at(incident, ".status")));
    f.severity = std::string(string_at(incident, ".priority.summary"));
    if (f.severity.empty()) f.severity = std::string(string_at(incident, ".urgency"));
    f.service = std::string(string_at(incident, ".service.summary"));
    f.actor_id = std::string(string_at(*event, ".agent.id"));
    f.actor_name = std::string(string_at(*event, ".agent.summary"));
    f.link = std::string(string_at(incident, ".html_url"));
    std::string_view verb = type;
    if (verb.starts_with("incident.")) verb.remove_prefix(9);
    std::string_view detail = data ? string_at(*data, ".content") : std::string_view();
    if (detail.empty() && data) detail = string_at(*data, ".message");
    f.text = fmt::format("{}: {}", verb, f.key);
    if (!detail.empty()) f.text += fmt::format(": {}", detail);
    emit(f, text, ctx);
}

// One REST log entry (also inside v2 webhook messages, whose incident supplies the title).
void parse_log_entry(json::Element entry, const JsonText& text, std::string_view path, AlertContext& ctx,
                     std::string_view title) {
    FieldReader r(ctx, text, vendor_name);
    Fields f;
    f.id = r.scalar(entry, path, "id");
    const std::string_view type = r.string(entry, path, "type");
    const std::string_view summary = r.string(entry, path, "summary");
    auto time = r.iso_time(entry, path, "created_at", &f.time_raw);
    if (r.failed()) return ctx.sink.drop("pagerduty: damaged record");
    if (f.id.empty() || !time) {
        r.report(Severity::warning, "incomplete", path, "log entry without `id` or `created_at`; not emitted");
        return ctx.sink.drop("pagerduty: event without an id or time");
    }
    f.time = *time;
    f.key = std::string(title);
    if (f.key.empty()) f.key = std::string(string_at(entry, ".incident.summary"));
    f.fingerprint = std::string(string_at(entry, ".incident.id"));
    f.state = std::string(map_entry_type(type));
    f.service = std::string(string_at(entry, ".service.summary"));
    f.actor_id = std::string(string_at(entry, ".agent.id"));
    f.actor_name = std::string(string_at(entry, ".agent.summary"));
    f.link = std::string(string_at(entry, ".html_url"));
    f.text = summary.empty() ? f.key : fmt::format("{}: {}", f.key, summary);
    emit(f, text, ctx);
}

// A legacy webhook message: v2 (with `log_entries`) or v1 (`type`, `created_on`, `data.incident`).
void parse_message(json::Element message, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    if (auto entries = r.array(message, path, "log_entries"); entries && entries->size() > 0) {
        std::string_view title = string_at(message, ".incident.title");
        const std::string ap = member_path(path, "log_entries");
        std::size_t i = 0;
        for (json::Element entry : *entries) parse_log_entry(entry, text, element_path(ap, i++), ctx, title);
        return;
    }
    Fields f;
    f.id = r.scalar(message, path, "id");
    std::string_view type = r.string(message, path, "type");
    if (type.empty()) type = r.string(message, path, "event");
    auto time = r.iso_time(message, path, "created_on", &f.time_raw);
    if (r.failed()) return ctx.sink.drop("pagerduty: damaged record");
    if (f.id.empty() || !time) {
        r.report(Severity::warning, "incomplete", path, "webhook message without `id` or `created_on`; not emitted");
        return ctx.sink.drop("pagerduty: event without an id or time");
    }
    f.time = *time;
    json::Element incident = message;
    if (auto i = json::at_path(message, ".data.incident"); i && i->is_object())
        incident = *i;
    else if (auto j = object_element(message, "incident"))
        incident = *j;
    f.fingerprint = json::scalar_member_text(incident, "id").value_or("");
    f.key = std::string(string_at(incident, ".trigger_summary_data.subject"));
    if (f.key.empty()) f.key = std::string(string_at(incident, ".title"));
    if (f.key.empty()) f.key = std::string(string_at(incident, ".incident_key"));
    f.state = std::string(map_status(type));
    if (f.state.empty()) f.state = std::string(map_status(string_at(incident, ".status")));
    f.service = std::string(string_at(incident, ".service.name"));
    f.link = std::string(string_at(incident, ".html_url"));
    std::string_view verb = type;
    if (verb.starts_with("incident.")) verb.remove_prefix(9);
    f.text = fmt::format("{}: {}", verb, f.key);
    emit(f, text, ctx);
}

bool is_log_entry(json::Element v) {
    auto type = json::string_member(v, "type");
    return type && type->ends_with("_log_entry") && json::member(v, "created_at");
}

bool is_pagerduty_shape(json::Element v, const IngestOptions& /*options*/) {
    if (auto event = object_element(v, "event"); event && json::member(*event, "event_type")) return true;
    if (auto messages = json::array_member(v, "messages"); messages && messages->size() > 0) {
        json::Element first = messages->at(0).value_unsafe();
        return json::member(first, "log_entries") || json::member(first, "created_on");
    }
    return json::array_member(v, "log_entries").has_value() || is_log_entry(v);
}

void parse_pagerduty(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    if (json::member(value, "event")) return parse_v3(value, text, path, ctx);
    const std::string_view list = json::member(value, "messages") ? "messages" : "log_entries";
    if (!json::member(value, list)) return parse_log_entry(value, text, path, ctx, {});
    auto items = r.array(value, path, list);
    if (!items) return ctx.sink.drop("pagerduty: damaged record");
    const std::string ap = member_path(path, list);
    std::size_t i = 0;
    for (json::Element item : *items) {
        const std::string p = element_path(ap, i++);
        if (list == "messages")
            parse_message(item, text, p, ctx);
        else
            parse_log_entry(item, text, p, ctx, {});
    }
}

constexpr std::string_view markers[] = {R"("event_type")", R"("log_entries")"};

}  // namespace

extern const AlertVendor pagerduty_vendor{vendor_name, is_pagerduty_shape, parse_pagerduty, markers};

}  // namespace retro::ingest::alerts
