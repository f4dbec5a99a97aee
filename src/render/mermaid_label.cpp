// Mermaid gantt labels. The keywords are the gantt lexer's statements (case-insensitive, as the lexer reads
// them); a label is escaped as a whole rather than only where the keyword is followed by what the statement
// needs, so a new form of a statement in a later mermaid cannot turn a label into it.
#include "render/mermaid_label.hpp"

#include <array>

#include <fmt/format.h>

#include "core/sentences.hpp"
#include "core/text_utf8.hpp"

namespace retro::render {
namespace {

constexpr std::array<std::string_view, 18> gantt_keywords = {
    "gantt",    "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval",
    "includes", "excludes",   "todaymarker",       "weekday", "weekend",    "title",
    "acctitle", "accdescr",   "section",           "click",   "call",       "href",
};

bool is_syntax(char c) {
    return c == ':' || c == ';' || c == '#' || c == '%' || c == '"' || c == '<' || c == '>' || c == '`';
}

// One space for each run of whitespace and control characters, none at either end.
std::string one_line(std::string_view text) {
    std::string spaced(text);
    for (char& c : spaced)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return collapse_whitespace(spaced);
}

bool is_break(char c) {
    return c == ' ' || c == '-' || c == '_' || c == '/' || c == ':' || c == '.' || c == ',';
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xc0) == 0x80;
}

// `text` when it holds at most `max_bytes`, else its start and its end with "…" between, each cut where a word
// or a part of a name ends if one is near: alert names that differ only at the end
// (`…-sierra-reader-orders`, `…-sierra-reader-items`) stay told apart.
std::string cut_middle(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    const std::size_t half = max_bytes / 2;
    std::size_t head = half;
    while (head > 0 && is_continuation(text[head])) --head;
    for (std::size_t i = head; i > half / 2; --i) {
        if (is_break(text[i - 1])) {
            head = i;
            break;
        }
    }
    std::size_t tail = text.size() - (max_bytes - half);
    while (tail < text.size() && is_continuation(text[tail])) ++tail;
    for (std::size_t i = tail; i < text.size() - half / 2; ++i) {
        if (is_break(text[i])) {
            tail = i + 1;
            break;
        }
    }
    return std::string(trim(std::string_view(text).substr(0, head))) + "\u2026" +
           std::string(trim(std::string_view(text).substr(tail)));
}

bool starts_with_keyword(std::string_view label) {
    if (label.empty()) return false;
    if (label.front() >= '0' && label.front() <= '9') return true;  // `2024-07-25 …` lexes as a date
    for (const std::string_view k : gantt_keywords)
        if (starts_with_icase(label, k)) return true;
    return false;
}

std::string entity(char c) {
    return fmt::format("#{};", static_cast<int>(static_cast<unsigned char>(c)));
}

}  // namespace

std::string mermaid_label(std::string_view text, std::size_t max_bytes) {
    const std::string label = cut_middle(one_line(text), max_bytes);
    if (label.empty()) return "(no name)";
    std::string out;
    out.reserve(label.size() + 8);
    for (std::size_t i = 0; i < label.size(); ++i) {
        const char c = label[i];
        out += is_syntax(c) || (i == 0 && starts_with_keyword(label)) ? entity(c) : std::string(1, c);
    }
    return out;
}

}  // namespace retro::render
