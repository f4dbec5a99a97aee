// Reading JSON records with simdjson's DOM parser, plus lenient typed accessors for the shapes real
// payloads have (numbers as strings in one file and numbers in another, nulls where values were expected).
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "retro/diagnostic.hpp"

namespace retro::json {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

// True when `buffer` has retro::read_padding bytes of room allocated after its last byte.
bool has_read_padding(const std::string& buffer);

// Part of a buffer that has room after its last byte (has_read_padding), so that at least read_padding
// readable bytes follow the part (the rest of the buffer, then the room): the parser may read them, their
// contents do not matter. Made only through `in`, which checks the room. Used as the text itself wherever a
// plain view is wanted.
class PaddedText {
public:
    // `size` bytes of `buffer` from `offset`; nullopt when the buffer has not the room after it.
    static std::optional<PaddedText> in(const std::string& buffer, std::size_t offset, std::size_t size) {
        if (!has_read_padding(buffer) || offset > buffer.size() || size > buffer.size() - offset) return std::nullopt;
        return PaddedText(std::string_view(buffer).substr(offset, size));
    }
    std::string_view bytes() const { return m_bytes; }
    operator std::string_view() const { return m_bytes; }

private:
    explicit PaddedText(std::string_view bytes) : m_bytes(bytes) {}
    std::string_view m_bytes;
};

// True when a string the DOM parser gave holds a NUL byte (from a `\u0000` escape): the one thing repair_utf8
// would change in it. Such a string is valid UTF-8 otherwise: simdjson checks the whole document and refuses a
// lone surrogate in a `\u` escape (tests/unit/core/test_json_dom.cpp pins both).
inline bool holds_nul(std::string_view parsed) {
    return !parsed.empty() && std::memchr(parsed.data(), 0, parsed.size()) != nullptr;  // empty: maybe no pointer
}

// Parses framed records one at a time, reusing its buffers.
class DomParser {
public:
    DomParser();
    // Parses `bytes`. On invalid JSON reports `<code>` (e.g. `events.bad-json`) at the first bad byte,
    // as `origin` line:col, and returns std::nullopt. The element is valid until the next parse().
    std::optional<Element> parse(std::string_view bytes, const Origin& origin, Diagnostics& diags,
                                 std::string_view code);
    // The same for a string with room allocated after its bytes (retro::read_padding, as tree readers leave
    // it): parsed in place, not copied into the parser's own buffer first. Without the room, as above.
    std::optional<Element> parse(const std::string& bytes, const Origin& origin, Diagnostics& diags,
                                 std::string_view code);
    // The same for text with room after it: parsed in place, not copied into the parser's own buffer first.
    std::optional<Element> parse(PaddedText text, const Origin& origin, Diagnostics& diags, std::string_view code) {
        return parse(text.bytes(), false, origin, diags, code);
    }
    std::optional<Element> parse(const char* bytes, const Origin& origin, Diagnostics& diags, std::string_view code) {
        return parse(std::string_view(bytes), origin, diags, code);
    }
    // Offsets of the structural bytes of the text last parsed successfully, in order: `{}[]:,` and the
    // first byte of every string and scalar (simdjson's first stage, so positions cost no second scan).
    std::span<const std::uint32_t> structurals() const;

private:
    std::optional<Element> parse(std::string_view bytes, bool copy, const Origin& origin, Diagnostics& diags,
                                 std::string_view code);
    simdjson::dom::parser m_parser;
};

// The byte offset of the first syntax error in `bytes` (or bytes.size() when it ends too early), and a
// short reason. Used only on the error path, to say where.
struct SyntaxError {
    std::size_t offset = 0;
    std::string reason;
};
SyntaxError find_syntax_error(std::string_view bytes);

// The position of the first `"key"` followed by `:` in `bytes`, for wrong-typed field messages;
// falls back to the record start.
Location locate_key(const Origin& origin, std::string_view bytes, std::string_view key);

// a == b, for the short keys records have, without a call to memcmp: keys of 4 to 16 bytes are compared as two
// machine words each, the second ending at the last byte (overlapping the first when shorter).
inline bool same_key(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    auto words_equal = [&](auto word) {
        decltype(word) a0, b0, a1, b1;
        std::memcpy(&a0, a.data(), sizeof word);
        std::memcpy(&b0, b.data(), sizeof word);
        std::memcpy(&a1, a.data() + n - sizeof word, sizeof word);
        std::memcpy(&b1, b.data() + n - sizeof word, sizeof word);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    };
    if (n >= 8 && n <= 16) return words_equal(std::uint64_t{});
    if (n >= 4 && n < 8) return words_equal(std::uint32_t{});
    if (n < 4) {
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    return std::memcmp(a.data(), b.data(), n) == 0;
}

// Accessors: std::nullopt when absent, null or of another type.
std::optional<Element> member(Element e, std::string_view key);
std::optional<std::string_view> string_member(Element e, std::string_view key);
std::optional<Object> object_member(Element e, std::string_view key);
std::optional<Array> array_member(Element e, std::string_view key);
std::optional<bool> bool_member(Element e, std::string_view key);
// Integers given as JSON integers or as decimal strings ("1433558319").
std::optional<std::int64_t> integer_member(Element e, std::string_view key);
std::optional<std::int64_t> integer_of(Element value);
// The text of a scalar (string as is; integers, doubles and booleans printed), for ids and stamps that
// come as either type.
std::optional<std::string> scalar_text(Element e);
std::optional<std::string> scalar_member_text(Element e, std::string_view key);
// Follows a path such as `.detail.state.timestamp` or `.alerts[0].labels.alertname`.
std::optional<Element> at_path(Element e, std::string_view path);

}  // namespace retro::json
