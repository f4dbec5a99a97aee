// Reading and writing `retro.event/1` as NDJSON lines.
#pragma once

#include <string>
#include <string_view>

#include "retro/diagnostic.hpp"
#include "retro/event.hpp"

namespace retro {

// Appends one event as a JSON object with DESIGN.md's key order and a trailing newline.
void write_event_json(const Event& e, std::string& out);
std::string to_json_line(const Event& e);
// The line without `id`, `record`, `time_raw` and `source`: what the event says (the content hash's text).
void write_event_content_json(const Event& e, std::string& out);

// Parses one `retro.event/1` object into `out`, which should be a default-constructed Event: the record is
// read straight into it (no second Event moved over), so a field the record lacks keeps what `out` had. On
// a damaged record reports `events.*` diagnostics at `origin` and returns false, and `out` is then partly
// filled: throw it away. Unknown keys are ignored.
bool read_event_json(std::string_view record, const Origin& origin, Diagnostics& diags, Event& out);

}  // namespace retro
