// Escaping plain text for CommonMark 0.29 / GFM (the dialect GitHub renders and `retro lint` reads with
// cmark-gfm): backslash escapes (§2.4) for every ASCII punctuation character that can start syntax, `<url>`
// autolinks (§6.5) for URLs so that no escape lands inside one, code spans (§6.1) with a longer fence, and
// fenced code blocks (§4.5) for preformatted text. The retro reader (src/retrodoc/timeline_text.cpp)
// undoes exactly this, which the round-trip tests check.
#include "render/markdown_escape.hpp"

#include <algorithm>

#include "retrodoc/house_style.hpp"

namespace retro::render {
namespace {

bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// Characters escaped wherever they appear: each can open emphasis, a link, HTML, an entity, a code span,
// a table cell, strikethrough, or end a line as a hard break.
bool always_escaped(char c) {
    switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '~':
        case '&':
            return true;
        default:
            return false;
    }
}

bool has_scheme(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:") ||
           url.starts_with("ftp://");
}

// A URL that can be written as `<url>` and read back unchanged.
bool is_autolinkable(std::string_view url) {
    if (!has_scheme(url) || url.ends_with('\\')) return false;
    return std::none_of(url.begin(), url.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '<' || c == '>' || c == '\n' || c == '\r' ||
               static_cast<unsigned char>(c) < 0x20;
    });
}

// A bare URL at s[0] (`http://`, `https://`): its length, trailing punctuation left out as GFM's extended
// autolinks and the retro reader do, and never running into `<`, `>`, a backtick, a backslash or a bracket
// (a `[redacted: …]` inside a URL stays outside the autolink).
std::size_t bare_url_length(std::string_view s) {
    if (!(s.starts_with("http://") || s.starts_with("https://"))) return 0;
    std::size_t n = 0;
    while (n < s.size() && !is_blank(s[n]) && s[n] != '<' && s[n] != '>' && s[n] != '`' && s[n] != '\\' &&
           s[n] != '[' && s[n] != ']' && static_cast<unsigned char>(s[n]) >= 0x20) {
        ++n;
    }
    constexpr std::string_view trailing = ".,:;!?*_'\"";
    while (n > 0 && trailing.find(s[n - 1]) != std::string_view::npos) --n;
    // Counted once: counting again per trailing `)` made `http://a)))…` quadratic.
    auto close = std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n), ')');
    const auto open = std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n), '(');
    while (n > 0 && s[n - 1] == ')' && close > open) {
        --n;
        --close;
    }
    const std::size_t scheme = s.starts_with("https://") ? 8 : 7;
    return n > scheme ? n : 0;
}

// Escapes plain characters [from, to) of `s`, with the block-start rules applied at `line_start`.
void append_plain(std::string& out, std::string_view s, bool line_start) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r') continue;
        // A field of one line (a name, a channel, a label) may still hold a line break: written raw it would
        // start a Markdown line whose `#`, `|` or `---` opens a block; a space is what Markdown renders it as.
        if (c == '\n') {
            out += ' ';
            continue;
        }
        if (line_start && i == 0) {
            // `#` heading, `-`/`+` list or setext underline or thematic break, `=` setext underline.
            if (c == '#' || c == '-' || c == '+' || c == '=') {
                out += '\\';
                out += c;
                continue;
            }
            // `1.`/`1)` ordered list, and `12.30`/`12:30`, which the reader takes for an entry's time.
            if (is_digit(c)) {
                std::size_t k = i;
                while (k < s.size() && is_digit(s[k])) ++k;
                if (k < s.size() && (s[k] == '.' || s[k] == ')' || s[k] == ':')) {
                    out.append(s.substr(i, k - i));
                    out += '\\';
                    out += s[k];
                    i = k;
                    continue;
                }
            }
        }
        // `www.` starts a GFM extended autolink, where escapes would be kept literally.
        if (c == 'w' && s.substr(i).starts_with("www.") && (i == 0 || !is_alnum(s[i - 1]))) {
            out += "&#119;";
            continue;
        }
        if (always_escaped(c)) out += '\\';
        out += c;
    }
}

