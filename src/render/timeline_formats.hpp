// `retro timeline --format`: the timeline formats, one row each (the renderers are in timeline_output.hpp).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "retro/time.hpp"
#include "retro/timeline.hpp"

namespace retro::render {

// The choices a timeline renderer takes besides the timeline.
struct TimelineRenderOptions {
    TimeZone tz = TimeZone::utc();
    bool list_incidents = false;  // --list-incidents: the clusters instead of the timeline
    bool stats = false;           // --stats: the ledger after the timeline
};

struct TimelineFormat {
    std::string_view name;  // the --format value
    std::string_view help;
    // The whole output for `timeline`.
    std::string (*render)(const Timeline& timeline, const TimelineRenderOptions& options);
};

// The rows, the default (text) first.
std::span<const TimelineFormat> timeline_formats();

}  // namespace retro::render
