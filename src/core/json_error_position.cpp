// Finds where a JSON text (RFC 8259) first goes wrong, for diagnostics only: simdjson says *that* a record
// is invalid, not *where*. An explicit stack keeps deeply nested input from exhausting the C++ stack.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/json_dom.hpp"
#include "core/text_utf8.hpp"

namespace retro::json {

namespace {

class Scanner {
public:
    explicit Scanner(std::string_view s) : m_s(s) {}

    SyntaxError run() {
        skip_ws();
        if (!value()) return m_error;
        for (;;) {
            skip_ws();
            if (m_pending) {  // a container was just opened: its first element
                m_pending = false;
                if (m_stack.back() == '{' && !member_key()) return m_error;
                if (!value()) return m_error;
                continue;
            }
            if (m_stack.empty()) break;
            const char open = m_stack.back();
            if (at_end()) return fail("unexpected end of input");
            const char c = m_s[m_i];
            if (c == (open == '{' ? '}' : ']')) {
                ++m_i;
                m_stack.pop_back();
                continue;
            }
            if (c != ',') return fail(open == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
            ++m_i;
            skip_ws();
            if (open == '{' && !member_key()) return m_error;
            if (!value()) return m_error;
        }
        if (!at_end()) return fail("unexpected data after the JSON value");
        return {m_s.size(), ""};
    }

private:
    bool at_end() const { return m_i >= m_s.size(); }

    SyntaxError fail(const char* reason) {
        m_error = {m_i, reason};
        return m_error;
    }

    // The value of four hex digits (already checked).
    static unsigned hex_value(std::string_view four) {
        unsigned v = 0;
        for (char h : four)
            v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h))
                                                   ? h - '0'
                                                   : (std::tolower(static_cast<unsigned char>(h)) - 'a' + 10));
        return v;
    }

    bool failed(const char* reason) {
        fail(reason);
        return false;
    }

    void skip_ws() {
        while (!at_end() && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r')) ++m_i;
    }

    bool member_key() {
        if (at_end() || m_s[m_i] != '"') return failed("expected a string key");
        if (!string()) return false;
        skip_ws();
        if (at_end() || m_s[m_i] != ':') return failed("expected ':'");
        ++m_i;
        skip_ws();
        return true;
    }

    // Reads one value; containers are opened on the stack and closed by run().
    bool value() {
        if (at_end()) return failed("unexpected end of input");
        const char c = m_s[m_i];
        if (c == '{' || c == '[') {
            ++m_i;
            skip_ws();
            if (!at_end() && m_s[m_i] == (c == '{' ? '}' : ']')) {
                ++m_i;
                return true;
            }
            m_stack.push_back(c);
            m_pending = true;
            return true;
        }
        if (c == '"') return string();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        for (std::string_view lit : {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
            if (m_s.substr(m_i, lit.size()) == lit) {
                m_i += lit.size();
                return true;
            }
        }
        return failed("expected a JSON value");
    }

    bool string() {
        const std::size_t open = m_i++;
        while (!at_end()) {
            const auto c = static_cast<unsigned char>(m_s[m_i]);
            if (c == '"') {
                ++m_i;
                return true;
            }
            if (c < 0x20) return failed("control character in string");
            if (c == '\\') {
                if (m_i + 1 >= m_s.size()) break;
                const char e = m_s[m_i + 1];
                if (e == 'u') {
                    for (int k = 2; k < 6; ++k) {
                        if (m_i + k >= m_s.size() || !std::isxdigit(static_cast<unsigned char>(m_s[m_i + k]))) {
                            m_i += 1;
                            return failed("bad \\u escape");
                        }
                    }
                    // A surrogate must come as a pair (RFC 8259 §7): high \uD800–\uDBFF, then low \uDC00–\uDFFF.
                    const unsigned unit = hex_value(m_s.substr(m_i + 2, 4));
                    if (unit >= 0xDC00 && unit <= 0xDFFF) return failed("lone surrogate in \\u escape");
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        const std::string_view next = m_s.substr(m_i + 6);
                        const bool paired =
                            next.size() >= 6 && next[0] == '\\' && next[1] == 'u' &&
                            std::all_of(next.begin() + 2, next.begin() + 6,
                                        [](char h) { return std::isxdigit(static_cast<unsigned char>(h)); }) &&
                            hex_value(next.substr(2, 4)) >= 0xDC00 && hex_value(next.substr(2, 4)) <= 0xDFFF;
                        if (!paired) return failed("lone surrogate in \\u escape");
                        m_i += 12;
                        continue;
                    }
                    m_i += 6;
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    ++m_i;
                    return failed("bad escape");
                }
                m_i += 2;
                continue;
            }
            if (c >= 0x80) {
                std::size_t n = 1;
                while (m_i + n < m_s.size() && n < 4 && (static_cast<unsigned char>(m_s[m_i + n]) & 0xC0) == 0x80) ++n;
                if (!is_valid_utf8(m_s.substr(m_i, n))) {
                    // Find the shortest valid prefix to pinpoint the bad byte.
                    return failed("invalid UTF-8");
                }
                m_i += n;
                continue;
            }
            ++m_i;
        }
        m_i = open;
        return failed("unterminated string");
    }

    bool number() {
        const std::size_t start = m_i;
        if (m_s[m_i] == '-') ++m_i;
        if (at_end() || !std::isdigit(static_cast<unsigned char>(m_s[m_i]))) return failed("bad number");
        if (m_s[m_i] == '0') {
            ++m_i;
        } else {
            while (!at_end() && std::isdigit(static_cast<unsigned char>(m_s[m_i]))) ++m_i;
        }
        if (!at_end() && m_s[m_i] == '.') {
            ++m_i;
            if (at_end() || !std::isdigit(static_cast<unsigned char>(m_s[m_i]))) return failed("bad number");
            while (!at_end() && std::isdigit(static_cast<unsigned char>(m_s[m_i]))) ++m_i;
        }
        if (!at_end() && (m_s[m_i] == 'e' || m_s[m_i] == 'E')) {
            ++m_i;
            if (!at_end() && (m_s[m_i] == '+' || m_s[m_i] == '-')) ++m_i;
            if (at_end() || !std::isdigit(static_cast<unsigned char>(m_s[m_i]))) return failed("bad number");
            while (!at_end() && std::isdigit(static_cast<unsigned char>(m_s[m_i]))) ++m_i;
        }
        if (!is_in_range(m_s.substr(start, m_i - start))) {
            m_i = start;
            return failed("number out of range");
        }
        return true;
    }

    // simdjson refuses what a double cannot hold (`1e999`) and integers past 64 bits.
    static bool is_in_range(std::string_view number) {
        const bool is_integer = number.find_first_of(".eE") == std::string_view::npos;
        if (is_integer) {
            std::int64_t i = 0;
            std::uint64_t u = 0;
            const char* end = number.data() + number.size();
            if (std::from_chars(number.data(), end, i).ec == std::errc()) return true;
            return std::from_chars(number.data(), end, u).ec == std::errc();
        }
        const std::string text(number);
        return std::isfinite(std::strtod(text.c_str(), nullptr));
    }

    std::string_view m_s;
    std::size_t m_i = 0;
    std::vector<char> m_stack;
    bool m_pending = false;
    SyntaxError m_error;
};

}  // namespace

SyntaxError find_syntax_error(std::string_view bytes) { return Scanner(bytes).run(); }

}  // namespace retro::json
