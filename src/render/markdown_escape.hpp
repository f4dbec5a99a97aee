// Plain event text (DESIGN.md "The event": text plus byte-range spans) → Markdown lines that render back to
// the same text. The only place where source text meets Markdown syntax: nothing from a source can open a
// block, emphasis, link, HTML or a table cell, or break the `\` continuation style of the house timeline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "retro/event.hpp"

namespace retro::render {

// Where an inline chunk starts: at the start of a Markdown line (block syntax must be neutralised), after
// a timeline entry's `HH.MM ` without initials (text looking like initials must not be read as them), or
// after other text on the line.
enum class LineStart { block, after_time, inline_text };

// One line of plain text as Markdown inline text: ASCII punctuation with a meaning escaped, URLs as `<url>`
// autolinks, link spans as `[text](<url>)` or autolinks, code spans as code with a fence longer than any
// backtick run inside. Leading and trailing blanks are written as `&#32;` / `&#9;`, which Markdown keeps (raw,
// it would drop them); a line break inside (a name or label that holds one) is written as a space, so it never
// starts a Markdown line.
std::string escape_inline(std::string_view text, const std::vector<Span>& spans, LineStart start);

// A text with spans as Markdown lines for a timeline entry: lines of inline text, and each `pre` span as a
// fenced code block (its own lines, fence longer than any fence inside). `first` is how the first line
// starts; later lines start a Markdown line. Blank lines of the text are dropped (a blank line would end
// the entry). Code-block lines are marked so callers do not append a `\` continuation to them.
struct MarkdownLine {
    std::string text;
    bool is_code = false;  // a fence or a line inside a fenced block
};
std::vector<MarkdownLine> render_text_lines(std::string_view text, const std::vector<Span>& spans, LineStart first);

// `text` as a code span (backtick fence longer than any run inside, padded when it starts or ends with a
// backtick or space; `\r` and `\n` written as spaces, as Markdown renders them).
std::string code_span(std::string_view text);

// Text for inside an HTML comment prompt: `--` and `>` that could close the comment are defused.
std::string comment_safe(std::string_view text);

}  // namespace retro::render
