// simdjson DOM parsing of framed records, with positions for errors, and lenient accessors.
#include "core/json_dom.hpp"

#include <charconv>

#include <fmt/format.h>

#include "retro/source.hpp"

namespace retro::json {

DomParser::DomParser() = default;

std::span<const std::uint32_t> DomParser::structurals() const {
    const auto& stage1 = *m_parser.implementation;
    return {stage1.structural_indexes.get(), stage1.n_structural_indexes};
}

static_assert(read_padding >= simdjson::SIMDJSON_PADDING, "tree readers leave room for simdjson's padding");

std::optional<Element> DomParser::parse(std::string_view bytes, const Origin& origin, Diagnostics& diags,
                                        std::string_view code) {
    return parse(bytes, true, origin, diags, code);
}

std::optional<Element> DomParser::parse(const std::string& bytes, const Origin& origin, Diagnostics& diags,
                                        std::string_view code) {
    return parse(bytes, !has_read_padding(bytes), origin, diags, code);
}

bool has_read_padding(const std::string& buffer) {
    return buffer.capacity() - buffer.size() >= read_padding;
}

std::optional<Element> DomParser::parse(std::string_view bytes, bool copy, const Origin& origin, Diagnostics& diags,
                                        std::string_view code) {
    Element element;
    auto error = m_parser.parse(bytes.data(), bytes.size(), copy).get(element);
    if (!error) return element;
    const SyntaxError where = find_syntax_error(bytes);
    std::string message;
    if (!where.reason.empty()) {
        message = fmt::format("invalid JSON: {}", where.reason);
    } else if (error == simdjson::DEPTH_ERROR) {
        message = "invalid JSON: nested too deeply";
    } else {
        message = fmt::format("invalid JSON: {}", simdjson::error_message(error));
    }
    const std::size_t offset = where.reason.empty() ? 0 : where.offset;
    diags.error(std::string(code), locate(origin, bytes, offset), message);
    return std::nullopt;
}

Location locate_key(const Origin& origin, std::string_view bytes, std::string_view key) {
    const std::string quoted = fmt::format("\"{}\"", key);
    std::size_t pos = 0;
    while ((pos = bytes.find(quoted, pos)) != std::string_view::npos) {
        std::size_t after = pos + quoted.size();
        while (after < bytes.size() && (bytes[after] == ' ' || bytes[after] == '\t' || bytes[after] == '\n' ||
                                        bytes[after] == '\r'))
            ++after;
        if (after < bytes.size() && bytes[after] == ':') return locate(origin, bytes, pos);
        pos += quoted.size();
    }
    return locate(origin, bytes, 0);
}

// The first field named `key`, as simdjson's at_key finds it, but compared by same_key, not a memcmp call:
// readers look up a few dozen names per record among keys of the same few lengths, and the calls were 2-4%
// of the export's and the alert stream's samples.
std::optional<Element> member(Element e, std::string_view key) {
    Object object;
    if (e.get(object)) return std::nullopt;
    for (auto field = object.begin(), end = object.end(); field != end; ++field) {
        if (field.key_length() != key.size() || !same_key({field.key_c_str(), key.size()}, key)) continue;
        const Element value = field.value();
        if (value.is_null()) return std::nullopt;
        return value;
    }
    return std::nullopt;
}

std::optional<std::string_view> string_member(Element e, std::string_view key) {
    auto value = member(e, key);
    std::string_view s;
    if (!value || value->get(s)) return std::nullopt;
    return s;
}

std::optional<Object> object_member(Element e, std::string_view key) {
    auto value = member(e, key);
    Object o;
    if (!value || value->get(o)) return std::nullopt;
    return o;
}

std::optional<Array> array_member(Element e, std::string_view key) {
    auto value = member(e, key);
    Array a;
    if (!value || value->get(a)) return std::nullopt;
    return a;
}

std::optional<bool> bool_member(Element e, std::string_view key) {
    auto value = member(e, key);
    bool b = false;
    if (!value || value->get(b)) return std::nullopt;
    return b;
}

std::optional<std::int64_t> integer_member(Element e, std::string_view key) {
    auto value = member(e, key);
    if (!value) return std::nullopt;
    return integer_of(*value);
}

std::optional<std::int64_t> integer_of(Element value) {
    std::int64_t i = 0;
    if (!value.get(i)) return i;
    std::uint64_t u = 0;
    if (!value.get(u)) {
        if (u > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    std::string_view s;
    if (!value.get(s)) {
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
        if (ec == std::errc() && ptr == s.data() + s.size()) return i;
    }
    return std::nullopt;
}

std::optional<std::string> scalar_text(Element e) {
    switch (e.type()) {
        case simdjson::dom::element_type::STRING: return std::string(e.get_string().value_unsafe());
        case simdjson::dom::element_type::INT64: return fmt::format("{}", e.get_int64().value_unsafe());
        case simdjson::dom::element_type::UINT64: return fmt::format("{}", e.get_uint64().value_unsafe());
        case simdjson::dom::element_type::DOUBLE: return fmt::format("{}", e.get_double().value_unsafe());
        case simdjson::dom::element_type::BOOL: return e.get_bool().value_unsafe() ? "true" : "false";
        default: return std::nullopt;
    }
}

std::optional<std::string> scalar_member_text(Element e, std::string_view key) {
    auto value = member(e, key);
    if (!value) return std::nullopt;
    return scalar_text(*value);
}

std::optional<Element> at_path(Element e, std::string_view path) {
    std::size_t i = 0;
    Element current = e;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
            continue;
        }
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) return std::nullopt;
            std::size_t index = 0;
            auto [ptr, ec] = std::from_chars(path.data() + i + 1, path.data() + close, index);
            if (ec != std::errc() || ptr != path.data() + close) return std::nullopt;
            Array a;
            if (current.get(a)) return std::nullopt;
            if (current.at(index).get(current)) return std::nullopt;
            i = close + 1;
            continue;
        }
        std::size_t end = i;
        while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
        auto next = member(current, path.substr(i, end - i));
        if (!next) return std::nullopt;
        current = *next;
        i = end;
    }
    if (current.is_null()) return std::nullopt;
    return current;
}

}  // namespace retro::json
