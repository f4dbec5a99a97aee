// Formatting of instants: the UTC form of retro.event/1 (`2024-07-25T10:36:12.248609Z`, DESIGN.md) and
// the local forms of the published retros' house style (`11.35`, `Thursday 25 July`), always truncated
// to the minute, never rounded. English names, no locale.
#include "retro/time.hpp"

#include <date/date.h>

#include <array>
#include <cstring>
#include <type_traits>
#include <fmt/format.h>

namespace retro {

namespace {

constexpr std::array<const char*, 12> month_names = {"January", "February", "March",     "April",
                                                     "May",     "June",     "July",      "August",
                                                     "September", "October", "November", "December"};
constexpr std::array<const char*, 7> day_names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

constexpr std::int64_t micros_per_day = 86'400'000'000;
constexpr std::int64_t days_per_400_years = 146'097;

// Civil date of a day count. date::year holds only ±32767, so counts are first brought into
// 1970 ± 400 years by whole 400-year cycles (the Gregorian calendar repeats exactly) and the cycles are
// added back to the year afterwards: exact for every 64-bit microsecond count.
void civil_from_days(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day) {
    const std::int64_t cycles = days / days_per_400_years;
    const std::int64_t rest = days % days_per_400_years;
    const date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(rest)}}};
    year = static_cast<int>(ymd.year()) + cycles * 400;
    month = static_cast<unsigned>(ymd.month());
    day = static_cast<unsigned>(ymd.day());
}

void put_digits(char* out, std::int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

std::string_view day_name(const LocalDateTime& local) {
    return weekday_name(weekday_of(local.year, local.month, local.day));
}
std::string_view month_name_of(const LocalDateTime& local) { return month_name(local.month); }

}  // namespace

std::string_view weekday_name(unsigned weekday) { return day_names[weekday % 7]; }
std::string_view month_name(unsigned month) { return month_names[(month + 11) % 12]; }

std::string format_utc(Instant t) {
    UtcText buffer;
    return std::string(format_utc(t, buffer));
}

// Instants are microseconds in 64 bits: about 292,000 years either way, so a year takes six digits at most and
// the longest text is 30 bytes ("+294247-01-10T04:00:54.775807Z").
static_assert(std::is_same_v<Instant::rep, std::int64_t> && std::is_same_v<Instant::period, std::micro>);
static_assert(std::tuple_size_v<UtcText> >= 1 + 6 + 23);

std::string_view format_utc(Instant t, UtcText& buffer) {
    // Fixed-width digits into the buffer, no format parsing.
    const std::int64_t count = t.time_since_epoch().count();
    std::int64_t days = count / micros_per_day;
    std::int64_t micros_of_day = count % micros_per_day;
    if (micros_of_day < 0) {
        micros_of_day += micros_per_day;
        --days;
    }
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(days, year, month, day);

    char* out = buffer.data();
    if (year < 0 || year > 9999) {
        // Outside ISO 8601's four-digit years: the expanded form with a sign (ISO 8601 §4.1.2.4).
        out = fmt::format_to(out, "{}{:06}", year < 0 ? '-' : '+', year < 0 ? -year : year);
    } else {
        put_digits(out, year, 4);
        out += 4;
    }
    char rest[24] = "-MM-DDThh:mm:ss.ffffffZ";
    put_digits(rest + 1, month, 2);
    put_digits(rest + 4, day, 2);
    put_digits(rest + 7, micros_of_day / 3'600'000'000, 2);
    put_digits(rest + 10, micros_of_day / 60'000'000 % 60, 2);
    put_digits(rest + 13, micros_of_day / 1'000'000 % 60, 2);
    put_digits(rest + 16, micros_of_day % 1'000'000, 6);
    std::memcpy(out, rest, 23);
    return {buffer.data(), static_cast<std::size_t>(out + 23 - buffer.data())};
}

std::string format_hh_mm(Instant t, const TimeZone& zone) {
    const LocalDateTime local = to_local(t, zone);
    return fmt::format("{:02}.{:02}", local.hour, local.minute);
}

std::string format_day_heading(Instant t, const TimeZone& zone, bool with_year) {
    const LocalDateTime local = to_local(t, zone);
    if (with_year) return fmt::format("{} {} {} {}", day_name(local), local.day, month_name_of(local), local.year);
    return fmt::format("{} {} {}", day_name(local), local.day, month_name_of(local));
}

std::string format_local_long(Instant t, const TimeZone& zone) {
    const LocalDateTime local = to_local(t, zone);
    return fmt::format("{} {} {} {} {:02}.{:02} {}", day_name(local), local.day, month_name_of(local), local.year,
                       local.hour, local.minute, zone_abbreviation(t, zone));
}

std::string format_iso_date(const CalendarDate& date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string format_local_date(Instant t, const TimeZone& zone) { return format_iso_date(date_of(to_local(t, zone))); }

}  // namespace retro
