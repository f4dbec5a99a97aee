// Markdown inline → plain text for timeline entries. Follows CommonMark 0.29 §2.4 (backslash escapes),
// §2.5 (entities), §6.1 (code spans), §6.5 (autolinks), §6.3 (links, inline form only) and GFM's
// extended autolinks, in the subset the published retros use. Renderers escape again; parsers never do.
#include "retrodoc/timeline_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>

#include "core/text_utf8.hpp"

namespace retro::retrodoc {
namespace {

bool is_ascii_punct(char c) {
    return std::ispunct(static_cast<unsigned char>(c)) != 0;
}
bool is_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool is_space(char c) {
    return c == ' ' || c == '\t';
}

// An HTML entity at `s[0] == '&'`: appends its character and returns its length, else 0.
std::size_t decode_entity(std::string_view s, std::string& out) {
    const std::size_t semi = s.substr(0, 11).find(';');  // the longest entity read is 10 bytes before `;`
    if (semi == std::string_view::npos || semi < 2 || semi > 10) return 0;
    std::string_view name = s.substr(1, semi - 1);
    struct Named {
        std::string_view name;
        char32_t cp;
    };
    static constexpr Named named[] = {
        {"amp", U'&'},        {"lt", U'<'},         {"gt", U'>'},         {"quot", U'"'},        {"apos", U'\''},
        {"nbsp", U'\u00a0'},  {"ndash", U'\u2013'}, {"mdash", U'\u2014'}, {"hellip", U'\u2026'}, {"rsquo", U'\u2019'},
        {"lsquo", U'\u2018'}, {"rdquo", U'\u201d'}, {"ldquo", U'\u201c'}};
    for (const Named& n : named) {
        if (name == n.name) {
            append_utf8(out, n.cp);
            return semi + 1;
        }
    }
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        std::string_view digits = name.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) return 0;
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        append_utf8(out, static_cast<char32_t>(cp));
        return semi + 1;
    }
    return 0;
}

// Text with only backslash escapes and entities decoded (link texts, link destinations).
std::string decode_escapes(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out += s[++i];
        } else if (s[i] == '&') {
            if (std::size_t n = decode_entity(s.substr(i), out)) {
                i += n - 1;
            } else {
                out += '&';
            }
        } else {
            out += s[i];
        }
    }
    return out;
}

bool starts_with_scheme(std::string_view s) {
    return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("mailto:") || s.starts_with("ftp://");
}

// A bare URL (GFM extended autolink) starting at s[0]: its length with trailing punctuation left out.
std::size_t bare_url_length(std::string_view s) {
    if (!(s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))) return 0;
    std::size_t n = 0;
    while (n < s.size() && !is_space(s[n]) && s[n] != '<') ++n;
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ':' || s[n - 1] == ';' || s[n - 1] == '!' ||
                     s[n - 1] == '?' || s[n - 1] == '*' || s[n - 1] == '_' || s[n - 1] == '\'' || s[n - 1] == '"')) {
        --n;
    }
    // A closing parenthesis belongs to the URL only when it has an opening partner inside it (counted once:
    // counting again per trailing `)` made `http://a)))…` quadratic).
    std::size_t open = 0, close = 0;
    for (char c : s.substr(0, n)) {
        open += c == '(';
        close += c == ')';
    }
    while (n > 0 && s[n - 1] == ')' && close > open) {
        --n;
        --close;
    }
    return n;
}

void add_span(PlainText& out, std::size_t start, SpanType type, std::string url = {}) {
    if (out.text.size() > start) out.spans.push_back(Span{start, out.text.size(), type, std::move(url)});
}

constexpr std::size_t npos = std::string_view::npos;

// Link texts and emphasis nest; past this depth the inner text is kept with only its escapes decoded, so
// `[[[[…](u)](u)](u)` neither exhausts the stack nor costs more than this many passes over the line.
constexpr int max_nesting = 16;

// Where each `[` and `(` of a line closes (the first bracket after it where the count returns to zero,
// a backslash hiding the character after it), found in one pass with a stack, as CommonMark's delimiter
// stack does: a search per opener made a line of `[` or `![[]()` quadratic.
class BracketPairs {
public:
    explicit BracketPairs(std::string_view s) {
        std::vector<std::size_t> squares, rounds;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (c == '\\') {
                ++i;
            } else if (c == '[') {
                squares.push_back(i);
            } else if (c == '(') {
                rounds.push_back(i);
            } else if (c == ']' && !squares.empty()) {
                m_close.emplace_back(squares.back(), i);
                squares.pop_back();
            } else if (c == ')' && !rounds.empty()) {
                m_close.emplace_back(rounds.back(), i);
                rounds.pop_back();
            }
        }
        std::sort(m_close.begin(), m_close.end());
    }

    // The position closing the bracket at `open`, or npos.
    std::size_t close_of(std::size_t open) const {
        auto it = std::lower_bound(m_close.begin(), m_close.end(), std::pair<std::size_t, std::size_t>(open, 0));
        return it != m_close.end() && it->first == open ? it->second : npos;
    }

private:
    std::vector<std::pair<std::size_t, std::size_t>> m_close;  // (opener, closer), by opener
};

