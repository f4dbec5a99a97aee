// Reads one `retro.event/1` object (DESIGN.md). Unknown keys are ignored so that later versions' extra
// fields do not break older readers; a missing or wrong-typed required field rejects the record.
#include <fmt/format.h>

#include "core/json_dom.hpp"
#include "core/text_utf8.hpp"
#include "retro/event_json.hpp"

namespace retro {

namespace {

class EventReader {
public:
    EventReader(json::Element root, std::string_view bytes, const Origin& origin, Diagnostics& diags)
        : m_root(root), m_bytes(bytes), m_origin(origin), m_diags(diags) {}

    bool read(Event& e) {
        json::Object object;
        if (m_root.get(object)) return fail("", "an event must be a JSON object");
        auto schema = json::string_member(m_root, "schema");
        if (!schema || *schema != event_schema) {
            m_diags.error("events.bad-schema", json::locate_key(m_origin, m_bytes, "schema"),
                          fmt::format("not a {} event (\"schema\" is missing or different)", event_schema));
            return false;
        }
        if (!required_string(m_root, "id", e.id)) return false;
        optional_string(m_root, "record", e.record);
        std::string time;
        if (!required_string(m_root, "time", time)) return false;
        auto instant = parse_iso8601(time);
        if (!instant) return fail("time", fmt::format("\"time\" is not an ISO 8601 instant: {}", time));
        e.time = *instant;
        optional_string(m_root, "time_raw", e.time_raw);
        std::string text;
        if (optional_string(m_root, "precision", text)) {
            auto p = parse_precision(text);
            if (!p) return fail("precision", fmt::format("unknown precision \"{}\"", text));
            e.precision = *p;
        }
        if (!required_string(m_root, "kind", text)) return false;
        auto kind = parse_event_kind(text);
        if (!kind) return fail("kind", fmt::format("unknown kind \"{}\"", text));
        e.kind = *kind;
        if (!read_source(e.source)) return false;
        optional_string(m_root, "channel", e.channel);
        if (auto actor = json::member(m_root, "actor")) {
            optional_string(*actor, "id", e.actor.id);
            optional_string(*actor, "name", e.actor.name);
            optional_string(*actor, "initials", e.actor.initials);
            optional_string(*actor, "email", e.actor.email);
        }
        optional_string(m_root, "text", e.text);
        if (!read_spans(e)) return false;
        if (auto alert = json::member(m_root, "alert")) {
            AlertInfo a;
            optional_string(*alert, "key", a.key);
            optional_string(*alert, "fingerprint", a.fingerprint);
            optional_string(*alert, "state", a.state);
            optional_string(*alert, "severity", a.severity);
            optional_string(*alert, "service", a.service);
            e.alert = std::move(a);
        }
        if (auto status = json::member(m_root, "status")) {
            StatusInfo s;
            optional_string(*status, "page", s.page);
            optional_string(*status, "state", s.state);
            e.status = std::move(s);
        }
        optional_string(m_root, "thread", e.thread);
        if (auto links = json::array_member(m_root, "links")) {
            for (auto link : *links) {
                std::string_view s;
                if (!link.get(s)) e.links.push_back(repair_utf8(s));
            }
        }
        if (auto flags = json::member(m_root, "flags")) {
            e.flags.pinned = json::bool_member(*flags, "pinned").value_or(false);
            e.flags.edited = json::bool_member(*flags, "edited").value_or(false);
            e.flags.bot = json::bool_member(*flags, "bot").value_or(false);
            if (auto reactions = json::array_member(*flags, "reactions")) {
                for (auto r : *reactions) {
                    std::string_view s;
                    if (!r.get(s)) e.flags.reactions.push_back(repair_utf8(s));
                }
            }
        }
        if (auto p = json::member(m_root, "provenance")) {
            optional_string(*p, "tz_assumed", e.provenance.tz_assumed);
            optional_string(*p, "time_fallback", e.provenance.time_fallback);
        }
        return true;
    }

private:
    bool fail(std::string_view key, std::string message) {
        m_diags.error("events.bad-field", json::locate_key(m_origin, m_bytes, key.empty() ? "schema" : key),
                      std::move(message));
        return false;
    }

    // True when present; a present value of another type is reported and treated as absent.
    bool optional_string(json::Element object, std::string_view key, std::string& out) {
        auto value = json::member(object, key);
        if (!value) return false;
        std::string_view s;
        if (value->get(s)) {
            m_diags.warning("events.bad-field", json::locate_key(m_origin, m_bytes, key),
                            fmt::format("\"{}\" should be a string; ignored", key));
            return false;
        }
        out = repair_utf8(s);
        return true;
    }

    bool required_string(json::Element object, std::string_view key, std::string& out) {
        auto value = json::member(object, key);
        std::string_view s;
        if (!value || value->get(s) || s.empty()) {
            m_diags.error("events.missing-field", json::locate_key(m_origin, m_bytes, key),
                          fmt::format("event without a string \"{}\"", key));
            return false;
        }
        out = repair_utf8(s);
        return true;
    }

    bool read_source(SourceRef& source) {
        auto object = json::member(m_root, "source");
        if (!object) {
            m_diags.error("events.missing-field", json::locate_key(m_origin, m_bytes, "id"),
                          "event without a \"source\" object");
            return false;
        }
        if (!required_string(*object, "kind", source.kind)) return false;
        optional_string(*object, "vendor", source.vendor);
        optional_string(*object, "origin", source.origin);
        if (json::member(*object, "line")) {
            auto line = json::integer_member(*object, "line");
            if (!line || *line < 0) return fail("line", "\"source.line\" should be a non-negative integer");
            source.line = static_cast<std::uint64_t>(*line);
        }
        return true;
    }

    bool read_spans(Event& e) {
        auto spans = json::array_member(m_root, "spans");
        if (!spans) return true;
        for (auto item : *spans) {
            Span span;
            auto start = json::integer_member(item, "start");
            auto end = json::integer_member(item, "end");
            auto type = json::string_member(item, "type");
            if (!start || !end || !type || *start < 0 || *end < *start ||
                static_cast<std::size_t>(*end) > e.text.size())
                return fail("spans", "a span needs 0 <= start <= end <= length of text, and a type");
            auto t = parse_span_type(*type);
            if (!t) return fail("spans", fmt::format("unknown span type \"{}\"", *type));
            span.start = static_cast<std::size_t>(*start);
            span.end = static_cast<std::size_t>(*end);
            span.type = *t;
            if (auto url = json::string_member(item, "url")) span.url = repair_utf8(*url);
            e.spans.push_back(std::move(span));
        }
        return true;
    }

    json::Element m_root;
    std::string_view m_bytes;
    const Origin& m_origin;
    Diagnostics& m_diags;
};

}  // namespace

bool read_event_json(std::string_view record, const Origin& origin, Diagnostics& diags, Event& out) {
    thread_local json::DomParser parser;
    auto root = parser.parse(record, origin, diags, "events.bad-json");
    if (!root) return false;
    Event e;
    if (!EventReader(*root, record, origin, diags).read(e)) return false;
    out = std::move(e);
    return true;
}

}  // namespace retro
