// The timeline inside a Markdown document that is not a notes file: a published postmortem or incident
// page, mostly prose, with timed lines somewhere in it (docs/sources/postmortems.md). Only timed lines are
// entries; paragraphs and bullet points without a time are not, but a timed line's list item or paragraph
// continues it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "retrodoc/retro_document.hpp"

namespace retro::retrodoc {

struct DocumentTimeline {
    RetroDocument doc;    // headings and days with their timed entries; lines are views into the caller's bytes
    std::string title;    // the front matter's `title`, else the first heading's text
    std::optional<CalendarDate> stated_date;  // the first heading stating a date, else the title, else the
                                              // first sentence that states one
    std::size_t entries = 0;                  // timed entries, table rows included
    std::size_t entries_in_timeline_section = 0;  // of which under a heading or label naming a timeline
};

// Reads the timed lines of `bytes`: `21:17 UTC: …`, `- 12:17 UTC – …`, `- 2023-06-06 10:23 - …`,
// `- **01:38: …**`, `**10:23** …`, `10.23 …`; "key events" items (`First detected 2020-08-14 10:43`); rows of
// tables with a time column; day headings and day lines (`### 2020-02-20`, `## Tuesday 25 July`,
// `**Monday, June 5th 2023**`). Front matter, code blocks and HTML are never read as lines. Never fails.
DocumentTimeline read_document_timeline(std::string_view bytes);

}  // namespace retro::retrodoc
