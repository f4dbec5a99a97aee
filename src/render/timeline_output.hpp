// `retro timeline` output: the timeline as text for people and as JSON for scripts (docs/timeline-json.md).
#pragma once

#include <string>

#include "retro/time.hpp"
#include "retro/timeline.hpp"

namespace retro::render {

// Day headings and one line per entry, local times in `tz` ("11.14 RC text"); same-minute alerts of one
// channel follow their entry as indented lines.
std::string render_timeline_text(const Timeline& timeline, const TimeZone& tz);

// The ledger, the alert count ("N raw alerts → K groups") and the ingest-stage drops, for `--stats`.
std::string render_stats_text(const Timeline& timeline, const TimeZone& tz);

// One line per incident cluster, numbered as `--incident N` takes them, the chosen one marked.
std::string render_incidents_text(const Timeline& timeline, const TimeZone& tz);

// The whole timeline as one JSON object (`retro.timeline/1`) and a newline.
std::string render_timeline_json(const Timeline& timeline, const TimeZone& tz);

// "45 s", "4 min", "1 h 14 min", "-3 min": a duration for people, truncated to the minute past one minute.
std::string format_duration(std::chrono::seconds d);

}  // namespace retro::render
