// The correlator's settings from a session: `[correlate]` of retro.toml, --from/--until, `[people]`.
// Shared by `retro timeline` and `retro draft`, so both see the same timeline.
#pragma once

#include <cstddef>

#include "cli/common_options.hpp"
#include "retro/timeline.hpp"

namespace retro::cli {

// `incident` is --incident N (0: let the correlator choose). Throws retro::Error (exit 2) for a
// `[correlate.milestones]` time that does not parse.
CorrelateOptions correlate_options(const Session& session, std::size_t incident);

}  // namespace retro::cli
