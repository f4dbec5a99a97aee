// read → collect → correlate: the timeline `retro timeline` and `retro draft` both start from, so both see
// the same events, the same ledger and the same diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/common_options.hpp"
#include "retro/timeline.hpp"

namespace retro::cli {

// Reads `sources` with the session's ingest options, sorts them and applies the id rule (renames warned
// about in the session's diagnostics), and correlates them with the session's settings (`incident`: 0 lets
// the correlator choose). The ledger's ingest drops count what ingest dropped and the duplicates removed.
// Throws retro::Error (exit 2) for unreadable sources or a `[correlate.milestones]` time that does not parse.
Timeline correlate_sources(const std::vector<std::string>& sources, Session& session, std::size_t incident);

}  // namespace retro::cli
