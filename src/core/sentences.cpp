// A rule-based sentence splitter for English prose as people write it in mail and chat (sentences.hpp): one
// pass over the lines, then one over each line's bytes. Rules, not a model: the same text always splits the
// same way, and a wrong split costs a quote its first or last words, never a crash.
#include "core/sentences.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "core/message_lines.hpp"
#include "core/text_utf8.hpp"

namespace retro {
namespace {

// Abbreviations that never end a sentence, and ones that end it only before a capital ("… and so on, etc.
// Then"). Lower case, with their dots.
constexpr std::array<std::string_view, 28> inner_abbreviations = {
    "e.g.", "i.e.", "vs.",  "cf.",   "approx.", "ca.",  "incl.", "esp.", "dept.", "mr.",
    "mrs.", "ms.",  "dr.",  "prof.", "st.",     "fig.", "ref.",  "tel.", "jan.",  "feb.",
    "mar.", "apr.", "jun.", "jul.",  "aug.",    "sep.", "sept.", "oct."};
constexpr std::array<std::string_view, 7> final_abbreviations = {"etc.", "a.m.", "p.m.", "inc.",
                                                                 "ltd.", "nov.", "dec."};

constexpr std::string_view ellipsis = "\u2026";
// Closing quotes and brackets that stay with the sentence they close: ” ’ » and ASCII ones.
constexpr std::array<std::string_view, 7> closers = {"\"", "'", ")", "]", "\u201D", "\u2019", "\u00BB"};
// Opening quotes that, after a colon, start a quotation: " “ ‘ «.
constexpr std::array<std::string_view, 4> openers = {"\"", "\u201C", "\u2018", "\u00AB"};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

std::size_t starts_with_any(std::string_view text, std::size_t at, std::span<const std::string_view> marks) {
    for (std::string_view m : marks)
        if (text.substr(at).starts_with(m)) return m.size();
    return 0;
}

// The length of a URL starting at `at` (after a space, a bracket or a quote), without the punctuation that
// ends the sentence around it; 0 when none starts there.
std::size_t url_length(std::string_view line, std::size_t at) {
    if (at > 0 && !is_space(line[at - 1]) && std::string_view("(<[\"'").find(line[at - 1]) == std::string_view::npos)
        return 0;
    const std::string_view rest = line.substr(at);
    if (!starts_with_icase(rest, "http://") && !starts_with_icase(rest, "https://") && !starts_with_icase(rest, "www."))
        return 0;
    std::size_t end = 0;
    while (end < rest.size() && !is_space(rest[end])) ++end;
    while (end > 0 && std::string_view(".,;:!?)]\"'>").find(rest[end - 1]) != std::string_view::npos) --end;
    return end;
}

// Sentences found in one text, byte by byte at its offsets; `end()` closes the one open.
class SentenceBuilder {
public:
    SentenceBuilder(std::string_view text, std::vector<Sentence>& out) : m_text(text), m_out(out) {}

    void end() {
        if (m_start < m_end) {
            const std::string_view bytes = m_text.substr(m_start, m_end - m_start);
            m_out.push_back(Sentence{collapse_whitespace(bytes), m_start, m_end});
        }
        m_start = m_end = m_word_start = std::string_view::npos;
    }

    // Reads the line [from, to) of the text into the open sentence, ending sentences where the line does.
    void add_line(std::size_t from, std::size_t to) {
        const std::string_view line = m_text.substr(0, to);
        std::size_t i = from;
        while (i < to) {
            if (is_space(line[i])) {
                m_word_start = std::string_view::npos;
                ++i;
            } else if (std::size_t url = url_length(line, i)) {
                add(i, i + url);
                i += url;
            } else if (std::size_t run = terminator_run(line, i)) {
                i = add_terminator(line, i, run);
            } else if (line[i] == ':' && quotation_follows(line, i + 1)) {
                add(i, i + 1);
                end();
                ++i;
            } else {
                add(i, i + 1);
                ++i;
            }
        }
        m_word_start = std::string_view::npos;
    }

private:
    void add(std::size_t from, std::size_t to) {
        if (m_start == std::string_view::npos) m_start = from;
        if (m_word_start == std::string_view::npos) m_word_start = from;
        m_end = to;
    }

    // Bytes of `.`, `!`, `?` and `…` from `at`.
    static std::size_t terminator_run(std::string_view line, std::size_t at) {
        std::size_t end = at;
        while (end < line.size()) {
            if (line[end] == '.' || line[end] == '!' || line[end] == '?')
                ++end;
            else if (line.substr(end).starts_with(ellipsis))
                end += ellipsis.size();
            else
                break;
        }
        return end - at;
    }

    static bool quotation_follows(std::string_view line, std::size_t at) {
        if (at >= line.size() || !is_space(line[at])) return false;
        while (at < line.size() && is_space(line[at])) ++at;
        return starts_with_any(line, at, openers) > 0;
    }

