// `retro events --format`: the event formats, one row each. retro.event/1 NDJSON is the data as read, never
// redacted; Timesketch JSONL (timesketch.hpp) is redacted unless the caller says not to.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "retro/event.hpp"
#include "retro/people.hpp"

namespace retro::render {

// What a writer may need besides the event: whether to redact, and whose names.
struct EventWriteOptions {
    bool redact = false;
    const People* people = nullptr;  // set when `redact` is
};

struct EventFormat {
    std::string_view name;  // the --format value
    std::string_view help;
    // Appends one line for `event` (ending in '\n'). Called on reader workers: keeps no shared state.
    void (*write)(const Event& event, const EventWriteOptions& options, std::string& out);
    // The lines are retro.event/1 events as they were given: reading a line back gives the event.
    bool lines_are_events = false;
};

// The rows, the default (ndjson) first.
std::span<const EventFormat> event_formats();

}  // namespace retro::render