// Backtick runs of a line: a code span opened by a run of N closes at the next run of exactly N (CommonMark
// §6.1). The last start of each run length is known up front, so an opener with no closer is answered at
// once (a line of runs of every length was quadratic).
class BacktickRuns {
public:
    explicit BacktickRuns(std::string_view s) : m_s(s) {
        for (std::size_t i = s.find('`'); i != npos; i = s.find('`', i)) {
            const std::size_t n = run_at(i);
            m_last_start.resize(std::max(m_last_start.size(), n + 1), npos);
            m_last_start[n] = i;
            i += n;
        }
    }

    // The start of the first run of exactly `n` backticks at or after `from`, or npos.
    std::size_t next_run(std::size_t from, std::size_t n) const {
        if (n >= m_last_start.size() || m_last_start[n] == npos || m_last_start[n] < from) return npos;
        for (std::size_t i = m_s.find('`', from);; i = m_s.find('`', i)) {
            const std::size_t len = run_at(i);
            if (len == n) return i;
            i += len;
        }
    }

    std::size_t run_at(std::size_t i) const {
        std::size_t n = 0;
        while (i + n < m_s.size() && m_s[i + n] == '`') ++n;
        return n;
    }

private:
    std::string_view m_s;
    std::vector<std::size_t> m_last_start;  // by run length
};

// Emphasis markers the reader knows: `*`, `**`, `_`, `__`.
std::size_t marker_index(std::string_view marker) {
    return (marker[0] == '_' ? 2 : 0) + (marker.size() - 1);
}

// Emphasis closer for `marker` at `k`: flanking rules simplified to "not next to a space on the inside; for
// `_`, not inside a word on the outside", and a single marker is not the start of a double one. It depends
// on `k` alone, not on the opener, so one failed search answers every later opener up to where it stopped.
bool closes_emphasis(std::string_view s, std::size_t k, std::string_view marker) {
    if (s.substr(k, marker.size()) != marker || is_space(s[k - 1])) return false;
    const std::size_t after = k + marker.size();
    if (marker.size() == 1 && after < s.size() && s[after] == marker[0]) return false;
    return !(marker[0] == '_' && after < s.size() && is_alnum(s[after]));
}

// One line of Markdown inline text, read left to right once; the searches that may fail remember how far
// they looked, so the reading stays linear in the line (issue 15 item 10).
class InlineReader {
public:
    InlineReader(std::string_view s, int depth) : m_s(s), m_depth(depth) {}

    void read(PlainText& out) {
        const std::string_view s = m_s;
        std::size_t i = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
                out.text += s[i + 1];
                i += 2;
                continue;
            }
            if (c == '&') {
                if (std::size_t n = decode_entity(s.substr(i), out.text)) {
                    i += n;
                    continue;
                }
            }
            if (c == '`') {
                if (!m_ticks) m_ticks.emplace(s);
                const std::size_t ticks = m_ticks->run_at(i);
                const std::size_t close = m_ticks->next_run(i + ticks, ticks);
                if (close != npos) {
                    std::string_view code = s.substr(i + ticks, close - i - ticks);
                    if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' && trim(code).size() > 0) {
                        code = code.substr(1, code.size() - 2);
                    }
                    const std::size_t start = out.text.size();
                    out.text += code;
                    add_span(out, start, SpanType::code);
                    i = close + ticks;
                    continue;
                }
                out.text.append(ticks, '`');
                i += ticks;
                continue;
            }
            if (c == '<') {
                if (s.substr(i).starts_with("<!--")) {
                    const std::size_t end = s.find("-->", i + 4);
                    i = end == npos ? s.size() : end + 3;
                    continue;
                }
                std::string_view rest = s.substr(i + 1);
                if (starts_with_icase(rest, "br>") || starts_with_icase(rest, "br/>") ||
                    starts_with_icase(rest, "br />")) {
                    out.text += '\n';
                    i = s.find('>', i) + 1;
                    continue;
                }
                const std::size_t close = next_angle(i);
                if (close != npos && starts_with_scheme(rest) &&
                    s.substr(i + 1, close - i - 1).find_first_of(" \t<") == npos) {
                    std::string_view url = s.substr(i + 1, close - i - 1);
                    // `<url\\>` at a line end: a converter escaped the hard-break backslash inside the
                    // autolink. The author meant the URL and a line break, so the backslashes are not part of it.
                    if (close + 1 == s.size()) {
                        while (url.ends_with('\\')) url.remove_suffix(1);
                    }
                    const std::size_t start = out.text.size();
                    std::string href(url.starts_with("mailto:") ? url.substr(7) : url);
                    out.text += href;
                    add_span(out, start, SpanType::link, std::string(url));
                    i = close + 1;
                    continue;
                }
            }
            if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
                const std::size_t at = c == '!' ? i + 1 : i;
                std::string_view text, url;
                if (std::size_t end = match_inline_link(at, text, url); end != npos) {
                    const std::size_t start = out.text.size();
                    PlainText inner;
                    read_nested(text, inner);
                    out.text += inner.text;
                    add_span(out, start, SpanType::link, decode_escapes(url));
                    i = end;
                    continue;
                }
            }
            if ((c == 'h' || c == 'w') && (i == 0 || !is_alnum(s[i - 1]))) {
                if (std::size_t n = bare_url_length(s.substr(i))) {
                    std::string_view url = s.substr(i, n);
                    const std::size_t start = out.text.size();
                    out.text += url;
                    add_span(out, start, SpanType::link,
                             url.starts_with("www.") ? "http://" + std::string(url) : std::string(url));
                    i += n;
                    continue;
                }
            }
            if (c == '*' || c == '_') {
                const bool is_double = i + 1 < s.size() && s[i + 1] == c;
                const std::string marker(is_double ? 2 : 1, c);
                const std::size_t open_end = i + marker.size();
                const bool left_ok = c == '*' || i == 0 || !is_alnum(s[i - 1]);
                if (left_ok && open_end < s.size() && !is_space(s[open_end])) {
                    const std::size_t close = find_emphasis_close(open_end + 1, marker);
                    if (close != npos) {
                        const std::size_t start = out.text.size();
                        read_nested(s.substr(open_end, close - open_end), out);
                        add_span(out, start, is_double ? SpanType::bold : SpanType::italic);
                        i = close + marker.size();
                        continue;
                    }
                }
                out.text += marker;
                i = open_end;
                continue;
            }
            out.text += c;
            ++i;
        }
    }

