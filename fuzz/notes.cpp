// Fuzz target: bytes → the `notes` kind on documents with a timeline inside (published postmortems): the
// document timeline reader (front matter, tables, key events, reference links, stated dates), the line-time
// matcher, detection, and the emitter with a zone far from UTC, with and without a day hint. Every event
// must pass fuzz::check_event; every entry must point inside the input; no exception may escape.
#include <cstdint>
#include <cstdlib>

#include "fuzz_check.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "retrodoc/document_timeline.hpp"
#include "retrodoc/line_time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = retro::fuzz::as_text(data, size);
    const retro::retrodoc::DocumentTimeline timeline = retro::retrodoc::read_document_timeline(bytes);
    for (const auto& day : timeline.doc.days) {
        for (const auto& entry : day.entries) {
            if (entry.line == 0 || entry.line > timeline.doc.lines.size()) std::abort();
            if (entry.column == 0 || entry.column > timeline.doc.lines[entry.line - 1].size() + 1) std::abort();
        }
    }
    if (auto t = retro::retrodoc::match_timeline_time(bytes); t && (t->length > bytes.size() || t->time_length > t->length)) {
        std::abort();
    }
    retro::ingest::detect_notes(retro::Probe{"fuzz.md", bytes.substr(0, 64 * 1024), nullptr});
    retro::IngestOptions options;
    options.tz = *retro::TimeZone::find("America/Los_Angeles");
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::ingest::parse_notes(bytes, {"fuzz.md"}, {options, diags, sink});
    options.day_hint = retro::CalendarDate{2024, 3, 31};
    retro::ingest::parse_notes(bytes, {"fuzz.md"}, {options, diags, sink});
    return 0;
}
