// Timestamp parsing: ISO 8601 / RFC 3339 (§5.6), epoch numbers (Slack `ts`, ms, µs, ns), RFC 5322 §3.3
// dates with the obsolete forms of §4.3, asctime / mbox `From ` lines and Gmail's variant.
// Hand-written scanners (these run once per record): no regex, no iostreams, no locale, no doubles.
// Fractions are truncated to microseconds, never rounded. Only the calendar goes through date::.
#include "retro/time.hpp"

#include <date/date.h>

#include <array>
#include <charconv>
#include <cstdint>

#include "core/text_utf8.hpp"

namespace retro {

namespace {

using std::chrono::microseconds;

// Instants parsers produce lie in years 0001..9999 (what format_utc writes with four digits).
constexpr std::int64_t min_parsed_micros = -62'135'596'800'000'000;   // 0001-01-01T00:00:00Z
constexpr std::int64_t max_parsed_micros = 253'402'300'799'999'999;   // 9999-12-31T23:59:59.999999Z

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// A cursor over the input; every read checks bounds.
struct Scanner {
    std::string_view text;
    std::size_t pos = 0;

    bool at_end() const { return pos >= text.size(); }
    char peek() const { return at_end() ? '\0' : text[pos]; }
    bool accept(char c) {
        if (peek() != c || at_end()) return false;
        ++pos;
        return true;
    }
    // Exactly `count` digits.
    bool digits(int count, unsigned& value) {
        value = 0;
        for (int i = 0; i < count; ++i) {
            if (!is_digit(peek())) return false;
            value = value * 10 + static_cast<unsigned>(text[pos++] - '0');
        }
        return true;
    }
    // Between `min` and `max` digits; returns how many were read (0 on failure).
    int digit_run(int min, int max, unsigned& value) {
        value = 0;
        int n = 0;
        while (n < max && is_digit(peek())) {
            value = value * 10 + static_cast<unsigned>(text[pos++] - '0');
            ++n;
        }
        return n >= min ? n : 0;
    }
    // A fraction after '.' or ',': any number of digits, the first six kept (truncation).
    bool fraction(std::int64_t& micros) {
        micros = 0;
        int n = 0;
        while (is_digit(peek())) {
            if (n < 6) micros = micros * 10 + (text[pos] - '0');
            ++pos;
            ++n;
        }
        if (n == 0) return false;
        for (; n < 6; ++n) micros *= 10;
        return true;
    }
    std::string_view word() {
        const std::size_t start = pos;
        while (is_alpha(peek())) ++pos;
        return text.substr(start, pos - start);
    }
    // RFC 5322 CFWS: spaces, tabs, CR/LF folding and (nested) comments. False on an unclosed comment.
    bool skip_cfws() {
        while (!at_end()) {
            const char c = text[pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++pos;
            } else if (c == '(') {
                int depth = 0;
                while (!at_end()) {
                    const char d = text[pos++];
                    if (d == '\\' && !at_end()) {
                        ++pos;
                    } else if (d == '(') {
                        ++depth;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    }
                }
                if (depth != 0) return false;
            } else {
                break;
            }
        }
        return true;
    }
    bool skip_spaces() {
        const std::size_t start = pos;
        while (peek() == ' ' || peek() == '\t') ++pos;
        return pos > start;
    }
};

// UTC fields to an instant; nullopt for an impossible date or time. Second 60 (a leap second, allowed by
// RFC 3339 and RFC 5322) is counted as the first second of the next minute.
std::optional<Instant> instant_from_fields(const LocalDateTime& f, std::int64_t offset_seconds) {
    if (!is_valid_date(f.year, f.month, f.day) || f.hour > 23 || f.minute > 59 || f.second > 60)
        return std::nullopt;
    const date::sys_days days{date::year_month_day{date::year{f.year}, date::month{f.month}, date::day{f.day}}};
    const std::int64_t seconds = std::int64_t{days.time_since_epoch().count()} * 86400 + f.hour * 3600 +
                                 f.minute * 60 + f.second - offset_seconds;
    const std::int64_t micros = seconds * 1'000'000 + f.microsecond;
    if (micros < min_parsed_micros || micros > max_parsed_micros) return std::nullopt;
    return Instant{microseconds{micros}};
}

bool is_valid_local(const LocalDateTime& f) {
    return is_valid_date(f.year, f.month, f.day) && f.hour <= 23 && f.minute <= 59 && f.second <= 60;
}

// Resolves a zone-less reading in `zone`. Gaps and overlaps take resolve_local's choice: a machine stamp
// with no zone is already flagged zone_missing, which is what callers report.
std::optional<ParsedDate> in_assumed_zone(const LocalDateTime& f, const TimeZone& zone) {
    if (!is_valid_local(f) || f.year < 1) return std::nullopt;
    LocalDateTime reading = f;
    std::int64_t leap = 0;
    if (reading.second == 60) {
        reading.second = 59;
        leap = 1'000'000;
    }
    const LocalResolution resolved = resolve_local(reading, zone);
    const std::int64_t micros = resolved.instant.time_since_epoch().count() + leap;
    if (micros < min_parsed_micros || micros > max_parsed_micros) return std::nullopt;
    ParsedDate out;
    out.instant = Instant{microseconds{micros}};
    out.zone_missing = true;
    return out;
}

// ---- ISO 8601 ----

// "YYYY-MM-DD" then optionally a separator and "hh:mm[:ss[.frac]]". `date_only` tells which was seen.
bool scan_iso_local(Scanner& s, LocalDateTime& f, bool& date_only) {
    unsigned year = 0, month = 0, day = 0;
    if (!s.digits(4, year) || !s.accept('-') || !s.digits(2, month) || !s.accept('-') || !s.digits(2, day))
        return false;
    f = LocalDateTime{static_cast<int>(year), month, day, 0, 0, 0, 0};
    date_only = s.at_end();
    if (date_only) return true;
    const char sep = s.peek();
    if (sep != 'T' && sep != 't' && sep != ' ') return false;
    ++s.pos;
    if (!s.digits(2, f.hour) || !s.accept(':') || !s.digits(2, f.minute)) return false;
    if (s.accept(':')) {
        if (!s.digits(2, f.second)) return false;
        if ((s.peek() == '.' || s.peek() == ',') && (++s.pos, !s.fraction(f.microsecond))) return false;
    }
    return true;
}

// "Z", "±hh:mm", "±hhmm" or "±hh" as seconds east of UTC.
bool scan_iso_offset(Scanner& s, std::int64_t& offset_seconds) {
    if (s.accept('Z') || s.accept('z')) {
        offset_seconds = 0;
        return true;
    }
    const char sign = s.peek();
    if (sign != '+' && sign != '-') return false;
    ++s.pos;
    unsigned hours = 0, minutes = 0;
    if (!s.digits(2, hours)) return false;
    if (s.accept(':')) {
        if (!s.digits(2, minutes)) return false;
    } else if (is_digit(s.peek())) {
        if (!s.digits(2, minutes)) return false;
    }
    if (hours > 23 || minutes > 59) return false;
    offset_seconds = (sign == '-' ? -1 : 1) * static_cast<std::int64_t>(hours * 3600 + minutes * 60);
    return true;
}

// ---- Epoch numbers ----

constexpr std::array<std::int64_t, 4> micros_per_unit_mul = {1'000'000, 1'000, 1, 1};
constexpr std::array<std::int64_t, 4> micros_per_unit_div = {1, 1, 1, 1'000};
constexpr std::array<int, 4> fraction_digits_kept = {6, 3, 0, 0};

std::optional<Instant> epoch_from_parts(std::int64_t whole, std::int64_t fraction_micros, EpochUnit unit) {
    const auto u = static_cast<std::size_t>(unit);
    std::int64_t micros = 0;
    if (__builtin_mul_overflow(whole / micros_per_unit_div[u], micros_per_unit_mul[u], &micros)) return std::nullopt;
    if (__builtin_add_overflow(micros, fraction_micros, &micros)) return std::nullopt;
    if (micros > max_parsed_micros) return std::nullopt;
    return Instant{microseconds{micros}};
}

// Digits, then optionally '.' and digits. Rejects signs, exponents, NaN, spaces and empty parts.
bool scan_decimal(std::string_view text, std::int64_t& whole, std::string_view& fraction) {
    std::size_t i = 0;
    whole = 0;
    while (i < text.size() && is_digit(text[i])) {
        if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, text[i] - '0', &whole))
            return false;
        ++i;
    }
    if (i == 0) return false;
    fraction = {};
    if (i == text.size()) return true;
    if (text[i] != '.') return false;
    fraction = text.substr(i + 1);
    if (fraction.empty()) return false;
    for (const char c : fraction)
        if (!is_digit(c)) return false;
    return true;
}

// ---- RFC 5322 and asctime words ----

constexpr std::array<std::string_view, 12> month_names = {"january", "february", "march",     "april",
                                                          "may",     "june",     "july",      "august",
                                                          "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> day_names = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};

// "Jan", "jan", "January" → 1. Also "Sept".
unsigned month_from_name(std::string_view w) {
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < month_names.size(); ++i) {
        const std::string_view full = month_names[i];
        if (iequals(w, full.substr(0, 3)) || iequals(w, full) || (i == 8 && iequals(w, "sept")))
            return static_cast<unsigned>(i + 1);
    }
    return 0;
}

bool is_day_name(std::string_view w) {
    if (w.size() < 3) return false;
    for (const std::string_view full : day_names)
        if (iequals(w, full.substr(0, 3)) || iequals(w, full)) return true;
    return false;
}

struct NamedZone {
    std::string_view name;
    int offset_minutes;
    bool ambiguous;
};

// RFC 5322 §4.3 names, then a small table of common non-RFC abbreviations (flagged ambiguous: IST is
// taken as India, the commonest in mail; BST as British Summer Time).
constexpr std::array<NamedZone, 30> zone_names = {{
    {"UT", 0, false},     {"GMT", 0, false},    {"UTC", 0, false},    {"Z", 0, false},
    {"EST", -300, false}, {"EDT", -240, false}, {"CST", -360, false}, {"CDT", -300, false},
    {"MST", -420, false}, {"MDT", -360, false}, {"PST", -480, false}, {"PDT", -420, false},
    {"CET", 60, true},    {"CEST", 120, true},  {"MET", 60, true},    {"MEST", 120, true},
    {"BST", 60, true},    {"IST", 330, true},   {"WET", 0, true},     {"WEST", 60, true},
    {"EET", 120, true},   {"EEST", 180, true},  {"MSK", 180, true},   {"JST", 540, true},
    {"KST", 540, true},   {"HKT", 480, true},   {"SGT", 480, true},   {"AEST", 600, true},
    {"AEDT", 660, true},  {"NZST", 720, true},
}};

struct ZoneResult {
    std::int64_t offset_seconds = 0;
    bool missing = false, ambiguous = false, unknown = false;
};

// A zone token: "+hhmm"/"-hhmm" (also "+hh:mm"), or a name. False when the token is not a zone.
bool scan_zone_token(Scanner& s, ZoneResult& zone) {
    const char sign = s.peek();
    if (sign == '+' || sign == '-') {
        ++s.pos;
        unsigned hours = 0, minutes = 0;
        if (!s.digits(2, hours)) return false;
        s.accept(':');
        if (!s.digits(2, minutes) || minutes > 59 || hours > 23) return false;
        zone.offset_seconds = (sign == '-' ? -1 : 1) * static_cast<std::int64_t>(hours * 3600 + minutes * 60);
        // "-0000": the time is UTC and the sender's local zone is unknown (§3.3).
        zone.unknown = sign == '-' && hours == 0 && minutes == 0;
        return true;
    }
    const std::string_view w = s.word();
    if (w.empty()) return false;
    for (const NamedZone& named : zone_names) {
        if (iequals(w, named.name)) {
            zone.offset_seconds = named.offset_minutes * 60;
            zone.ambiguous = named.ambiguous;
            return true;
        }
    }
    // Military single letters other than Z (and J): RFC 822 had their signs backwards, so §4.3 says
    // to read them as "-0000".
    if (w.size() == 1 && lower(w[0]) != 'j') {
        zone.offset_seconds = 0;
        zone.unknown = true;
        return true;
    }
    return false;
}

// "h:mm" or "hh:mm[:ss]", one-digit hours allowed.
bool scan_clock(Scanner& s, LocalDateTime& f) {
    if (s.digit_run(1, 2, f.hour) == 0 || !s.accept(':') || !s.digits(2, f.minute)) return false;
    if (s.accept(':') && !s.digits(2, f.second)) return false;
    return true;
}

// A year of 2, 3 or 4 digits with §4.3's mapping: 00–49 → 20xx, 50–99 → 19xx, three digits + 1900.
bool scan_year(Scanner& s, int& year) {
    unsigned value = 0;
    const int n = s.digit_run(2, 4, value);
    if (n == 0 || is_digit(s.peek())) return false;
    if (n == 2) value += value < 50 ? 2000 : 1900;
    if (n == 3) value += 1900;
    year = static_cast<int>(value);
    return true;
}

std::optional<ParsedDate> finish(const LocalDateTime& f, const ZoneResult& zone, const TimeZone& assumed) {
    if (zone.missing) return in_assumed_zone(f, assumed);
    const auto instant = instant_from_fields(f, zone.offset_seconds);
    if (!instant) return std::nullopt;
    ParsedDate out;
    out.instant = *instant;
    out.zone_ambiguous = zone.ambiguous;
    out.zone_unknown = zone.unknown;
    return out;
}

bool all_epoch_chars(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (!is_digit(c) && c != '.') return false;
    return true;
}

}  // namespace

std::optional<int> zone_name_offset_minutes(std::string_view name) {
    for (const NamedZone& named : zone_names)
        if (iequals(name, named.name)) return named.offset_minutes;
    return std::nullopt;
}

namespace {

// The fields of a time in the one form format_utc writes, "2024-07-25T10:05:00.000000Z" (the time of almost
// every event retro reads, its own), read at their fixed places; false for any other form. The same fields
// as scan_iso_local and scan_iso_offset read from it.
bool fixed_utc_fields(std::string_view t, LocalDateTime& f) {
    if (t.size() != 27 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' ||
        t[19] != '.' || t[26] != 'Z')
        return false;
    bool digits = true;
    auto number = [&](std::size_t at, std::size_t count) {
        unsigned value = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            digits = digits && is_digit(t[i]);
            value = value * 10 + static_cast<unsigned>(t[i] - '0');
        }
        return value;
    };
    f = LocalDateTime{static_cast<int>(number(0, 4)), number(5, 2), number(8, 2), number(11, 2), number(14, 2),
                      number(17, 2), static_cast<std::int64_t>(number(20, 6))};
    return digits;
}

}  // namespace

