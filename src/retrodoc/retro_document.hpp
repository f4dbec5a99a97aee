// The retro reader: a retro (or notes) Markdown file read into its parts with exact 1-based line:column
// positions (byte columns). cmark-gfm gives the block structure; positions inside blocks come from the raw
// lines. House style: DESIGN.md "The retro document" and the published retros in corpus/wellcome-retros/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retrodoc/day_date.hpp"
#include "retrodoc/markdown_outline.hpp"

namespace retro::retrodoc {

struct RetroHeading {
    int level = 0;
    std::string text;                    // rendered text
    std::uint32_t line = 0, column = 0;  // column of the text (after the `#`s)
};

// `**Incident from:** 2024-07-25`: key without colon or emphasis, value trimmed.
struct RetroMetadata {
    std::string key;
    std::string value;
    std::uint32_t line = 0, key_column = 0, value_column = 0;
};

// One raw Markdown line of an entry, with its end markers (`\`, `<br>`) removed.
struct RetroLine {
    std::uint32_t line = 0, column = 0;  // where `text` starts
    std::string text;
    bool is_code = false;  // inside a fenced or indented code block
};

struct RetroEntry {
    bool is_timed = false;
    std::uint32_t line = 0, column = 0;  // the time, or the start of an untimed line
    std::string time_text;               // "11.36", "13:23" as written
    int hour = -1, minute = -1;          // as written (may be out of range: 25.70)
    std::string time_url;                // `[10.41](https://…/p1715074860)`: the time's link (a permalink)
    std::string initials;                // "RC", or empty
    std::uint32_t initials_column = 0;
    int second = -1;                          // written seconds (`10:23:45`), else -1
    std::optional<CalendarDate> date;         // a date written on the line (`2023-06-06 10:23`)
    std::optional<int> utc_offset_minutes;    // a zone written beside the time (`21:17 UTC`): it wins over --tz
    std::string actor_name;                   // documents: a person the line opens with (`[QuietMisdreavus]`)
    std::vector<RetroLine> lines;  // the text after time and initials, then continuation lines
};

struct RetroDay {
    std::string text;                    // heading text; empty for entries before any day heading
    std::uint32_t line = 0, column = 0;  // 0 when there is no heading
    bool is_heading = false;             // a Markdown heading (`###`) rather than a plain line
    std::optional<DayDate> date;         // empty when the text is not a date
    std::vector<RetroEntry> entries;
};

struct RetroAction {
    std::string text;
    std::uint32_t line = 0, column = 0;
};

struct RetroOwner {
    std::string name;  // "LB", "AG - for planning"
    std::uint32_t line = 0, column = 0;
    std::vector<RetroAction> actions;
    bool has_prompt = false;  // a `<!-- retro: … -->` prompt stands where the actions will go (a draft)
};

struct RetroLink {
    std::string url, text;
    std::uint32_t line = 0, column = 0;  // the link's opening bracket or URL on its line
    bool is_autolink = false;
};

struct RetroDocument {
    std::vector<std::string_view> lines;  // raw lines without endings, views into the caller's bytes
    std::vector<bool> is_code_line;       // per line (index line-1): inside a code block or its fences
    std::vector<bool> is_html_line;       // per line: inside an HTML block (comments, prompts)
    std::optional<RetroHeading> title;    // the first heading of the document
    std::vector<RetroMetadata> metadata;  // before the first section heading
    std::vector<RetroHeading> headings;   // every heading, in order
    std::vector<RetroLink> links;
    std::vector<RetroLink> toc;           // `#anchor` links before the first section heading
    std::vector<std::size_t> sections;    // indices into headings of the level-2 headings
    std::optional<std::size_t> timeline;  // index into headings of the Timeline heading
    std::vector<RetroDay> days;
    std::optional<std::size_t> actions;  // index into headings of the Actions heading
    std::vector<RetroOwner> owners;
    std::size_t images_as_text = 0;  // image openers cmark-gfm was given as text (MarkdownOutline)
};

// Reads a retro: title, metadata, headings, links, the `Timeline` section's days and entries, and the
// `Actions` section's owners. Never fails; what is not there is empty.
RetroDocument read_retro_document(std::string_view bytes);

// Reads a notes file: the whole file is a timeline (day headings as headings or plain lines).
RetroDocument read_notes_document(std::string_view bytes);

// A timeline line's leading time: `HH.MM`, `HH:MM` or `H.MM` followed by a space, ':', or the end.
// Returns the length of the time token and fills hour/minute (unchecked ranges), else 0.
std::size_t match_line_time(std::string_view text, int& hour, int& minute);

// The GitHub anchor slug of a heading text ("Analysis of causes" → "analysis-of-causes").
std::string github_slug(std::string_view heading_text);

}  // namespace retro::retrodoc
