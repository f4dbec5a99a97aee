// `retro events --format timesketch`: events as Timesketch's JSONL import format (one object a line with
// `message`, `datetime`, `timestamp_desc`; other keys become event attributes), so retro's events can sit
// next to forensic timelines in Timesketch.
#pragma once

#include <string>

#include "retro/event.hpp"

namespace retro::render {

// Appends one Timesketch JSONL line for `event` (ending in '\n'). Keys in a fixed order; absent fields are
// left out, as in retro.event/1.
void write_timesketch_json(const Event& event, std::string& out);

}  // namespace retro::render
