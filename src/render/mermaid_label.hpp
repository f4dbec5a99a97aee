// Text as a label on one line of a Mermaid gantt chart (https://mermaid.js.org/syntax/gantt.html). The gantt
// lexer (mermaid 12's gantt.jison, checked against the pinned package of scripts/render-chart.sh) ends a task's
// label at ':', skips a line from '#' or '%' as a comment, ends the task's data at ';' and '#', and reads a line
// starting with a keyword (`section …`, `title …`, `click …`) or a date as that statement. Mermaid's own escape
// is an entity code, `#58;` for ':', which it replaces before lexing and turns back into the character in the
// picture; the label writes every such character so.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace retro::render {

// `text` as a gantt task or section label: control characters and whitespace runs one space, trimmed; past
// `max_bytes`, its start and end with "…" between (alert names that differ only at the end stay apart); then
// ':', ';', '#', '%', '"', '<', '>' and '`' as entity codes (the last four for the renderer's HTML sanitizer and
// the Markdown fence around the chart), and the first character too when the label starts with a gantt
// keyword or a digit. Empty text gives "(no name)".
std::string mermaid_label(std::string_view text, std::size_t max_bytes = 64);

}  // namespace retro::render
