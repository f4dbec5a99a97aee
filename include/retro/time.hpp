// Time vocabulary: UTC instants with microseconds, parsing of every timestamp form the inputs use,
// IANA zones and local formatting. Parsers here consume the whole input or fail (std::nullopt).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace retro {

// Every instant inside retro: UTC, microseconds since 1970-01-01T00:00:00Z.
using Instant = std::chrono::sys_time<std::chrono::microseconds>;

// An IANA time zone from the system tz database ("Europe/London", "UTC").
// Copyable handle; the date library stays behind it.
class TimeZone {
public:
    // Returns std::nullopt when the name is unknown to the tz database.
    static std::optional<TimeZone> find(std::string_view name);
    static TimeZone utc();
    const std::string& name() const { return m_name; }
    const void* handle() const { return m_zone; }  // date::time_zone*, for src/core only
    friend bool operator==(const TimeZone& a, const TimeZone& b) { return a.m_zone == b.m_zone; }

private:
    TimeZone(const void* zone, std::string name) : m_zone(zone), m_name(std::move(name)) {}
    const void* m_zone;
    std::string m_name;
};

// A wall-clock reading with no zone: what retro timelines, notes and naive machine stamps hold.
struct LocalDateTime {
    int year = 1970;
    unsigned month = 1, day = 1;
    unsigned hour = 0, minute = 0, second = 0;
    std::int64_t microsecond = 0;
    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

// A day of the calendar, no zone: what `Incident from`, day headings and file names name. Ordered by date.
struct CalendarDate {
    int year = 0;
    unsigned month = 0, day = 0;  // 1-12, 1-31 when valid (is_valid_date)
    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

// The day of a local reading.
CalendarDate date_of(const LocalDateTime& local);

// How a local reading maps to UTC: `unique`, or in a DST gap (no such local time) or overlap (two).
enum class LocalKind { unique, gap, overlap };

struct LocalResolution {
    Instant instant;   // gap: the instant just after the gap; overlap: the earlier of the two
    LocalKind kind = LocalKind::unique;
};

// Resolves a local reading in `zone`. Never guesses silently: callers report gap/overlap.
LocalResolution resolve_local(const LocalDateTime& local, const TimeZone& zone);

// The local wall-clock reading of `t` in `zone`.
LocalDateTime to_local(Instant t, const TimeZone& zone);

// The zone's abbreviation at `t` ("BST", "GMT").
std::string zone_abbreviation(Instant t, const TimeZone& zone);

// True when year/month/day name a real date.
bool is_valid_date(int year, unsigned month, unsigned day);
bool is_valid_date(const CalendarDate& date);

// 0 = Sunday … 6 = Saturday.
unsigned weekday_of(int year, unsigned month, unsigned day);
unsigned weekday_of(const CalendarDate& date);

// English names: "Sunday" … "Saturday" for weekday_of()'s 0 … 6, "January" … "December" for 1 … 12.
std::string_view weekday_name(unsigned weekday);
std::string_view month_name(unsigned month);

// ---- Parsing (each consumes the whole input; surrounding spaces are not trimmed) ----

// ISO 8601 / RFC 3339 with an offset: `Z`, `±hh:mm`, `±hhmm`, `±hh`; `T`, `t` or a space between date and
// time; fractions of any length, truncated to microseconds (never rounded, never through a double).
std::optional<Instant> parse_iso8601(std::string_view text);

// ISO 8601 without an offset ("2024-07-25T11:36:00", "2024-07-25 11:36", "2024-07-25"): a local reading.
std::optional<LocalDateTime> parse_iso8601_local(std::string_view text);

// Exactly `YYYY-MM-DD` naming a real date, surrounding blanks ignored ("2024-07-25").
std::optional<CalendarDate> parse_iso_date(std::string_view text);

// The fixed offset from UTC of a zone abbreviation (UT, GMT, UTC, Z, EST…PDT, and the common non-RFC ones
// parse_rfc5322_date also reads: CET, BST, IST as India…), any case; std::nullopt when not in that table.
std::optional<int> zone_name_offset_minutes(std::string_view name);

// Unit of an epoch number.
enum class EpochUnit { seconds, milliseconds, microseconds, nanoseconds };

// An epoch number as an integer or decimal string ("1721903759.248609", "1502709956288000110"), exactly.
std::optional<Instant> parse_epoch(std::string_view text, EpochUnit unit);

// An epoch integer whose unit is told by its magnitude: < 1e11 s, < 1e14 ms, < 1e17 µs, else ns.
// A decimal fraction ("1566248777.677") means seconds.
std::optional<Instant> parse_epoch_auto(std::string_view text);
std::optional<Instant> epoch_from_integer(std::int64_t value, EpochUnit unit);

// Zone information found while parsing a human date.
struct ParsedDate {
    Instant instant;
    bool zone_missing = false;    // no zone at all: interpreted in the assumed zone
    bool zone_ambiguous = false;  // a non-RFC abbreviation (CEST, IST…) mapped from a small table
    bool zone_unknown = false;    // -0000 or a military letter: "UTC, local zone unknown"
};

// RFC 5322 dates with the obsolete forms of §4.3: optional weekday (ignored), 2- and 3-digit years,
// optional seconds, one-digit hours, alphabetic zones in any case (UT, GMT, UTC, EST…PDT, military),
// trailing comments "(CEST)", folding whitespace. A missing zone uses `assumed`.
std::optional<ParsedDate> parse_rfc5322_date(std::string_view text, const TimeZone& assumed);

// asctime "Mon Jun  3 12:50:27 1996" (zone from `assumed`) and Gmail's "Mon Nov 06 04:42:58 +0000 2017".
std::optional<ParsedDate> parse_asctime(std::string_view text, const TimeZone& assumed);

// Any machine timestamp: ISO 8601 with offset, naive ISO 8601 (in `assumed`, zone_missing set),
// epoch numbers (auto unit), RFC 5322, asctime. For JSON-mapped fields whose form is not known.
std::optional<ParsedDate> parse_any_timestamp(std::string_view text, const TimeZone& assumed);

// ---- Formatting ----

// "2024-07-25T10:36:12.248609Z": always six fractional digits.
std::string format_utc(Instant t);
// The same written into `buffer` (no allocation: once per event written).
using UtcText = std::array<char, 32>;
std::string_view format_utc(Instant t, UtcText& buffer);

// "11.35": local hour and minute, truncated.
std::string format_hh_mm(Instant t, const TimeZone& zone);

// "Thursday 25 July" (with the year appended when `with_year`).
std::string format_day_heading(Instant t, const TimeZone& zone, bool with_year = false);

// "Thursday 25 July 2024 11.35 BST".
std::string format_local_long(Instant t, const TimeZone& zone);

// "2024-07-25".
std::string format_iso_date(const CalendarDate& date);

// "2024-07-25": the local date.
std::string format_local_date(Instant t, const TimeZone& zone);

}  // namespace retro
