// The Markdown retro draft in the house style of the published retros (DESIGN.md "The retro document",
// the seed ../shared/seed/2024-07-25-retro-as-published.md): title, metadata, contents, timeline, analysis
// of causes, actions. Machine-written regions sit between `<!-- retro:begin NAME -->` and
// `<!-- retro:end NAME -->` so `retro draft --update` can rewrite them and keep what people wrote.
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
    std::string retro_held;  // "2024-07-26" (--retro-held, else SOURCE_DATE_EPOCH's date, else today)
    TimeZone tz = TimeZone::utc();
    bool redact = true;  // --no-redact turns it off
    People people;       // names for redacted e-mail addresses
};

struct Draft {
    std::string markdown;
    RedactionCounts redacted;
};

// The whole draft. Its first line starts with retro::draft_marker. Deterministic: the same timeline and
// options give the same bytes.
Draft render_draft(const Timeline& timeline, const DraftOptions& options);

// The names of the machine-written regions, in document order.
const std::vector<std::string_view>& draft_region_names();

struct DraftUpdate {
    std::string text;                   // `existing` with its machine regions replaced
    std::vector<std::string> replaced;  // region names rewritten
    std::vector<std::string> absent;    // regions of the new draft that `existing` no longer has (left out)
    std::string error;                  // non-empty: `existing` is unusable (unbalanced markers); text empty
};

// Rewrites every machine region of `existing` with the same region of `fresh` (a render_draft() result)
// and leaves every other byte of `existing` as it was.
DraftUpdate update_draft(std::string_view existing, std::string_view fresh);

}  // namespace retro::render
