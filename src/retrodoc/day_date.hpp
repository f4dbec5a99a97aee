// Day headings of a retro timeline as written ("Thursday 25 July", "20 May 2021", "2024-07-25"), and the
// house rule that gives a heading without a year its year.
#pragma once

#include <optional>
#include <string_view>

#include "retro/time.hpp"

namespace retro::retrodoc {

// A day as a heading writes it: the year and the weekday only when written. Not checked against the
// calendar ("30 February" reads as written).
struct DayDate {
    std::optional<int> year;
    unsigned month = 0, day = 0;
    std::optional<unsigned> weekday;  // 0 = Sunday, as written
};

// "Thursday 25 July", "20 May 2021", "Tue 7 Jan 2020", "25th July", "2024-07-25"; trailing ':' allowed.
std::optional<DayDate> parse_day_date(std::string_view text);

// Words that are only weekday names, month names and day or year numbers, with a month among them
// ("24 February January 2021"): a day line that is not a date, rather than timeline text.
bool looks_like_day_date(std::string_view text);

// The date a day heading names in a timeline that starts on `start` (`Incident from`, --from): its own
// year, else `start`'s year, or the next one when the month is more than six before `start`'s (a timeline
// crossing New Year names January days after a December start). nullopt when there is no year to take.
// Not checked against the calendar.
std::optional<CalendarDate> date_in_timeline(const DayDate& day, std::optional<CalendarDate> start);

}  // namespace retro::retrodoc
