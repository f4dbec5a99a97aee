// Reads one `retro.event/1` object (DESIGN.md). Unknown keys are ignored so that later versions' extra
// fields do not break older readers; a missing or wrong-typed required field rejects the record. A stream
// written before `source.medium` and `flags.system` existed gets both filled in (core/legacy_event.hpp).
#include <array>
#include <optional>

#include <fmt/format.h>

#include "core/json_dom.hpp"
#include "core/legacy_event.hpp"
#include "core/recent_texts.hpp"
#include "core/text_utf8.hpp"
#include "retro/event_json.hpp"

namespace retro {

namespace {

using Value = std::optional<json::Element>;

// The members of one object named in `names`, found in one pass over its keys rather than one lookup per
// name: as json::member() reads them (the first of a repeated key counts; null is absent; nothing when
// `object` is absent or not an object). Each key is first compared with the name after the last one
// found, so keys in the writer's order (`names` is in that order) cost one comparison each.
template <std::size_t N>
std::array<Value, N> find_members(Value object, const std::array<std::string_view, N>& names) {
    std::array<Value, N> found{};
    json::Object o;
    if (!object || object->get(o)) return found;
    std::array<bool, N> seen{};
    std::size_t next = 0;
    for (auto field : o) {
        for (std::size_t tried = 0, k = next; tried < N; ++tried, k = k + 1 == N ? 0 : k + 1) {
            if (!json::same_key(field.key, names[k])) continue;
            if (!seen[k]) {
                seen[k] = true;
                if (!field.value.is_null()) found[k] = field.value;
            }
            next = k + 1 == N ? 0 : k + 1;
            break;
        }
    }
    return found;
}

std::optional<std::string_view> string_of(Value value) {
    std::string_view s;
    if (!value || value->get(s)) return std::nullopt;
    return s;
}

std::optional<bool> bool_of(Value value) {
    bool b = false;
    if (!value || value->get(b)) return std::nullopt;
    return b;
}

// repair_utf8(s) for a string the parser gave, which only changes one holding a NUL (json::holds_nul): the
// others are taken as they are, with no string made on the way.
template <class Text>  // std::string or PackedText
void assign_repaired(Text& out, std::string_view s) {
    if (json::holds_nul(s))
        out = repair_utf8(s);
    else
        out = s;
}
std::string repaired(std::string_view s) {
    return json::holds_nul(s) ? repair_utf8(s) : std::string(s);
}

// The shared copy of repair_utf8(s) among the last texts of a field.
template <std::size_t Slots>
PackedText shared_repaired(RecentTexts<Slots>& recent, std::string_view s) {
    return json::holds_nul(s) ? recent.get(repair_utf8(s)) : recent.get(s);
}

// The root's members, in the order of `root_names`.
enum Root : std::size_t {
    r_schema,
    r_id,
    r_record,
    r_time,
    r_time_raw,
    r_precision,
    r_kind,
    r_source,
    r_channel,
    r_actor,
    r_text,
    r_spans,
    r_alert,
    r_status,
    r_thread,
    r_links,
    r_change,
    r_repeat,
    r_flags,
    r_provenance,
    r_count
};
constexpr std::array<std::string_view, r_count> root_names{
    "schema", "id",    "record", "time",   "time_raw", "precision", "kind",   "source", "channel", "actor",
    "text",   "spans", "alert",  "status", "thread",   "links",     "change", "repeat", "flags",   "provenance"};

// Texts that repeat from event to event, each field's kept once per reading thread: the source kinds, their
// origins (a merged timeline interleaves a few dozen files), the channels and the people (a few hundred of
// each in an export's stream).
struct RecentFields {
    RecentTexts<8> kinds;
    RecentTexts<16> origins;
    RecentTexts<64> channels;
    RecentTexts<64> actor_ids;
    RecentTexts<64> actor_names;
};

class EventReader {
public:
    EventReader(json::Element root, std::string_view bytes, const Origin& origin, Diagnostics& diags,
                RecentFields& recent)
        : m_root(root), m_bytes(bytes), m_origin(origin), m_diags(diags), m_recent(recent) {}