std::optional<Instant> parse_iso8601(std::string_view text) {
    if (LocalDateTime f; fixed_utc_fields(text, f)) return instant_from_fields(f, 0);
    Scanner s{text};
    LocalDateTime f;
    bool date_only = false;
    std::int64_t offset = 0;
    if (!scan_iso_local(s, f, date_only) || date_only || !scan_iso_offset(s, offset) || !s.at_end())
        return std::nullopt;
    return instant_from_fields(f, offset);
}

std::optional<LocalDateTime> parse_iso8601_local(std::string_view text) {
    Scanner s{text};
    LocalDateTime f;
    bool date_only = false;
    if (!scan_iso_local(s, f, date_only) || !s.at_end() || !is_valid_local(f)) return std::nullopt;
    return f;
}

std::optional<CalendarDate> parse_iso_date(std::string_view text) {
    text = trim(text);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    auto num = [](std::string_view s, int& v) {
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        return ec == std::errc() && p == s.data() + s.size();
    };
    if (!num(text.substr(0, 4), y) || !num(text.substr(5, 2), m) || !num(text.substr(8, 2), d)) return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || !is_valid_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) {
        return std::nullopt;
    }
    return CalendarDate{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

std::optional<Instant> epoch_from_integer(std::int64_t value, EpochUnit unit) {
    if (value < 0) return std::nullopt;  // no source writes pre-1970 epoch stamps; negative is damage
    return epoch_from_parts(value, 0, unit);
}

std::optional<Instant> parse_epoch(std::string_view text, EpochUnit unit) {
    std::int64_t whole = 0;
    std::string_view fraction;
    if (!scan_decimal(text, whole, fraction)) return std::nullopt;
    // The fraction counts in the unit; keep the digits that still fall at or above one microsecond.
    const int kept = fraction_digits_kept[static_cast<std::size_t>(unit)];
    std::int64_t fraction_micros = 0;
    for (int i = 0; i < kept; ++i) {
        const std::size_t index = static_cast<std::size_t>(i);
        fraction_micros = fraction_micros * 10 + (index < fraction.size() ? fraction[index] - '0' : 0);
    }
    return epoch_from_parts(whole, fraction_micros, unit);
}

std::optional<Instant> parse_epoch_auto(std::string_view text) {
    std::int64_t whole = 0;
    std::string_view fraction;
    if (!scan_decimal(text, whole, fraction)) return std::nullopt;
    if (!fraction.empty()) return parse_epoch(text, EpochUnit::seconds);
    if (whole < 100'000'000'000) return epoch_from_parts(whole, 0, EpochUnit::seconds);
    if (whole < 100'000'000'000'000) return epoch_from_parts(whole, 0, EpochUnit::milliseconds);
    if (whole < 100'000'000'000'000'000) return epoch_from_parts(whole, 0, EpochUnit::microseconds);
    return epoch_from_parts(whole, 0, EpochUnit::nanoseconds);
}

std::optional<ParsedDate> parse_rfc5322_date(std::string_view text, const TimeZone& assumed) {
    Scanner s{text};
    if (!s.skip_cfws()) return std::nullopt;
    // [day-of-week ","]: the name is checked to be a day name, then ignored (it is often wrong).
    if (is_alpha(s.peek())) {
        if (!is_day_name(s.word()) || !s.skip_cfws()) return std::nullopt;
        s.accept(',');
        if (!s.skip_cfws()) return std::nullopt;
    }
    LocalDateTime f;
    if (s.digit_run(1, 2, f.day) == 0 || !s.skip_cfws()) return std::nullopt;
    f.month = month_from_name(s.word());
    if (f.month == 0 || !s.skip_cfws() || !scan_year(s, f.year) || !s.skip_cfws() || !scan_clock(s, f))
        return std::nullopt;
    const std::size_t before_zone = s.pos;
    if (!s.skip_cfws()) return std::nullopt;
    ZoneResult zone;
    if (s.at_end()) {
        zone.missing = true;
    } else {
        if (s.pos == before_zone || !scan_zone_token(s, zone)) return std::nullopt;
        if (!s.skip_cfws() || !s.at_end()) return std::nullopt;
    }
    return finish(f, zone, assumed);
}

std::optional<ParsedDate> parse_asctime(std::string_view text, const TimeZone& assumed) {
    // "Www Mmm dd hh:mm:ss [zone] yyyy"; the day may be space-padded ("Jun  3") or zero-padded.
    Scanner s{text};
    LocalDateTime f;
    if (!is_day_name(s.word()) || !s.skip_spaces()) return std::nullopt;
    f.month = month_from_name(s.word());
    if (f.month == 0 || !s.skip_spaces() || s.digit_run(1, 2, f.day) == 0 || !s.skip_spaces()) return std::nullopt;
    if (!scan_clock(s, f) || !s.skip_spaces()) return std::nullopt;
    ZoneResult zone;
    zone.missing = true;
    if (!is_digit(s.peek())) {
        zone.missing = false;
        if (!scan_zone_token(s, zone) || !s.skip_spaces()) return std::nullopt;
    }
    unsigned year = 0;
    if (!s.digits(4, year) || !s.at_end()) return std::nullopt;
    f.year = static_cast<int>(year);
    return finish(f, zone, assumed);
}

std::optional<ParsedDate> parse_any_timestamp(std::string_view text, const TimeZone& assumed) {
    // Cheapest and most specific first: an epoch number is only digits and a dot, ISO starts with a
    // four-digit year and a dash, RFC 5322 with a day number or day name, asctime with a day name.
    if (all_epoch_chars(text)) {
        if (const auto t = parse_epoch_auto(text)) return ParsedDate{*t};
        return std::nullopt;
    }
    if (const auto t = parse_iso8601(text)) return ParsedDate{*t};
    if (const auto local = parse_iso8601_local(text)) return in_assumed_zone(*local, assumed);
    if (auto parsed = parse_rfc5322_date(text, assumed)) return parsed;
    return parse_asctime(text, assumed);
}

}  // namespace retro
