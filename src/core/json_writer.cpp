// JSON writing with fixed key order and RFC 8259 escaping. Invalid UTF-8 becomes U+FFFD, so the output is
// always valid JSON whatever the input held.
#include "core/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/text_utf8.hpp"

namespace retro::json {

namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

// True when a byte of the word is a control byte, a quote, a backslash or non-ASCII (the classic "has a
// zero byte" test, applied to the word xor'ed with each byte of interest).
bool holds_special(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    return ((w & highs) | ((w - ones * 0x20) & ~w & highs) | has_zero(w ^ (ones * '"')) |
            has_zero(w ^ (ones * '\\'))) != 0;
}

#if defined(__SSE2__)
// The bytes of `v` that need escaping, as a bit each: control bytes and non-ASCII are below 0x20 as signed
// bytes, then the quote and the backslash.
int special_bits(__m128i v) {
    const __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    return _mm_movemask_epi8(special);
}
#endif

// The length of the run at the start of `text` that needs no escaping. Sixteen bytes at a time with SSE2,
// else eight as a word (holds_special); the bytes after the last whole word are checked as one word too,
// ending at the text's last byte (overlapping bytes already passed; a text of 4 to 7 bytes as two 4-byte
// halves that overlap): keys and short values, most of what is written, take one test instead of a loop
// over their bytes.
std::size_t plain_run(std::string_view text) {
    const std::size_t n = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time where the text has them (SSE2 is in every x86-64), the last sixteen overlapping
    // the ones before: the first special byte's place comes with the test.
    if (n >= 16) {
        for (; i + 16 <= n; i += 16) {
            const int bits = special_bits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)));
            if (bits != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
        }
        if (i == n) return n;
        const int bits = special_bits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + n - 16)));
        return bits == 0 ? n : n - 16 + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
    }
#endif
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        if (holds_special(w)) break;
    }
    if (i + 8 > n && i < n) {  // the loop ran out of whole words with bytes left
        std::uint64_t w;
        if (n >= 8) {
            std::memcpy(&w, text.data() + n - 8, 8);
        } else if (n >= 4) {
            std::uint32_t low, high;
            std::memcpy(&low, text.data(), 4);
            std::memcpy(&high, text.data() + n - 4, 4);
            w = low | (std::uint64_t{high} << 32);
        } else {
            w = 0x6161616161616161ull;  // 'a's: plain, with the text's one to three bytes over the first
            std::memcpy(&w, text.data(), n);
        }
        if (!holds_special(w)) return n;
    }
    while (i < n && !needs_escape(static_cast<unsigned char>(text[i]))) ++i;
    return i;
}

void append_escaped_ascii(std::string& out, char c) {
    switch (c) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        default: break;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out += "\\u00";
    out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
    out += hex[static_cast<unsigned char>(c) & 0xF];
}

// `prefix` (a comma or nothing), then `text` as a JSON string. Text that needs no escaping, the usual
// case, takes one append: the room made once and the bytes copied in, with no call per quote.
void append_quoted(std::string& out, std::string_view prefix, std::string_view text) {
    std::size_t i = plain_run(text);
    if (i == text.size()) {
        const std::size_t at = out.size();
        out.resize(at + prefix.size() + text.size() + 2);
        char* p = out.data() + at;
        if (!prefix.empty()) std::memcpy(p, prefix.data(), prefix.size());
        p += prefix.size();
        *p++ = '"';
        if (!text.empty()) std::memcpy(p, text.data(), text.size());
        p[text.size()] = '"';
        return;
    }
    out.append(prefix);
    out += '"';
    out.append(text.data(), i);
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            append_escaped_ascii(out, text[i]);
            ++i;
        } else {
            // Copy a whole run of non-ASCII bytes, repaired if needed.
            std::size_t end = i;
            while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) ++end;
            const std::string_view chunk = text.substr(i, end - i);
            if (is_valid_utf8(chunk)) {
                out.append(chunk);
            } else {
                out += repair_utf8(chunk);
            }
            i = end;
        }
        const std::size_t run = i + plain_run(text.substr(i));
        out.append(text.data() + i, run - i);
        i = run;
    }
    out += '"';
}

}  // namespace

void append_string(std::string& out, std::string_view text) {
    append_quoted(out, {}, text);
}

void Writer::separate() {
    if (m_need_comma) m_out += ',';
    m_need_comma = true;
}

Writer& Writer::begin_object() {
    separate();
    m_out += '{';
    m_need_comma = false;
    return *this;
}

Writer& Writer::end_object() {
    m_out += '}';
    m_need_comma = true;
    return *this;
}

Writer& Writer::begin_array() {
    separate();
    m_out += '[';
    m_need_comma = false;
    return *this;
}

Writer& Writer::end_array() {
    m_out += ']';
    m_need_comma = true;
    return *this;
}

Writer& Writer::key(std::string_view name) {
    // Keys are mostly the writer's own short names, which need no escaping: `,"name":` in one append.
    constexpr std::size_t short_key = 48;
    if (name.size() <= short_key && plain_run(name) == name.size()) {
        char buffer[short_key + 4];
        std::size_t n = 0;
        if (m_need_comma) buffer[n++] = ',';
        buffer[n++] = '"';
        std::memcpy(buffer + n, name.data(), name.size());
        n += name.size();
        buffer[n++] = '"';
        buffer[n++] = ':';
        m_out.append(buffer, n);
    } else {
        separate();
        append_string(m_out, name);
        m_out += ':';
    }
    m_need_comma = false;
    return *this;
}

Writer& Writer::value(std::string_view text) {
    append_quoted(m_out, m_need_comma ? std::string_view(",") : std::string_view(), text);  // with its separator
    m_need_comma = true;
    return *this;
}

Writer& Writer::value(std::int64_t number) {
    separate();
    char digits[24];
    m_out.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
    return *this;
}

Writer& Writer::value(std::uint64_t number) {
    separate();
    char digits[24];
    m_out.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
    return *this;
}

Writer& Writer::value(double number) {
    separate();
    if (std::isfinite(number)) {
        fmt::format_to(std::back_inserter(m_out), "{}", number);
    } else {
        m_out += "null";  // JSON has no NaN or infinity
    }
    return *this;
}

Writer& Writer::value(bool flag) {
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

Writer& Writer::null() {
    separate();
    m_out += "null";
    return *this;
}

Writer& Writer::raw(std::string_view json) {
    separate();
    m_out.append(json);
    return *this;
}

}  // namespace retro::json
