// The retro reader: a retro (or notes) Markdown file read into its parts with exact 1-based line:column
// positions (byte columns). cmark-gfm gives the block structure; positions inside blocks come from the raw
// lines. House style: DESIGN.md "The retro document" and the published retros in corpus/wellcome-retros/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/retro/markdown_outline.hpp"

namespace retro::ingest {

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
    std::vector<RetroLine> lines;  // the text after time and initials, then continuation lines
};

// A calendar day as written in a day heading: "Thursday 25 July", "20 May 2021", "Tue 7 Jan 2020".
struct DayDate {
    std::optional<int> year;
    unsigned month = 0, day = 0;
    std::optional<unsigned> weekday;  // 0 = Sunday, as written
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

// "Thursday 25 July", "20 May 2021", "Tue 7 Jan 2020", "25th July", "2024-07-25"; trailing ':' allowed.
std::optional<DayDate> parse_day_date(std::string_view text);

// Words that are only weekday names, month names and day or year numbers, with a month among them
// ("24 February January 2021"): a day line that is not a date, rather than timeline text.
bool looks_like_day_date(std::string_view text);

// A timeline line's leading time: `HH.MM`, `HH:MM` or `H.MM` followed by a space, ':', or the end.
// Returns the length of the time token and fills hour/minute (unchecked ranges), else 0.
std::size_t match_line_time(std::string_view text, int& hour, int& minute);

// The GitHub anchor slug of a heading text ("Analysis of causes" → "analysis-of-causes").
std::string github_slug(std::string_view heading_text);

}  // namespace retro::ingest
