// The time a timeline line starts with, in the forms notes and published postmortems write it: `11.36`,
// `13:23`, `9.05`, `21:17 UTC`, `12:17 UTC`, `10:23:45`, `3:05 PM PST`, `10:23+01:00`, `2023-06-06 10:23`.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "retro/time.hpp"

namespace retro::retrodoc {

struct LineTime {
    std::size_t length = 0;               // bytes from the start of the text through the time and its zone
    std::size_t time_length = 0;          // through the time alone (and a written date before it)
    int hour = -1, minute = -1;           // as written, after AM/PM (may be out of range: 25.70)
    int second = -1;                      // -1 when not written
    std::optional<CalendarDate> date;     // `2023-06-06 10:23`: the date written before the time
    std::optional<int> utc_offset_minutes;  // a zone written beside the time (`UTC`, `BST`, `+01:00`)

    bool is_time_of_day() const { return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second <= 59; }
};

// A time at the very start of `text`: an optional date (`YYYY-MM-DD` or `YYYY/MM/DD`, then a space or `T`),
// `H.MM`, `HH.MM`, `H:MM` or `HH:MM`, optional `:SS`, optional `am`/`pm`, then an optional zone: a capitalised
// abbreviation of core's table after one space (`UTC`, `GMT`, `PST`, `BST`), `Z` or `±hh:mm` / `±hhmm` right
// after the time, `UTC±h[:mm]`, or one of these in parentheses (`(UTC)`). The time must end the text or be
// followed by a space, a tab, `:`, `,`, `]`, `)` or `*`; otherwise std::nullopt (`1.5 apples`, `14:30ish`,
// `1.10.2`). Ranges are not checked (`25.70` is returned as written).
std::optional<LineTime> match_timeline_time(std::string_view text);

// A zone written as text on its own, as a table header or line gives it (`UTC`, `(UTC)`, `+01:00`,
// `UTC+1`): its offset in minutes, else std::nullopt.
std::optional<int> written_zone_offset(std::string_view text);

}  // namespace retro::retrodoc
