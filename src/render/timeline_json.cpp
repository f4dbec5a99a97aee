// `retro timeline --format json`: the timeline as one `retro.timeline/1` object, documented in
// docs/timeline-json.md. Keys in a fixed order; empty strings, lists and objects are omitted as in
// `retro.event/1`; instants are UTC with six fractional digits, `local` is HH.MM in the display zone.
#include "core/change_json.hpp"
#include "core/json_writer.hpp"
#include "render/timeline_output.hpp"

namespace retro::render {

namespace {

void opt_string(json::Writer& w, std::string_view key, std::string_view value) {
    if (!value.empty()) w.key(key).value(value);
}

void string_list(json::Writer& w, std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    w.key(key).begin_array();
    for (const auto& v : values) w.value(v);
    w.end_array();
}

void write_group(json::Writer& w, const AlertGroup& g) {
    w.begin_object();
    w.key("key").value(g.key);
    opt_string(w, "channel", g.channel);
    w.key("first").value(format_utc(g.first));
    w.key("last").value(format_utc(g.last));
    w.key("count").value(g.count);
    w.key("flaps").value(g.flaps);
    if (g.resolved) w.key("resolved").value(format_utc(*g.resolved));
    string_list(w, "event_ids", g.event_ids);
    w.end_object();
}

void write_entry(json::Writer& w, const TimelineEntry& e, const TimeZone& tz) {
    w.begin_object();
    w.key("time").value(format_utc(e.time));
    w.key("local").value(format_hh_mm(e.time, tz));
    w.key("precision").value(to_string(e.precision));
    w.key("kind").value(to_string(e.kind));
    opt_string(w, "source_kind", e.source_kind);
    opt_string(w, "channel", e.channel);
    opt_string(w, "initials", e.initials);
    opt_string(w, "actor", e.actor_name);
    opt_string(w, "text", e.text);
    if (!e.spans.empty()) {
        w.key("spans").begin_array();
        for (const auto& s : e.spans) {
            w.begin_object().key("start").value(static_cast<std::uint64_t>(s.start));
            w.key("end").value(static_cast<std::uint64_t>(s.end)).key("type").value(to_string(s.type));
            opt_string(w, "url", s.url);
            w.end_object();
        }
        w.end_array();
    }
    opt_string(w, "thread", e.thread);
    string_list(w, "links", e.links);
    if (e.group) {
        w.key("group");
        write_group(w, *e.group);
    }
    if (e.status)
        w.key("status")
            .begin_object()
            .key("page")
            .value(e.status->page)
            .key("state")
            .value(e.status->state)
            .end_object();
    if (e.change) write_change_part(w, *e.change);
    if (e.lead_up) w.key("lead_up").value(true);
    if (e.pinned) w.key("pinned").value(true);
    if (e.bot) w.key("bot").value(true);
    string_list(w, "event_ids", e.event_ids);
    if (!e.continuations.empty()) {
        w.key("continuations").begin_array();
        for (const auto& c : e.continuations) write_entry(w, c, tz);
        w.end_array();
    }
    w.end_object();
}

}  // namespace

std::string render_timeline_json(const Timeline& t, const TimeZone& tz) {
    std::string out;
    json::Writer w(out);
    w.begin_object();
    w.key("schema").value("retro.timeline/1");
    w.key("tz").value(tz.name());
    w.key("window").begin_object();
    w.key("from").value(format_utc(t.window.from)).key("until").value(format_utc(t.window.until));
    w.key("chosen_by").value(t.window.chosen_by);
    if (t.window.cluster) w.key("cluster").value(static_cast<std::uint64_t>(t.window.cluster));
    w.end_object();
    w.key("clusters").begin_array();
    for (const auto& c : t.clusters) {
        w.begin_object().key("first").value(format_utc(c.first)).key("last").value(format_utc(c.last));
        w.key("alerts").value(c.alerts).key("human").value(c.human).key("other").value(c.other).end_object();
    }
    w.end_array();
    opt_string(w, "title_hint", t.title_hint);
    if (!t.discussion_channel.empty()) {
        w.key("discussion").begin_object().key("channel").value(t.discussion_channel);
        opt_string(w, "link", t.discussion_link);
        w.end_object();
    }
    w.key("entries").begin_array();
    for (const auto& e : t.entries) write_entry(w, e, tz);
    w.end_array();
    w.key("groups").begin_array();
    for (const auto& g : t.groups) write_group(w, g);
    w.end_array();
    w.key("changes").begin_array();
    for (const auto& c : t.changes) {
        w.begin_object().key("entry");
        write_entry(w, c.entry, tz);
        string_list(w, "reasons", c.reasons);
        w.key("shown").value(c.shown).key("in_window").value(c.in_window).end_object();
    }
    w.end_array();
    w.key("milestones").begin_array();
    for (const auto& m : t.milestones) {
        w.begin_object().key("name").value(m.name).key("time").value(format_utc(m.time));
        w.key("local").value(format_hh_mm(m.time, tz));
        w.key("evidence").begin_array();
        for (const auto& id : m.evidence) w.value(id);
        w.end_array().key("method").value(m.method).key("confidence").value(m.guess ? "guess" : "fact").end_object();
    }
    w.end_array();
    w.key("metrics").begin_array();
    for (const auto& m : t.metrics)
        w.begin_object()
            .key("name")
            .value(m.name)
            .key("seconds")
            .value(static_cast<std::int64_t>(m.value.count()))
            .key("from")
            .value(m.from)
            .key("to")
            .value(m.to)
            .end_object();
    w.end_array();
    w.key("cause_quotes").begin_array();
    for (const auto& q : t.cause_quotes) {
        w.begin_object().key("text").value(q.text);
        string_list(w, "cues", q.cues);
        w.key("time").value(format_utc(q.time)).key("local").value(format_hh_mm(q.time, tz));
        w.key("kind").value(to_string(q.kind));
        opt_string(w, "channel", q.channel);
        opt_string(w, "initials", q.initials);
        opt_string(w, "actor", q.actor_name);
        w.key("event_id").value(q.event_id).end_object();
    }
    w.end_array();
    w.key("participants").begin_array();
    for (const auto& p : t.participants) {
        w.begin_object().key("initials").value(p.initials);
        opt_string(w, "name", p.name);
        w.key("entries").value(p.entries).end_object();
    }
    w.end_array();
    const Ledger& l = t.ledger;
    w.key("ledger").begin_object();
    w.key("input").value(l.input).key("in_timeline").value(l.in_timeline);
    w.key("dropped").begin_object();
    for (const auto& [reason, n] : l.dropped) w.key(reason).value(n);
    w.end_object();
    w.key("raw_alerts").value(l.raw_alerts).key("alert_groups").value(l.alert_groups);
    w.key("not_events").begin_object();
    for (const auto& [reason, n] : l.not_events) w.key(reason).value(n);
    w.end_object();
    w.key("balances").value(l.balances());
    w.end_object();
    w.end_object();
    out += '\n';
    return out;
}

}  // namespace retro::render
