// Day headings of a retro timeline: "Thursday 25 July", "20 May 2021", "Tue 7 Jan 2020", "25th July",
// "July 25, 2024", "2024-07-25". Weekday and month names in English, full or abbreviated (3+ letters).
#include "retrodoc/day_date.hpp"

#include <cctype>
#include <charconv>
#include <vector>

#include "core/text_utf8.hpp"

namespace retro::retrodoc {
namespace {

// Index (from `first`) of the name `word` abbreviates (3+ letters, a prefix, any case), or -1.
int find_name(std::string_view (*name)(unsigned), unsigned first, unsigned count, std::string_view word) {
    if (word.size() < 3) return -1;
    for (unsigned i = 0; i < count; ++i) {
        if (starts_with_icase(name(first + i), word)) return static_cast<int>(i);
    }
    return -1;
}

int find_month(std::string_view word) { return find_name(month_name, 1, 12, word); }
int find_weekday(std::string_view word) { return find_name(weekday_name, 0, 7, word); }

bool parse_number(std::string_view s, int& value) {
    if (s.empty() || s.size() > 4) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// "25", "25th", "1st", "2nd", "3rd".
bool parse_day_number(std::string_view s, unsigned& day) {
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (s.size() > 2 && iequals_ascii(s.substr(s.size() - 2), suffix)) {
            s.remove_suffix(2);
            break;
        }
    }
    int v = 0;
    if (s.size() > 2 || !parse_number(s, v) || v < 1 || v > 31) return false;
    day = static_cast<unsigned>(v);
    return true;
}

}  // namespace

bool looks_like_day_date(std::string_view text) {
    text = trim(text);
    if (text.ends_with(':')) text = trim(text.substr(0, text.size() - 1));
    std::size_t words = 0;
    bool has_month = false;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
        if (i == start) continue;
        const std::string_view word = text.substr(start, i - start);
        ++words;
        unsigned day = 0;
        int year = 0;
        if (find_month(word) >= 0) {
            has_month = true;
        } else if (find_weekday(word) < 0 && !parse_day_number(word, day) &&
                   !(word.size() == 4 && parse_number(word, year))) {
            return false;
        }
    }
    return words >= 2 && words <= 6 && has_month;
}

std::optional<DayDate> parse_day_date(std::string_view text) {
    text = trim(text);
    if (text.ends_with(':')) text = trim(text.substr(0, text.size() - 1));
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    if (words.empty() || words.size() > 4) return std::nullopt;

    DayDate date;
    std::size_t w = 0;
    if (int wd = find_weekday(words[0]); wd >= 0) {
        date.weekday = static_cast<unsigned>(wd);
        ++w;
    }
    if (w < words.size() && words[w].size() == 10 && words[w][4] == '-' && words[w][7] == '-') {
        int y = 0, m = 0, d = 0;
        if (!parse_number(words[w].substr(0, 4), y) || !parse_number(words[w].substr(5, 2), m) ||
            !parse_number(words[w].substr(8, 2), d) || m < 1 || m > 12 || d < 1 || d > 31 || w + 1 != words.size()) {
            return std::nullopt;
        }
        date.year = y;
        date.month = static_cast<unsigned>(m);
        date.day = static_cast<unsigned>(d);
        return date;
    }
    if (w + 2 > words.size()) return std::nullopt;
    int month = -1;
    if (parse_day_number(words[w], date.day) && (month = find_month(words[w + 1])) >= 0) {
        w += 2;
    } else if ((month = find_month(words[w])) >= 0 && parse_day_number(words[w + 1], date.day)) {
        w += 2;
    } else {
        return std::nullopt;
    }
    date.month = static_cast<unsigned>(month + 1);
    if (w < words.size()) {
        int y = 0;
        if (words[w].size() != 4 || !parse_number(words[w], y)) return std::nullopt;
        date.year = y;
        ++w;
    }
    if (w != words.size()) return std::nullopt;
    return date;
}

std::optional<CalendarDate> date_in_timeline(const DayDate& day, std::optional<CalendarDate> start) {
    if (day.year) return CalendarDate{*day.year, day.month, day.day};
    if (!start) return std::nullopt;
    return CalendarDate{start->year + (day.month + 6 < start->month ? 1 : 0), day.month, day.day};
}

}  // namespace retro::retrodoc
