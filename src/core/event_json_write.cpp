// Writes `retro.event/1` with DESIGN.md's key order; absent (empty) fields are omitted, never null.
#include "retro/event_json.hpp"

#include "core/change_json.hpp"
#include "core/json_writer.hpp"

namespace retro {

namespace {

void optional_string(json::Writer& w, std::string_view key, std::string_view value) {
    if (!value.empty()) w.key(key).value(value);
}

void write_actor(json::Writer& w, const Actor& a) {
    if (a.empty()) return;
    w.key("actor").begin_object();
    optional_string(w, "id", a.id);
    optional_string(w, "name", a.name);
    optional_string(w, "initials", a.initials);
    optional_string(w, "email", a.email);
    w.end_object();
}

void write_spans(json::Writer& w, const std::vector<Span>& spans) {
    if (spans.empty()) return;
    w.key("spans").begin_array();
    for (const auto& s : spans) {
        w.begin_object();
        w.key("start").value(static_cast<std::uint64_t>(s.start));
        w.key("end").value(static_cast<std::uint64_t>(s.end));
        w.key("type").value(to_string(s.type));
        optional_string(w, "url", s.url);
        w.end_object();
    }
    w.end_array();
}

void write_flags(json::Writer& w, const Flags& f) {
    if (f.empty()) return;
    w.key("flags").begin_object();
    if (f.pinned) w.key("pinned").value(true);
    if (!f.reactions.empty()) {
        w.key("reactions").begin_array();
        for (const auto& r : f.reactions) w.value(r);
        w.end_array();
    }
    if (f.edited) w.key("edited").value(true);
    if (f.bot) w.key("bot").value(true);
    if (f.system != SystemMessage::none) w.key("system").value(to_string(f.system));
    w.end_object();
}

}  // namespace

void write_change_part(json::Writer& w, const ChangeInfo& c) {
    w.key("change").begin_object();
    optional_string(w, "system", c.system);
    optional_string(w, "repo", c.repo);
    optional_string(w, "ref", c.ref);
    if (c.number > 0) w.key("number").value(c.number);
    w.key("action").value(to_string(c.action));
    optional_string(w, "environment", c.environment);
    optional_string(w, "commit", c.commit);
    optional_string(w, "url", c.url);
    w.end_object();
}

namespace {

// The event's line; `content_only` leaves out what names and places the record rather than what it says
// (id, record, time_raw, source): the text the content hash of ingest/id_collisions.hpp is taken over. An
// alert says its alert part (key and labels, state…); its text and links are rendered from the vendor's
// templates, which render the same firing differently in a later payload ("failure on <no value>").
void write_event(const Event& e, std::string& out, bool content_only) {
    const bool said_by_alert_part = content_only && e.alert;
    json::Writer w(out);
    w.begin_object();
    w.key("schema").value(event_schema);
    if (!content_only) {
        w.key("id").value(e.id);
        optional_string(w, "record", e.record);
    }
    UtcText utc;
    w.key("time").value(format_utc(e.time, utc));
    if (!content_only) optional_string(w, "time_raw", e.time_raw);
    w.key("precision").value(to_string(e.precision));
    w.key("kind").value(to_string(e.kind));
    if (!content_only) {
        w.key("source").begin_object();
        w.key("kind").value(e.source.kind);
        optional_string(w, "vendor", e.source.vendor);
        w.key("medium").value(to_string(e.source.medium));
        optional_string(w, "origin", e.source.origin);
        if (e.source.line > 0) w.key("line").value(static_cast<std::uint64_t>(e.source.line));
        w.end_object();
    }
    optional_string(w, "channel", e.channel);
    write_actor(w, e.actor);
    if (!said_by_alert_part) {
        w.key("text").value(e.text);
        write_spans(w, e.spans);
    }
    if (e.alert) {
        w.key("alert").begin_object();
        optional_string(w, "key", e.alert->key);
        optional_string(w, "fingerprint", e.alert->fingerprint);
        optional_string(w, "state", e.alert->state);
        optional_string(w, "severity", e.alert->severity);
        optional_string(w, "service", e.alert->service);
        w.end_object();
    }
    if (e.status) {
        w.key("status").begin_object();
        optional_string(w, "page", e.status->page);
        optional_string(w, "state", e.status->state);
        w.end_object();
    }
    optional_string(w, "thread", e.thread);
    if (!e.links.empty() && !said_by_alert_part) {
        w.key("links").begin_array();
        for (const auto& l : e.links) w.value(l);
        w.end_array();
    }
    if (e.change) write_change_part(w, *e.change);
    if (e.repeat) {
        w.key("repeat").begin_object();
        w.key("count").value(e.repeat->count);
        w.key("last").value(format_utc(e.repeat->last, utc));
        w.end_object();
    }
    write_flags(w, e.flags);
    if (e.provenance && !e.provenance->empty()) {
        w.key("provenance").begin_object();
        optional_string(w, "tz_assumed", e.provenance->tz_assumed);
        optional_string(w, "time_fallback", e.provenance->time_fallback);
        w.end_object();
    }
    w.end_object();
    out += '\n';
}

}  // namespace

void write_event_json(const Event& e, std::string& out) { write_event(e, out, false); }

void write_event_content_json(const Event& e, std::string& out) { write_event(e, out, true); }

std::string to_json_line(const Event& e) {
    std::string out;
    write_event_json(e, out);
    return out;
}

}  // namespace retro