    bool read(Event& e) {
        json::Object object;
        if (m_root.get(object)) return fail("", "an event must be a JSON object");
        const auto m = find_members(m_root, root_names);
        auto schema = string_of(m[r_schema]);
        if (!schema || *schema != event_schema) {
            m_diags.error("events.bad-schema", json::locate_key(m_origin, m_bytes, "schema"),
                          fmt::format("not a {} event (\"schema\" is missing or different)", event_schema));
            return false;
        }
        if (!required_string(m[r_id], "id", e.id)) return false;
        optional_string(m[r_record], "record", e.record);
        std::string_view time;
        std::string repaired_time;
        if (!required_view(m[r_time], "time", time)) return false;
        if (json::holds_nul(time)) time = repaired_time = repair_utf8(time);
        auto instant = parse_iso8601(time);
        if (!instant) return fail("time", fmt::format("\"time\" is not an ISO 8601 instant: {}", time));
        e.time = *instant;
        optional_string(m[r_time_raw], "time_raw", e.time_raw);
        std::string text;
        if (optional_string(m[r_precision], "precision", text)) {
            auto p = parse_precision(text);
            if (!p) return fail("precision", fmt::format("unknown precision \"{}\"", text));
            e.precision = *p;
        }
        if (!required_string(m[r_kind], "kind", text)) return false;
        auto kind = parse_event_kind(text);
        if (!kind) return fail("kind", fmt::format("unknown kind \"{}\"", text));
        e.kind = *kind;
        bool has_medium = false;
        if (!read_source(m[r_source], e.source, has_medium)) return false;
        shared_string(m[r_channel], "channel", e.channel, m_recent.channels);
        if (m[r_actor]) {
            const auto a = find_members(m[r_actor], std::array<std::string_view, 4>{"id", "name", "initials", "email"});
            shared_string(a[0], "id", e.actor.id, m_recent.actor_ids);
            shared_string(a[1], "name", e.actor.name, m_recent.actor_names);
            optional_string(a[2], "initials", e.actor.initials);
            optional_string(a[3], "email", e.actor.email);
        }
        optional_string(m[r_text], "text", e.text);
        if (!read_spans(m[r_spans], e)) return false;
        if (m[r_alert]) {
            const auto f = find_members(
                m[r_alert], std::array<std::string_view, 5>{"key", "fingerprint", "state", "severity", "service"});
            AlertInfo a;
            optional_string(f[0], "key", a.key);
            optional_string(f[1], "fingerprint", a.fingerprint);
            optional_string(f[2], "state", a.state);
            optional_string(f[3], "severity", a.severity);
            optional_string(f[4], "service", a.service);
            e.alert = std::move(a);
        }
        if (m[r_status]) {
            const auto f = find_members(m[r_status], std::array<std::string_view, 2>{"page", "state"});
            StatusInfo s;
            optional_string(f[0], "page", s.page);
            optional_string(f[1], "state", s.state);
            e.status = std::move(s);
        }
        optional_string(m[r_thread], "thread", e.thread);
        json::Array links;
        if (m[r_links] && !m[r_links]->get(links)) {
            for (auto link : links) {
                std::string_view s;
                if (!link.get(s)) e.links.push_back(repaired(s));
            }
        }
        if (!read_change(m[r_change], e) || !read_repeat(m[r_repeat], e)) return false;
        if (m[r_flags]) {
            const auto f = find_members(
                m[r_flags], std::array<std::string_view, 5>{"pinned", "edited", "bot", "reactions", "system"});
            e.flags.pinned = bool_of(f[0]).value_or(false);
            e.flags.edited = bool_of(f[1]).value_or(false);
            e.flags.bot = bool_of(f[2]).value_or(false);
            if (optional_string(f[4], "system", text)) {
                auto system = parse_system_message(text);
                if (!system) return fail("system", fmt::format("unknown system message \"{}\"", text));
                e.flags.system = *system;
            }
            json::Array reactions;
            if (f[3] && !f[3]->get(reactions)) {
                for (auto r : reactions) {
                    std::string_view s;
                    if (!r.get(s)) e.flags.reactions.push_back(repaired(s));
                }
            }
        }
        if (m[r_provenance]) {
            const auto f =
                find_members(m[r_provenance], std::array<std::string_view, 2>{"tz_assumed", "time_fallback"});
            Provenance p;
            optional_string(f[0], "tz_assumed", p.tz_assumed);
            optional_string(f[1], "time_fallback", p.time_fallback);
            if (!p.empty()) e.provenance = std::move(p);
        }
        if (!has_medium) {  // an older stream: what it can tell
            e.source.medium = legacy_medium(e.source.kind, e.kind);
            if (e.flags.system == SystemMessage::none) e.flags.system = legacy_system_message(e);
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
    template <class Text>  // std::string or PackedText
    bool optional_string(Value value, std::string_view key, Text& out) {
        if (!value) return false;
        std::string_view s;
        if (value->get(s)) {
            m_diags.warning("events.bad-field", json::locate_key(m_origin, m_bytes, key),
                            fmt::format("\"{}\" should be a string; ignored", key));
            return false;
        }
        assign_repaired(out, s);
        return true;
    }

    // As optional_string, for a text that repeats from record to record: one copy shared by them.
    template <std::size_t Slots>
    bool shared_string(Value value, std::string_view key, PackedText& out, RecentTexts<Slots>& recent) {
        std::string_view s;
        if (!value) return false;
        if (value->get(s)) return optional_string(value, key, out);  // reports it
        out = shared_repaired(recent, s);
        return true;
    }

    // The raw (unrepaired) string; a missing, empty or wrong-typed value is reported.
    bool required_view(Value value, std::string_view key, std::string_view& out) {
        if (!value || value->get(out) || out.empty()) {
            m_diags.error("events.missing-field", json::locate_key(m_origin, m_bytes, key),
                          fmt::format("event without a string \"{}\"", key));
            return false;
        }
        return true;
    }

    bool required_string(Value value, std::string_view key, std::string& out) {
        std::string_view s;
        if (!required_view(value, key, s)) return false;
        assign_repaired(out, s);
        return true;
    }

    // `has_medium`: the stream names the medium (it is not older than `source.medium`).
    bool read_source(Value object, SourceRef& source, bool& has_medium) {
        if (!object) {
            m_diags.error("events.missing-field", json::locate_key(m_origin, m_bytes, "id"),
                          "event without a \"source\" object");
            return false;
        }
        const auto f =
            find_members(object, std::array<std::string_view, 5>{"kind", "vendor", "origin", "line", "medium"});
        std::string_view kind;
        if (!required_view(f[0], "kind", kind)) return false;
        source.kind = shared_repaired(m_recent.kinds, kind);
        optional_string(f[1], "vendor", source.vendor);
        shared_string(f[2], "origin", source.origin, m_recent.origins);
        std::string medium;
        if (optional_string(f[4], "medium", medium)) {
            auto parsed = parse_medium(medium);
            if (!parsed) return fail("medium", fmt::format("unknown medium \"{}\"", medium));
            source.medium = *parsed;
            has_medium = true;
        }
        if (f[3]) {
            auto line = json::integer_of(*f[3]);
            if (!line || *line < 0) return fail("line", "\"source.line\" should be a non-negative integer");
            source.line = static_cast<std::uint64_t>(*line);
        }
        return true;
    }

    bool read_change(Value value, Event& e) {
        if (!value) return true;
        const auto f = find_members(value, std::array<std::string_view, 8>{"system", "repo", "ref", "number", "action",
                                                                           "environment", "commit", "url"});
        ChangeInfo c;
        optional_string(f[0], "system", c.system);
        optional_string(f[1], "repo", c.repo);
        optional_string(f[2], "ref", c.ref);
        if (f[3]) {
            auto number = json::integer_of(*f[3]);
            if (!number || *number < 1) return fail("number", "\"change.number\" should be a positive integer");
            c.number = static_cast<std::uint64_t>(*number);
        }
        auto action = string_of(f[4]);
        if (!action) return fail("change", "\"change\" without a string \"action\"");
        auto parsed = parse_change_action(*action);
        if (!parsed) return fail("action", fmt::format("unknown change action \"{}\"", *action));
        c.action = *parsed;
        optional_string(f[5], "environment", c.environment);
        optional_string(f[6], "commit", c.commit);
        optional_string(f[7], "url", c.url);
        e.change = std::move(c);
        return true;
    }

    bool read_repeat(Value value, Event& e) {
        if (!value) return true;
        const auto f = find_members(value, std::array<std::string_view, 2>{"count", "last"});
        auto count = f[0] ? json::integer_of(*f[0]) : std::nullopt;
        auto last = string_of(f[1]);
        auto instant = last ? parse_iso8601(*last) : std::nullopt;
        if (!count || *count < 1 || !instant)
            return fail("repeat", "\"repeat\" needs a positive \"count\" and a \"last\" instant");
        e.repeat = Repeat{static_cast<std::uint64_t>(*count), *instant};
        return true;
    }

    bool read_spans(Value value, Event& e) {
        json::Array spans;
        if (!value || value->get(spans)) return true;
        for (auto item : spans) {
            Span span;
            const auto f = find_members(item, std::array<std::string_view, 4>{"start", "end", "type", "url"});
            auto start = f[0] ? json::integer_of(*f[0]) : std::nullopt;
            auto end = f[1] ? json::integer_of(*f[1]) : std::nullopt;
            auto type = string_of(f[2]);
            if (!start || !end || !type || *start < 0 || *end < *start ||
                static_cast<std::size_t>(*end) > e.text.size())
                return fail("spans", "a span needs 0 <= start <= end <= length of text, and a type");
            auto t = parse_span_type(*type);
            if (!t) return fail("spans", fmt::format("unknown span type \"{}\"", *type));
            span.start = static_cast<std::size_t>(*start);
            span.end = static_cast<std::size_t>(*end);
            span.type = *t;
            if (auto url = string_of(f[3])) span.url = repaired(*url);
            e.spans.push_back(std::move(span));
        }
        return true;
    }

    json::Element m_root;
    std::string_view m_bytes;
    const Origin& m_origin;
    Diagnostics& m_diags;
    RecentFields& m_recent;
};

}  // namespace

bool read_event_json(std::string_view record, const Origin& origin, Diagnostics& diags, Event& out) {
    thread_local json::DomParser parser;
    thread_local RecentFields recent;
    auto root = parser.parse(record, origin, diags, "events.bad-json");
    if (!root) return false;
    return EventReader(*root, record, origin, diags, recent).read(out);
}

}  // namespace retro
