// House-style tables of the published retros (corpus/wellcome-retros/), shared by the retro reader and
// the draft renderer so that what one writes the other reads back the same way.
#pragma once

#include <string_view>

namespace retro::retrodoc {

// Capitals that start timeline text without being anyone's initials ("DNS", "API", "OK").
bool is_common_acronym(std::string_view word);

}  // namespace retro::retrodoc
