// Shared helpers of the alert ingesters: positions in records and embedded JSON, typed
// field reading with exact diagnostics (DESIGN.md "Diagnostics").
#include "ingest/alerts/alert_context.hpp"

#include <charconv>
#include <utility>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/alerts/json_locate.hpp"

namespace retro::ingest::alerts {
Location JsonText::at_offset(std::size_t offset, std::string& suffix) const {
    if (!m_outer) return locate(*m_origin, m_text, offset);
    // The outer string's value position, then where inside the decoded string.
    const std::size_t value = locate_json_path(m_outer->m_text, m_outer_path);
    Location where = m_outer->at_offset(value, suffix);
    suffix += fmt::format(" (in {}, offset {})", m_name, offset);
    return where;
}

Location JsonText::at_path(std::string_view path, std::string& suffix) const {
    std::size_t key = 0;
    locate_json_path(m_text, path, &key);
    return at_offset(key, suffix);
}

std::string_view describe_type(json::Element e) {
    switch (e.type()) {
        case simdjson::dom::element_type::ARRAY:
            return "an array";
        case simdjson::dom::element_type::OBJECT:
            return "an object";
        case simdjson::dom::element_type::INT64:
        case simdjson::dom::element_type::UINT64:
        case simdjson::dom::element_type::DOUBLE:
            return "a number";
        case simdjson::dom::element_type::STRING:
            return "a string";
        case simdjson::dom::element_type::BOOL:
            return "a boolean";
        case simdjson::dom::element_type::NULL_VALUE:
            return "null";
    }
    return "a value";
}

std::optional<json::Element> object_element(json::Element e, std::string_view key) {
    auto value = json::member(e, key);
    if (!value || !value->is_object()) return std::nullopt;
    return value;
}

std::string_view string_at(json::Element e, std::string_view path) {
    auto value = json::at_path(e, path);
    std::string_view s;
    if (!value || value->get(s)) return {};
    return s;
}

// Made for every record and alert, for the diagnostics that may name them: appended, not formatted.
std::string member_path(std::string_view obj_path, std::string_view key) {
    std::string path;
    path.reserve(obj_path.size() + 1 + key.size());
    path.append(obj_path).append(1, '.').append(key);
    return path;
}

std::string element_path(std::string_view array_path, std::size_t index) {
    char digits[24];
    const std::size_t count =
        static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, index).ptr - digits);
    std::string path;
    path.reserve(array_path.size() + count + 2);
    path.append(array_path).append(1, '[').append(digits, count).append(1, ']');
    return path;
}

void FieldReader::report(Severity severity, std::string_view code, std::string_view path, std::string message) {
    std::string suffix;
    Location where = m_text.at_path(path, suffix);
    m_ctx.diags.report(
        Diagnostic{severity, fmt::format("{}.{}", m_vendor, code), std::move(where), std::move(message) + suffix});
    if (severity == Severity::error) m_failed = true;
}

void FieldReader::wrong_type(std::string_view path, std::string_view key, std::string_view expected,
                             json::Element found) {
    report(Severity::error, "bad-field", path,
           fmt::format("`{}` is {} where {} was expected; record skipped", key, describe_type(found), expected));
}

std::string_view FieldReader::string(json::Element obj, std::string_view obj_path, std::string_view key) {
    auto value = json::member(obj, key);
    if (!value) return {};
    std::string_view s;
    if (value->get(s)) {
        wrong_type(member_path(obj_path, key), key, "a string", *value);
        return {};
    }
    return s;
}

std::string FieldReader::scalar(json::Element obj, std::string_view obj_path, std::string_view key) {
    auto value = json::member(obj, key);
    if (!value) return {};
    if (value->is_object() || value->is_array()) {
        wrong_type(member_path(obj_path, key), key, "a string or number", *value);
        return {};
    }
    return json::scalar_text(*value).value_or(std::string());
}

std::optional<json::Element> FieldReader::object(json::Element obj, std::string_view obj_path, std::string_view key) {
    auto value = json::member(obj, key);
    if (!value) return std::nullopt;
    if (!value->is_object()) {
        wrong_type(member_path(obj_path, key), key, "an object", *value);
        return std::nullopt;
    }
    return value;
}

std::optional<json::Array> FieldReader::array(json::Element obj, std::string_view obj_path, std::string_view key) {
    auto value = json::member(obj, key);
    if (!value) return std::nullopt;
    json::Array a;
    if (value->get(a)) {
        wrong_type(member_path(obj_path, key), key, "an array", *value);
        return std::nullopt;
    }
    return a;
}

std::optional<Instant> FieldReader::iso_time(json::Element obj, std::string_view obj_path, std::string_view key,
                                             std::string* raw) {
    auto value = json::member(obj, key);
    if (!value) return std::nullopt;
    std::string_view s;
    if (value->get(s)) {
        wrong_type(member_path(obj_path, key), key, "a time string", *value);
        return std::nullopt;
    }
    auto instant = parse_iso8601(s);
    if (!instant) {
        report(Severity::error, "bad-time", member_path(obj_path, key),
               fmt::format("`{}` holds `{}`, not an ISO 8601 time with an offset; record skipped", key, s));
        return std::nullopt;
    }
    if (raw) *raw = std::string(s);
    return instant;
}

std::optional<Instant> FieldReader::epoch_time(json::Element obj, std::string_view obj_path, std::string_view key,
                                               std::optional<EpochUnit> unit, std::string* raw) {
    auto value = json::member(obj, key);
    if (!value) return std::nullopt;
    if (value->is_object() || value->is_array() || value->is_bool()) {
        wrong_type(member_path(obj_path, key), key, "an epoch number", *value);
        return std::nullopt;
    }
    const std::string text = json::scalar_text(*value).value_or(std::string());
    auto instant = unit ? parse_epoch(text, *unit) : parse_epoch_auto(text);
    if (!instant) {
        report(Severity::error, "bad-time", member_path(obj_path, key),
               fmt::format("`{}` holds `{}`, not an epoch time; record skipped", key, text));
        return std::nullopt;
    }
    if (raw) *raw = text;
    return instant;
}

Event make_alert_event(std::string_view vendor, const JsonText& text) {
    Event e;
    e.kind = EventKind::alert;
    e.source.kind = vendor;
    e.source.vendor = e.source.kind;
    e.source.medium = Medium::alerting;
    e.source.origin = text.origin().name;
    e.source.line = text.origin().line;
    e.channel = e.source.kind;
    return e;
}

std::string clean_text(std::string text) {
    if (!json::holds_nul(text)) return text;
    return repair_utf8(text);
}

std::string format_utc_ms(Instant t) {
    const std::string full = format_utc(t);  // 2024-07-25T10:36:12.248609Z
    return full.substr(0, full.size() - 4) + "Z";
}

}  // namespace retro::ingest::alerts
