// The rows of `retro events --format`.
#include "render/event_formats.hpp"

#include <array>

#include "render/redaction.hpp"
#include "render/timesketch.hpp"
#include "retro/event_json.hpp"

namespace retro::render {
namespace {

void write_ndjson(const Event& event, const EventWriteOptions&, std::string& out) { write_event_json(event, out); }

// The redaction tally stays local: this runs on reader workers, and `events` prints no summary.
void write_timesketch(const Event& event, const EventWriteOptions& options, std::string& out) {
    if (!options.redact) return write_timesketch_json(event, out);
    RedactionCounts counts;
    write_timesketch_json(redact_event(event, *options.people, counts), out);
}

constexpr std::array formats{
    EventFormat{"ndjson", "retro.event/1 NDJSON (the data as read, never redacted)", write_ndjson, true},
    EventFormat{"timesketch", "Timesketch JSONL (secrets and personal data redacted unless --no-redact)",
                write_timesketch},
};

}  // namespace

std::span<const EventFormat> event_formats() { return formats; }

}  // namespace retro::render
