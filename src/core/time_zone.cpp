// IANA time zones and the civil calendar, behind Howard Hinnant's date/tz.h (system tz database,
// USE_OS_TZDB=1). DST gaps and overlaps follow date::local_info (unique / nonexistent / ambiguous).
// No date:: type or exception leaves this file: TimeZone holds an opaque date::time_zone pointer,
// and a null pointer means plain UTC (used when the system has no tz database at all).
#include "retro/time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <exception>
#include <string>

namespace retro {

namespace {

using std::chrono::microseconds;
using std::chrono::seconds;

const date::time_zone* zone_of(const TimeZone& zone) {
    return static_cast<const date::time_zone*>(zone.handle());
}

const date::time_zone* locate(const std::string& name) noexcept {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {  // unknown name, or no readable tz database
        return nullptr;
    } catch (...) {
        return nullptr;
    }
}

// Instants further than about 28 500 years from 1970 are clamped before zone arithmetic, so adding an
// offset cannot overflow and the year stays inside date::year's range (±32767).
constexpr std::int64_t max_zone_micros = 900'000'000'000'000'000;

Instant clamp_for_zone(Instant t) {
    const auto count = t.time_since_epoch().count();
    if (count > max_zone_micros) return Instant{microseconds{max_zone_micros}};
    if (count < -max_zone_micros) return Instant{microseconds{-max_zone_micros}};
    return t;
}

// Floor division of a microsecond count into days and the microseconds into that day.
void split_days(std::int64_t micros, std::int64_t& days, std::int64_t& micros_of_day) {
    constexpr std::int64_t per_day = 86'400'000'000;
    days = micros / per_day;
    micros_of_day = micros % per_day;
    if (micros_of_day < 0) {
        micros_of_day += per_day;
        --days;
    }
}

LocalDateTime local_from_micros(std::int64_t micros) {
    std::int64_t days = 0, micros_of_day = 0;
    split_days(micros, days, micros_of_day);
    const date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(days)}}};
    LocalDateTime local;
    local.year = static_cast<int>(ymd.year());
    local.month = static_cast<unsigned>(ymd.month());
    local.day = static_cast<unsigned>(ymd.day());
    local.hour = static_cast<unsigned>(micros_of_day / 3'600'000'000);
    local.minute = static_cast<unsigned>(micros_of_day / 60'000'000 % 60);
    local.second = static_cast<unsigned>(micros_of_day / 1'000'000 % 60);
    local.microsecond = micros_of_day % 1'000'000;
    return local;
}

}  // namespace

std::optional<TimeZone> TimeZone::find(std::string_view name) {
    if (name.empty()) return std::nullopt;
    std::string owned(name);
    const date::time_zone* zone = locate(owned);
    if (zone == nullptr) return std::nullopt;
    return TimeZone(zone, std::move(owned));
}

TimeZone TimeZone::utc() {
    // Looked up once: utc() is called per record by parsers that need an assumed zone.
    static const date::time_zone* const zone = locate("UTC");
    return TimeZone(zone, "UTC");
}

bool is_valid_date(int year, unsigned month, unsigned day) {
    // date::month and date::day keep only a byte, so range-check before constructing them.
    if (year < -32767 || year > 32767 || month < 1 || month > 12 || day < 1 || day > 31) return false;
    return date::year_month_day{date::year{year}, date::month{month}, date::day{day}}.ok();
}

bool is_valid_date(const CalendarDate& date) { return is_valid_date(date.year, date.month, date.day); }

CalendarDate date_of(const LocalDateTime& local) { return CalendarDate{local.year, local.month, local.day}; }

unsigned weekday_of(const CalendarDate& date) { return weekday_of(date.year, date.month, date.day); }

unsigned weekday_of(int year, unsigned month, unsigned day) {
    if (!is_valid_date(year, month, day)) return 0;
    const date::sys_days days{date::year_month_day{date::year{year}, date::month{month}, date::day{day}}};
    return date::weekday{days}.c_encoding();
}

LocalResolution resolve_local(const LocalDateTime& local, const TimeZone& zone) {
    // Callers validate the reading; out-of-range fields are clamped rather than wrapped.
    const int year = local.year < -32767 ? -32767 : (local.year > 32767 ? 32767 : local.year);
    const unsigned month = local.month < 1 ? 1 : (local.month > 12 ? 12 : local.month);
    const unsigned day = local.day < 1 ? 1 : (local.day > 31 ? 31 : local.day);
    const date::local_days days{date::year_month_day{date::year{year}, date::month{month}, date::day{day}}};
    const auto wall_seconds = days + std::chrono::hours{local.hour % 24} + std::chrono::minutes{local.minute % 60} +
                              seconds{local.second % 61};
    const microseconds fraction{local.microsecond < 0 ? 0 : local.microsecond % 1'000'000};
    const auto wall = date::local_time<microseconds>{wall_seconds} + fraction;

    const date::time_zone* tz = zone_of(zone);
    if (tz == nullptr) return {Instant{wall.time_since_epoch()}, LocalKind::unique};

    date::local_info info;
    try {
        info = tz->get_info(date::floor<seconds>(wall));
    } catch (...) {
        return {Instant{wall.time_since_epoch()}, LocalKind::unique};
    }
    switch (info.result) {
    case date::local_info::nonexistent:
        // The wall clock skipped this reading: report the first instant after the gap.
        return {Instant{info.first.end}, LocalKind::gap};
    case date::local_info::ambiguous:
        // The reading happened twice; `first` holds the offset in force before the clocks went back.
        return {Instant{wall.time_since_epoch() - info.first.offset}, LocalKind::overlap};
    default:
        return {Instant{wall.time_since_epoch() - info.first.offset}, LocalKind::unique};
    }
}

LocalDateTime to_local(Instant t, const TimeZone& zone) {
    t = clamp_for_zone(t);
    const date::time_zone* tz = zone_of(zone);
    std::int64_t micros = t.time_since_epoch().count();
    if (tz != nullptr) {
        try {
            const date::sys_info info = tz->get_info(date::floor<seconds>(t));
            micros += microseconds{info.offset}.count();
        } catch (...) {
            // Treated as UTC: the tz database could not answer for this instant.
        }
    }
    return local_from_micros(micros);
}

std::string zone_abbreviation(Instant t, const TimeZone& zone) {
    const date::time_zone* tz = zone_of(zone);
    if (tz == nullptr) return "UTC";
    try {
        return tz->get_info(date::floor<seconds>(clamp_for_zone(t))).abbrev;
    } catch (...) {
        return "UTC";
    }
}

}  // namespace retro
