// The Markdown retro draft in the house style of the published retros (DESIGN.md "The retro document",
// the seed ../shared/seed/2024-07-25-retro-as-published.md): title, metadata, contents, timeline, analysis
// of causes, actions. Machine-written regions sit between `<!-- retro:begin NAME base=… -->` and
// `<!-- retro:end NAME -->` (region_marker.hpp) so `retro draft --update` can merge new events into them and
// keep what people wrote.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/redaction.hpp"
#include "retro/people.hpp"
#include "retro/time.hpp"
#include "retro/timeline.hpp"

namespace retro::render {

struct DraftOptions {
    std::string title;       // --title; empty: the timeline's title hint
    std::string retro_held;  // "2024-07-26" (--retro-held, else SOURCE_DATE_EPOCH's date); empty: a prompt
    TimeZone tz = TimeZone::utc();
    bool redact = true;  // --no-redact turns it off
    People people;       // names for redacted e-mail addresses
    bool chart = false;  // --chart: a Mermaid gantt chart of the incident in region `chart_region`
};

struct Draft {
    std::string markdown;
    RedactionCounts redacted;
};

// The whole draft. Its first line starts with retro::draft_marker. Deterministic: the same timeline and
// options give the same bytes.
Draft render_draft(const Timeline& timeline, const DraftOptions& options);

// The names of the machine-written regions every draft has, in document order.
const std::vector<std::string_view>& draft_region_names();

// The region holding the chart, just under `## Timeline`, in a draft asked for one (DraftOptions::chart).
inline constexpr std::string_view chart_region = "chart";

// Whether `text` holds the machine region `name` (outside fenced code); false when its markers are unbalanced.
bool has_draft_region(std::string_view text, std::string_view name);

struct RegionLine {
    std::string region;
    std::size_t line = 0;  // 1-based
};

struct DraftUpdate {
    std::string text;                   // `existing` with its machine regions merged
    std::vector<std::string> merged;    // regions merged with the base recorded in their begin marker
    std::vector<RegionLine> rewritten;  // regions with no recorded base, replaced whole (line: in `existing`)
    std::vector<RegionLine> conflicts;  // each conflict block's `<<<<<<<` line in `text`
    std::vector<std::string> added;     // optional regions (the chart) of the new draft put into `existing`
    std::vector<std::string> absent;    // regions of the new draft that `existing` no longer has (left out)
    std::string error;                  // non-empty: `existing` is unusable (unbalanced markers); text empty
};

// Merges every machine region of `existing` with the same region of `fresh` (a render_draft() result), as
// git merges: base = the region as the machine last wrote it (recorded in its begin marker), ours = the region
// in `existing`, theirs = the region in `fresh` (see merge_lines); lines both changed differently become a
// `<<<<<<< yours` … `>>>>>>> retro draft` block. A region whose marker records no base is replaced whole.
// A region of `fresh` that is not among draft_region_names() (the chart, which `fresh` holds only when asked
// for) and that `existing` lacks is put in just before the next region of `fresh` that `existing` has.
// Every other byte of `existing` stays as it was.
DraftUpdate update_draft(std::string_view existing, std::string_view fresh);

}  // namespace retro::render