private:
    void read_nested(std::string_view inner, PlainText& out) const {
        if (m_depth >= max_nesting) {
            out.text += decode_escapes(inner);
            return;
        }
        InlineReader(inner, m_depth + 1).read(out);
    }

    // The next `>` at or after `from`, or npos (remembered: `<<<…` asks for it once per `<`).
    std::size_t next_angle(std::size_t from) {
        if (m_angle == unknown || (m_angle != npos && m_angle < from)) m_angle = m_s.find('>', from);
        return m_angle;
    }

    // `[text](url)` with its `[` at `at`: the text, the destination and the end of the link, else npos.
    std::size_t match_inline_link(std::size_t at, std::string_view& text, std::string_view& url) {
        if (!m_brackets) m_brackets.emplace(m_s);
        const std::size_t close_text = m_brackets->close_of(at);
        if (close_text == npos || close_text + 1 >= m_s.size() || m_s[close_text + 1] != '(') return npos;
        const std::size_t close_url = m_brackets->close_of(close_text + 1);
        if (close_url == npos) return npos;
        text = m_s.substr(at + 1, close_text - at - 1);
        url = trim(m_s.substr(close_text + 2, close_url - close_text - 2));
        if (url.starts_with('<') && url.ends_with('>')) url = url.substr(1, url.size() - 2);
        if (const std::size_t space = url.find(' '); space != npos) url = url.substr(0, space);
        return close_url + 1;
    }

    // The closer of `marker` at or after `from`, or npos; a search stops at a backslash or a backtick.
    std::size_t find_emphasis_close(std::size_t from, std::string_view marker) {
        std::size_t& none_until = m_no_closer_until[marker_index(marker)];
        if (none_until != unknown && from <= none_until) return npos;
        for (std::size_t k = from; k + marker.size() <= m_s.size(); ++k) {
            if (m_s[k] == '\\' || m_s[k] == '`') {
                none_until = k;
                return npos;
            }
            if (closes_emphasis(m_s, k, marker)) return k;
        }
        none_until = m_s.size();
        return npos;
    }

    static constexpr std::size_t unknown = npos - 1;
    std::string_view m_s;
    int m_depth;
    std::optional<BracketPairs> m_brackets;
    std::optional<BacktickRuns> m_ticks;
    std::size_t m_angle = unknown;
    std::array<std::size_t, 4> m_no_closer_until{unknown, unknown, unknown, unknown};  // by marker_index
};

}  // namespace

void append_markdown_inline(std::string_view s, PlainText& out) {
    InlineReader(s, 0).read(out);
}

PlainText entry_plain_text(const std::vector<RetroLine>& lines) {
    PlainText out;
    std::size_t pre_start = std::string::npos;
    std::size_t first = 0;
    while (first < lines.size() && !lines[first].is_code && trim(lines[first].text).empty()) ++first;
    for (std::size_t k = first; k < lines.size(); ++k) {
        const RetroLine& line = lines[k];
        if (k > first) out.text += '\n';
        const std::string repaired = repair_utf8(line.text);
        if (line.is_code) {
            if (pre_start == std::string::npos) pre_start = out.text.size();
            out.text += repaired;
            const bool last_code = k + 1 == lines.size() || !lines[k + 1].is_code;
            if (last_code) {
                add_span(out, pre_start, SpanType::pre);
                pre_start = std::string::npos;
            }
            continue;
        }
        append_markdown_inline(repaired, out);
    }
    // Trailing newlines of an entry (an empty continuation) carry nothing.
    while (!out.text.empty() && out.text.back() == '\n') out.text.pop_back();
    for (Span& span : out.spans) span.end = std::min(span.end, out.text.size());
    return out;
}

}  // namespace retro::retrodoc
