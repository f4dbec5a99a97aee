// Markdown inline text of a timeline entry → plain Unicode text with spans (DESIGN.md "The event"):
// backslash escapes and entities decoded, `<url>` autolinks, `[text](url)` links and bare URLs as link
// spans, code spans and fenced code as code/pre spans, `**bold**` and `*italic*` as spans, hard-break
// markers and HTML comments dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "retrodoc/retro_document.hpp"
#include "retro/event.hpp"

namespace retro::retrodoc {

struct PlainText {
    std::string text;
    std::vector<Span> spans;
};

// One line of Markdown inline text appended to `out` (spans offset by out.text's size).
void append_markdown_inline(std::string_view markdown, PlainText& out);

// The lines of an entry joined with '\n'; consecutive code lines become one `pre` span. Invalid UTF-8 is
// repaired line by line, so spans stay on character boundaries.
PlainText entry_plain_text(const std::vector<RetroLine>& lines);

}  // namespace retro::retrodoc
