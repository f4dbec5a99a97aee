// The date a sentence, heading or title states: `2019-10-21`, `21 October 2019`, `October 21, 2019`,
// `Monday, June 5th 2023`. Only dates with a year, and only real ones.
#pragma once

#include <optional>
#include <string_view>

#include "retro/time.hpp"

namespace retro::retrodoc {

// The first date with a year in `text`, else std::nullopt ("At 2019-10-21 01:38 UTC the website went down"
// → 2019-10-21; "between 12:17 and 12:30" → none).
std::optional<CalendarDate> first_stated_date(std::string_view text);

}  // namespace retro::retrodoc