struct ValidSpans {
    std::vector<Span> spans;  // sorted by start, non-overlapping, inside the text
};

ValidSpans valid_spans(std::string_view text, const std::vector<Span>& spans) {
    ValidSpans v;
    for (const Span& s : spans) {
        if (s.start < s.end && s.end <= text.size()) v.spans.push_back(s);
    }
    std::stable_sort(v.spans.begin(), v.spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<Span> kept;
    for (const Span& s : v.spans) {
        if (kept.empty() || s.start >= kept.back().end) kept.push_back(s);
    }
    v.spans = std::move(kept);
    return v;
}

// The spans of [from, to), clipped and made relative to `from`.
std::vector<Span> spans_within(const std::vector<Span>& spans, std::size_t from, std::size_t to) {
    std::vector<Span> out;
    for (const Span& s : spans) {
        if (s.end <= from || s.start >= to) continue;
        Span c = s;
        c.start = std::max(s.start, from) - from;
        c.end = std::min(s.end, to) - from;
        out.push_back(std::move(c));
    }
    return out;
}

std::string_view trim_blanks(std::string_view s, std::size_t& offset) {
    std::size_t b = 0, e = s.size();
    while (b < e && (is_blank(s[b]) || s[b] == '\r' || s[b] == '\n')) ++b;
    while (e > b && (is_blank(s[e - 1]) || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
    offset = b;
    return s.substr(b, e - b);
}

std::size_t longest_run(std::string_view text, char c) {
    std::size_t best = 0, run = 0;
    for (char x : text) {
        run = x == c ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

}  // namespace

std::string code_span(std::string_view raw) {
    // A line ending inside a code span renders as a space; written raw, a `\r` would end the Markdown line.
    std::string text(raw);
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
    const std::string fence(longest_run(text, '`') + 1, '`');
    const bool all_spaces = std::all_of(text.begin(), text.end(), [](char c) { return c == ' '; });
    const bool pad = !text.empty() && !all_spaces &&
                     (text.front() == '`' || text.back() == '`' || (text.front() == ' ' && text.back() == ' '));
    std::string out = fence;
    if (pad) out += ' ';
    out += text;
    if (pad) out += ' ';
    out += fence;
    return out;
}

// Blanks at the ends of a line as character references (`&#32;`, `&#9;`): Markdown strips them when
// written raw, and the reader must get the text back as it was (issue 15 item 8). `\r` stays dropped.
void append_blanks(std::string& out, std::string_view blanks) {
    for (char c : blanks) {
        if (c == ' ') out += "&#32;";
        if (c == '\t') out += "&#9;";
    }
}

std::string escape_inline(std::string_view raw, const std::vector<Span>& raw_spans, LineStart start) {
    std::size_t offset = 0;
    const std::string_view text = trim_blanks(raw, offset);
    const std::vector<Span> spans = spans_within(valid_spans(raw, raw_spans).spans, offset, offset + text.size());
    std::string out;
    append_blanks(out, raw.substr(0, offset));
    if (text.empty()) return out;
    const std::size_t body_start = out.size();

    std::size_t i = 0;
    if (start == LineStart::after_time && body_start == 0) {
        // Two or three capitals then a word end would be read as the entry's initials: write the first as an
        // entity, which renders the same.
        std::size_t k = 0;
        while (k < text.size() && is_upper(text[k])) ++k;
        const bool ends_word = k == text.size() || text[k] == ' ' || text[k] == ':';
        if (k >= 2 && k <= 3 && ends_word && !retrodoc::is_common_acronym(text.substr(0, k))) {
            out += "&#" + std::to_string(static_cast<int>(text[0])) + ";";
            i = 1;
        }
    }
    std::size_t next_span = 0;
    while (i < text.size()) {
        while (next_span < spans.size() && spans[next_span].end <= i) ++next_span;
        const Span* span = next_span < spans.size() && spans[next_span].start <= i ? &spans[next_span] : nullptr;
        const std::size_t limit = next_span < spans.size() ? std::max(spans[next_span].start, i) : text.size();
        if (span && (span->type == SpanType::code || span->type == SpanType::pre)) {
            out += code_span(text.substr(i, span->end - i));
            i = span->end;
            continue;
        }
        if (span && span->type == SpanType::link && span->start == i) {
            const std::string_view label = text.substr(span->start, span->end - span->start);
            const std::string_view url = span->url.empty() ? label : std::string_view(span->url);
            if ((label == url || "mailto:" + std::string(label) == url) && is_autolinkable(url) &&
                !url.starts_with("mailto:")) {
                out += '<';
                out += url;
                out += '>';
                i = span->end;
                continue;
            }
            const bool safe_url = is_autolinkable(url) && url.find_first_of("()") == std::string_view::npos;
            if (safe_url && (url.starts_with("http://") || url.starts_with("https://"))) {
                out += '[';
                out += escape_inline(label, {}, LineStart::inline_text);
                out += "](<";
                out += url;
                out += ">)";
                i = span->end;
                continue;
            }
        }
        const std::size_t stop = span ? span->end : limit;
        const bool url_may_start = i == 0 || !is_alnum(text[i - 1]);
        if (url_may_start) {
            if (std::size_t n = bare_url_length(text.substr(i, stop - i))) {
                out += '<';
                out += text.substr(i, n);
                out += '>';
                i += n;
                continue;
            }
        }
        // Plain text up to the next place where a span or a URL may start.
        std::size_t j = i + 1;
        while (j < stop && !(text[j] == 'h' && !is_alnum(text[j - 1]))) ++j;
        append_plain(out, text.substr(i, j - i), start == LineStart::block && i == 0 && body_start == 0);
        i = j;
    }
    append_blanks(out, raw.substr(offset + text.size()));
    return out;
}

std::vector<MarkdownLine> render_text_lines(std::string_view text, const std::vector<Span>& raw_spans,
                                            LineStart first) {
    const std::vector<Span> spans = valid_spans(text, raw_spans).spans;
    std::vector<MarkdownLine> lines;
    auto add_inline = [&](std::size_t from, std::size_t to) {
        while (from < to) {
            std::size_t nl = text.find('\n', from);
            if (nl == std::string_view::npos || nl > to) nl = to;
            const std::string_view line = text.substr(from, nl - from);
            std::string md =
                escape_inline(line, spans_within(spans, from, nl), lines.empty() ? first : LineStart::block);
            if (!md.empty()) lines.push_back({std::move(md), false});
            from = nl + 1;
        }
    };
    std::size_t pos = 0;
    for (const Span& s : spans) {
        if (s.type != SpanType::pre) continue;
        add_inline(pos, s.start);
        // `\r\n` and a lone `\r` end a Markdown line too: written raw inside the fence they would not stay
        // the line breaks the text has, so they become `\n` (fuzz_pipeline).
        std::string code_lines(text.substr(s.start, s.end - s.start));
        for (std::size_t at = code_lines.find('\r'); at != std::string::npos; at = code_lines.find('\r', at)) {
            if (at + 1 < code_lines.size() && code_lines[at + 1] == '\n')
                code_lines.erase(at, 1);
            else
                code_lines[at] = '\n';
        }
        std::string_view code = code_lines;
        while (!code.empty() && code.front() == '\n') code.remove_prefix(1);
        while (!code.empty() && code.back() == '\n') code.remove_suffix(1);
        if (!code.empty()) {
            const std::string fence(std::max<std::size_t>(3, longest_run(code, '`') + 1), '`');
            lines.push_back({fence, true});
            std::size_t from = 0;
            while (from <= code.size()) {
                std::size_t nl = code.find('\n', from);
                if (nl == std::string_view::npos) nl = code.size();
                lines.push_back({std::string(code.substr(from, nl - from)), true});
                from = nl + 1;
            }
            lines.push_back({fence, true});
        }
        pos = s.end;
    }
    add_inline(pos, text.size());
    return lines;
}

std::string comment_safe(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '>') {
            out += ')';
            continue;
        }
        if (c == '-' && !out.empty() && out.back() == '-') out += ' ';
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace retro::render
