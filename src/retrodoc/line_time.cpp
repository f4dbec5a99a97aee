// Times at the start of timeline lines. The zone table is core's (the one mail dates use); a zone word must
// be written in capitals, so a word such as `est` or `Met` after a time stays text.
#include "retrodoc/line_time.hpp"

namespace retro::retrodoc {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum(char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }

bool read_digits(std::string_view s, std::size_t pos, std::size_t n, int& value) {
    if (pos + n > s.size()) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (!is_digit(s[i])) return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

bool ends_word(std::string_view s, std::size_t pos) {
    return pos >= s.size() || !is_alnum(s[pos]);
}

// `+hh:mm`, `+hhmm`, `+hh` (only when `short_ok`) at s[pos]: bytes taken, else 0.
std::size_t match_numeric_offset(std::string_view s, std::size_t pos, bool short_ok, int& offset) {
    if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return 0;
    const int sign = s[pos] == '-' ? -1 : 1;
    int hours = 0, minutes = 0;
    std::size_t at = pos + 1;
    if (read_digits(s, at, 2, hours)) {
        at += 2;
    } else if (short_ok && read_digits(s, at, 1, hours)) {
        at += 1;
    } else {
        return 0;
    }
    if (at < s.size() && s[at] == ':' && read_digits(s, at + 1, 2, minutes)) {
        at += 3;
    } else if (at - pos == 3 && read_digits(s, at, 2, minutes) && (at + 2 >= s.size() || !is_digit(s[at + 2]))) {
        at += 2;
    } else if (!short_ok) {
        return 0;
    }
    if (hours > 14 || minutes > 59 || (at < s.size() && is_digit(s[at]))) return 0;
    offset = sign * (hours * 60 + minutes);
    return at - pos;
}

// A zone token at s[pos] (no leading space): `(UTC)`, `UTC`, `UTC+1`, `GMT-05:00`, `BST`, `+01:00`.
std::size_t match_zone_token(std::string_view s, std::size_t pos, int& offset) {
    if (pos >= s.size()) return 0;
    if (s[pos] == '(') {
        const std::size_t inner = match_zone_token(s, pos + 1, offset);
        if (inner == 0 || pos + 1 + inner >= s.size() || s[pos + 1 + inner] != ')') return 0;
        return inner + 2;
    }
    if (const std::size_t n = match_numeric_offset(s, pos, false, offset)) return n;
    std::size_t end = pos;
    while (end < s.size() && is_upper(s[end])) ++end;
    const std::string_view word = s.substr(pos, end - pos);
    if (word.size() < 2 || word.size() > 5) return 0;
    const std::optional<int> named = zone_name_offset_minutes(word);
    if (!named) return 0;
    if (word == "UTC" || word == "GMT") {
        int relative = 0;
        if (const std::size_t n = match_numeric_offset(s, end, true, relative)) {
            offset = relative;
            return word.size() + n;
        }
    }
    if (!ends_word(s, end)) return 0;
    offset = *named;
    return word.size();
}

bool ends_time(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return true;
    const char c = s[pos];
    return c == ' ' || c == '\t' || c == ':' || c == ',' || c == ']' || c == ')' || c == '*';
}

}  // namespace

std::optional<LineTime> match_timeline_time(std::string_view text) {
    LineTime t;
    std::size_t at = 0;
    int year = 0, month = 0, day = 0;
    if (text.size() >= 11 && read_digits(text, 0, 4, year) && (text[4] == '-' || text[4] == '/') &&
        read_digits(text, 5, 2, month) && text[7] == text[4] && read_digits(text, 8, 2, day) &&
        (text[10] == ' ' || text[10] == 'T')) {
        if (!is_valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) return std::nullopt;
        t.date = CalendarDate{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
        at = 11;
    }
    std::size_t digits = 0;
    while (at + digits < text.size() && digits < 2 && is_digit(text[at + digits])) ++digits;
    if (digits == 0 || at + digits >= text.size()) return std::nullopt;
    const char sep = text[at + digits];
    if (sep != '.' && sep != ':') return std::nullopt;
    int hour = 0, minute = 0;
    read_digits(text, at, digits, hour);
    if (!read_digits(text, at + digits + 1, 2, minute)) return std::nullopt;
    at += digits + 3;
    int second = 0;
    if (sep == ':' && at < text.size() && text[at] == ':' && read_digits(text, at + 1, 2, second) &&
        (at + 3 >= text.size() || !is_digit(text[at + 3]))) {
        t.second = second;
        at += 3;
    }
    // `3:05 PM`, `3:05pm`.
    for (std::size_t space : {std::size_t{0}, std::size_t{1}}) {
        const std::size_t p = at + space;
        if (space == 1 && (at >= text.size() || text[at] != ' ')) continue;
        if (p + 2 > text.size()) continue;
        const char a = static_cast<char>(text[p] | 0x20);
        if ((a != 'a' && a != 'p') || (text[p + 1] | 0x20) != 'm' || !ends_word(text, p + 2)) continue;
        // `10.00 PM reported …` is house-style initials: a spaced AM/PM must end the time's words.
        int ignored = 0;
        if (space == 1 && !(p + 2 >= text.size() || text[p + 2] == ':' || text[p + 2] == ',' || text[p + 2] == ')' ||
                            (text[p + 2] == ' ' && (match_zone_token(text, p + 3, ignored) > 0 ||
                                                    text.substr(p + 3).starts_with("- ") ||
                                                    text.substr(p + 3).starts_with("\xE2\x80\x93"))))) {
            continue;
        }
        if (hour < 1 || hour > 12) return std::nullopt;
        hour = hour % 12 + (a == 'p' ? 12 : 0);
        at = p + 2;
        break;
    }
    t.hour = hour;
    t.minute = minute;
    t.time_length = at;
    int offset = 0;
    std::size_t zone = 0;
    if (at < text.size() && text[at] == 'Z' && ends_word(text, at + 1)) {
        zone = 1;
        offset = 0;
    } else if ((zone = match_numeric_offset(text, at, false, offset)) > 0) {
    } else if (at < text.size() && text[at] == ' ' && (zone = match_zone_token(text, at + 1, offset)) > 0) {
        ++zone;  // the space
    }
    if (zone > 0) {
        t.utc_offset_minutes = offset;
        at += zone;
    }
    if (!ends_time(text, at)) {
        // A zone must never make a time (`10:23+01:00x`): without it, the time must end where it does.
        if (zone == 0 || !ends_time(text, at - zone)) return std::nullopt;
        at -= zone;
        t.utc_offset_minutes.reset();
    }
    t.length = at;
    return t;
}

std::optional<int> written_zone_offset(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    int offset = 0;
    const std::size_t n = match_zone_token(text, 0, offset);
    if (n == 0 || n != text.size()) return std::nullopt;
    return offset;
}

}  // namespace retro::retrodoc
