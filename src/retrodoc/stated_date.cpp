// Dates stated in prose, found word by word with the day-heading reader (day_date.hpp).
#include "retrodoc/stated_date.hpp"

#include <string>
#include <vector>

#include "retrodoc/day_date.hpp"

namespace retro::retrodoc {
namespace {

bool is_edge_punctuation(char c) {
    return c == '(' || c == ')' || c == '.' || c == ',' || c == '*' || c == '_' || c == '`' || c == '"' ||
           c == '\'' || c == ':' || c == ';' || c == '[' || c == ']' || c == '!' || c == '?';
}

std::string_view strip_edges(std::string_view word) {
    while (!word.empty() && is_edge_punctuation(word.front())) word.remove_prefix(1);
    while (!word.empty() && is_edge_punctuation(word.back())) word.remove_suffix(1);
    return word;
}

// `2019-10-21`, also as the start of `2019-10-21T01:38`.
std::optional<CalendarDate> iso_date_word(std::string_view word) {
    if (word.size() < 10 || word[4] != '-' || word[7] != '-') return std::nullopt;
    if (word.size() > 10 && word[10] != 'T') return std::nullopt;
    return parse_iso_date(word.substr(0, 10));
}

}  // namespace

std::optional<CalendarDate> first_stated_date(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size() && words.size() < 4096) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        const std::string_view word = strip_edges(text.substr(start, i - start));
        if (!word.empty()) words.push_back(word);
    }
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (auto iso = iso_date_word(words[w])) return iso;
        for (std::size_t n = 4; n >= 2; --n) {
            if (w + n > words.size()) continue;
            std::string span(words[w]);
            for (std::size_t k = 1; k < n; ++k) span += ' ' + std::string(words[w + k]);
            const std::optional<DayDate> day = parse_day_date(span);
            if (day && day->year && is_valid_date(*day->year, day->month, day->day)) {
                return CalendarDate{*day->year, day->month, day->day};
            }
        }
    }
    return std::nullopt;
}

}  // namespace retro::retrodoc