    // Does a single `.` after `word` (with its dot) end the sentence, given what follows?
    static bool dot_ends(std::string_view word, bool capital_or_end) {
        const std::string lower = to_lower_ascii(word);
        std::string_view bare = lower;
        while (!bare.empty() && std::string_view("(\"'[").find(bare.front()) != std::string_view::npos)
            bare.remove_prefix(1);
        const bool initial = bare.size() == 2 && bare[0] >= 'a' && bare[0] <= 'z';
        if (initial ||
            std::find(inner_abbreviations.begin(), inner_abbreviations.end(), bare) != inner_abbreviations.end())
            return false;
        if (std::find(final_abbreviations.begin(), final_abbreviations.end(), bare) != final_abbreviations.end())
            return capital_or_end;
        return true;
    }

    // Adds the terminators at `at` and what closes them; ends the sentence when they do. Returns where the
    // line goes on.
    std::size_t add_terminator(std::string_view line, std::size_t at, std::size_t run) {
        const std::size_t word_start = m_word_start == std::string_view::npos ? at : m_word_start;
        const std::string_view word = line.substr(word_start, at + 1 - word_start);
        const std::string_view marks = line.substr(at, run);
        std::size_t next = at + run;
        while (std::size_t closer = starts_with_any(line, next, closers)) next += closer;
        add(at, next);
        if (next < line.size() && !is_space(line[next])) return next;  // "1.5", "e.g.x", "?!)x": inside a word
        std::size_t after = next;
        while (after < line.size() && is_space(line[after])) ++after;
        const bool capital_or_end = after == line.size() || is_upper(line[after]);
        bool ends = true;
        if (marks.find(ellipsis) != std::string_view::npos || marks.find("..") != std::string_view::npos)
            ends = capital_or_end;  // "wait… it is back" goes on
        else if (marks == ".")
            ends = dot_ends(word, capital_or_end);
        if (ends) end();
        return next;
    }

    std::string_view m_text;
    std::vector<Sentence>& m_out;
    std::size_t m_start = std::string_view::npos, m_end = std::string_view::npos;  // the open sentence's bytes
    std::size_t m_word_start = std::string_view::npos;                             // where its last word starts
};

// A list item's marker and the space after it ("* ", "- ", "• ", "1. ", "2) "), 0 for none.
std::size_t bullet_length(std::string_view line) {
    if (line.starts_with("* ") || line.starts_with("- ") || line.starts_with("+ ")) return 2;
    if (line.starts_with("\u2022 ")) return std::string_view("\u2022 ").size();
    std::size_t digits = 0;
    while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ')
        return digits + 2;
    return 0;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> out;
    SentenceBuilder sentences(text, out);
    bool have_content = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view raw = text.substr(start, nl - start);
        const std::size_t line_start = start;
        start = nl + 1;
        if (is_quoted_line(raw) || is_forward_header_line(raw)) {
            sentences.end();  // someone else's words, or a forward's header: not these
            continue;
        }
        if (ends_own_words(raw, have_content)) break;
        const std::string_view line = trim(raw);
        if (line.empty()) {
            sentences.end();
            continue;
        }
        if (!have_content && is_greeting_line(line)) continue;
        have_content = true;
        const std::size_t bullet = bullet_length(line);
        if (bullet > 0 || is_upper(line[0])) sentences.end();
        const std::size_t from = line_start + static_cast<std::size_t>(line.data() - raw.data()) + bullet;
        sentences.add_line(from, from - bullet + line.size());
    }
    sentences.end();
    return out;
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : trim(text)) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string quotable(std::string_view sentence) {
    const std::string text = collapse_whitespace(sentence);
    constexpr std::pair<std::string_view, std::string_view> pairs[] = {
        {"\"", "\""}, {"\u201C", "\u201D"}, {"\u00AB", "\u00BB"}};
    const std::string_view s = text;
    for (auto [open, close] : pairs) {
        if (s.size() <= open.size() + close.size() || !s.starts_with(open) || !s.ends_with(close)) continue;
        const std::string_view inner = s.substr(open.size(), s.size() - open.size() - close.size());
        if (inner.find(open) == std::string_view::npos && inner.find(close) == std::string_view::npos)
            return std::string(trim(inner));
    }
    return text;
}

std::string cut_at_word(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    const std::size_t space = text.substr(0, cut + 1).rfind(' ');
    if (space != std::string_view::npos && space > 0) cut = space;
    std::string_view kept = trim(text.substr(0, cut));
    while (!kept.empty() && std::string_view(",;:-").find(kept.back()) != std::string_view::npos)
        kept = trim(kept.substr(0, kept.size() - 1));
    return std::string(kept) + std::string(ellipsis);
}

}  // namespace retro
