// Case-blind member lookup over simdjson's DOM (graph_fields.hpp).
#include "ingest/teams/graph_fields.hpp"

#include "core/text_utf8.hpp"

namespace retro::ingest::teams {

std::optional<json::Element> field(json::Element e, std::string_view key) {
    json::Object object;
    if (e.get(object)) return std::nullopt;
    json::Element value;
    if (object.at_key(key).get(value) == simdjson::SUCCESS) {
        if (value.is_null()) return std::nullopt;
        return value;
    }
    for (auto member : object)
        if (iequals_ascii(member.key, key)) {
            if (member.value.is_null()) return std::nullopt;
            return member.value;
        }
    return std::nullopt;
}

std::optional<json::Element> field_at(json::Element e, std::string_view path) {
    std::optional<json::Element> at = e;
    while (at && !path.empty()) {
        if (path.front() == '.') path.remove_prefix(1);
        const std::size_t dot = path.find('.');
        at = field(*at, path.substr(0, dot));
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot);
    }
    return at;
}

std::string_view string_field(json::Element e, std::string_view key) {
    std::string_view s;
    if (auto value = field(e, key); value && !value->get(s)) return s;
    return {};
}

std::string_view string_at(json::Element e, std::string_view path) {
    std::string_view s;
    if (auto value = field_at(e, path); value && !value->get(s)) return s;
    return {};
}

std::string scalar_field(json::Element e, std::string_view key) {
    auto value = field(e, key);
    if (!value || value->is_object() || value->is_array()) return {};
    return json::scalar_text(*value).value_or("");
}

std::optional<json::Array> array_field(json::Element e, std::string_view key) {
    json::Array a;
    if (auto value = field(e, key); value && !value->get(a)) return a;
    return std::nullopt;
}

std::optional<json::Element> object_field(json::Element e, std::string_view key) {
    auto value = field(e, key);
    if (value && value->is_object()) return value;
    return std::nullopt;
}


bool has_key(json::Element e, std::string_view key) {
    json::Object object;
    if (e.get(object)) return false;
    for (auto member : object)
        if (iequals_ascii(member.key, key)) return true;
    return false;
}

std::string_view written_key(json::Element e, std::string_view key) {
    json::Object object;
    if (e.get(object)) return key;
    for (auto member : object)
        if (iequals_ascii(member.key, key)) return member.key;
    return key;
}

}  // namespace retro::ingest::teams
