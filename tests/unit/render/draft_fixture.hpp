// A hand-built timeline shaped like the seed incident (2024-07-25, Europe/London, BST = UTC+1), for the
// draft tests. Times are written as UTC; the seed's local times are one hour later.
#pragma once

#include <string>

#include "render/draft.hpp"
#include "retro/timeline.hpp"

namespace retro::test {

Timeline seed_like_timeline();

// The default draft (retro held 2024-07-26) of a case folder, made end to end: read_sources → correlate →
// render_draft.
std::string draft_of_folder(const std::string& dir);
Instant utc(const char* iso);
// Draft options for the seed: Europe/London, retro held 2024-07-26.
render::DraftOptions london_options();

}  // namespace retro::test
