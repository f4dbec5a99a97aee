// Markdown inline → plain text for timeline entries. Follows CommonMark 0.29 §2.4 (backslash escapes),
// §2.5 (entities), §6.1 (code spans), §6.5 (autolinks), §6.3 (links, inline form only) and GFM's
// extended autolinks, in the subset the published retros use. Renderers escape again; parsers never do.
#include "ingest/retro/timeline_text.hpp"

#include <cctype>
#include <charconv>

#include "core/text_utf8.hpp"

namespace retro::ingest {
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
    const std::size_t semi = s.find(';');
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
    // A closing parenthesis belongs to the URL only when it has an opening partner inside it.
    while (n > 0 && s[n - 1] == ')') {
        std::string_view url = s.substr(0, n);
        std::size_t open = 0, close = 0;
        for (char c : url) {
            open += c == '(';
            close += c == ')';
        }
        if (close <= open) break;
        --n;
    }
    return n;
}

// `[text](url)` at s[0] == '[': lengths of the text and of the whole link, else false.
bool match_inline_link(std::string_view s, std::string_view& text, std::string_view& url, std::size_t& length) {
    int depth = 0;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == '[') ++depth;
        if (s[i] == ']' && --depth == 0) break;
    }
    if (i >= s.size() || i + 1 >= s.size() || s[i + 1] != '(') return false;
    const std::size_t close_text = i;
    std::size_t j = i + 2;
    int parens = 1;
    for (; j < s.size(); ++j) {
        if (s[j] == '\\') {
            ++j;
            continue;
        }
        if (s[j] == '(') ++parens;
        if (s[j] == ')' && --parens == 0) break;
    }
    if (j >= s.size()) return false;
    text = s.substr(1, close_text - 1);
    url = trim(s.substr(close_text + 2, j - close_text - 2));
    if (url.starts_with('<') && url.ends_with('>')) url = url.substr(1, url.size() - 2);
    if (const std::size_t space = url.find(' '); space != std::string_view::npos) url = url.substr(0, space);
    length = j + 1;
    return true;
}

void add_span(PlainText& out, std::size_t start, SpanType type, std::string url = {}) {
    if (out.text.size() > start) out.spans.push_back(Span{start, out.text.size(), type, std::move(url)});
}

// Emphasis closer for `marker` starting the search at `from`: flanking rules simplified to "not next to
// a space on the inside; for `_`, not inside a word on the outside".
std::size_t find_emphasis_close(std::string_view s, std::size_t from, std::string_view marker) {
    for (std::size_t k = from; k + marker.size() <= s.size(); ++k) {
        if (s[k] == '\\' || s[k] == '`') return std::string_view::npos;
        if (s.substr(k, marker.size()) != marker) continue;
        if (is_space(s[k - 1])) continue;
        const std::size_t after = k + marker.size();
        if (marker.size() == 1 && after < s.size() && s[after] == marker[0]) {
            ++k;
            continue;
        }
        if (marker[0] == '_' && after < s.size() && is_alnum(s[after])) continue;
        return k;
    }
    return std::string_view::npos;
}

}  // namespace

void append_markdown_inline(std::string_view s, PlainText& out) {
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
            std::size_t ticks = 0;
            while (i + ticks < s.size() && s[i + ticks] == '`') ++ticks;
            const std::string fence(ticks, '`');
            std::size_t close = s.find(fence, i + ticks);
            while (close != std::string_view::npos && close + ticks < s.size() && s[close + ticks] == '`') {
                close = s.find(fence, close + ticks + 1);
            }
            if (close != std::string_view::npos) {
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
            out.text += fence;
            i += ticks;
            continue;
        }
        if (c == '<') {
            if (s.substr(i).starts_with("<!--")) {
                const std::size_t end = s.find("-->", i + 4);
                i = end == std::string_view::npos ? s.size() : end + 3;
                continue;
            }
            std::string_view rest = s.substr(i + 1);
            if (starts_with_icase(rest, "br>") || starts_with_icase(rest, "br/>") || starts_with_icase(rest, "br />")) {
                out.text += '\n';
                i = s.find('>', i) + 1;
                continue;
            }
            const std::size_t close = s.find('>', i);
            if (close != std::string_view::npos && starts_with_scheme(rest) &&
                s.substr(i + 1, close - i - 1).find_first_of(" \t<") == std::string_view::npos) {
                std::string_view url = s.substr(i + 1, close - i - 1);
                // `<url\\>` at a line end: a converter escaped the hard-break backslash inside the autolink.
                // The author meant the URL and a line break, so the backslashes are not part of the URL.
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
            std::size_t length = 0;
            if (match_inline_link(s.substr(at), text, url, length)) {
                const std::size_t start = out.text.size();
                PlainText inner;
                append_markdown_inline(text, inner);
                out.text += inner.text;
                add_span(out, start, SpanType::link, decode_escapes(url));
                i = at + length;
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
                const std::size_t close = find_emphasis_close(s, open_end + 1, marker);
                if (close != std::string_view::npos) {
                    const std::size_t start = out.text.size();
                    append_markdown_inline(s.substr(open_end, close - open_end), out);
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

}  // namespace retro::ingest
