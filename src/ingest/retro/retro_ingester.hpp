// The `retro` and `notes` ingesters: a retro's timeline, or a notes file of timeline lines, as
// `retro.event/1` events (DESIGN.md "What becomes an event": one per timed line, `precision: minute`;
// untimed lines `precision: day`; id `retro:<file>#L<line>`; times are local in `--tz`).
#pragma once

#include <string_view>

#include "retro/ingest.hpp"

namespace retro::ingest {

// Detection: a Markdown file whose first heading is `# Incident retro` (retro), or a file mostly made of
// `HH.MM …` timeline lines (notes). 0 = not mine.
int detect_retro(const Probe& probe);
int detect_notes(const Probe& probe);

// Reads the whole input and emits its timeline; damage (bad times, DST gaps, days without a date) becomes
// diagnostics and the reader goes on.
void ingest_retro(Input& input, const IngestContext& context);
void ingest_notes(Input& input, const IngestContext& context);

// The same on bytes already read (for tests and fuzzers).
void parse_retro(std::string_view bytes, const Origin& origin, const IngestContext& context);
void parse_notes(std::string_view bytes, const Origin& origin, const IngestContext& context);

}  // namespace retro::ingest
