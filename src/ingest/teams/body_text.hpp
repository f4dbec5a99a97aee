// Plain text with spans (DESIGN.md `text`/`spans`), built the way a browser lays out text: runs of white
// space (and no-break spaces) are one space, a block ends a line, no line is empty and nothing trails.
// Separators are only written when more text follows, so spans never start with one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "retro/event.hpp"

namespace retro::ingest::teams {

struct BodyText {
    std::string text;
    std::vector<Span> spans;  // by start, an outer span before the spans inside it
};

class BodyBuilder {
public:
    // Text as HTML shows it: white space collapsed.
    void text(std::string_view s);
    // Text whose spaces are kept (`<pre>`); a newline starts a new line.
    void verbatim(std::string_view s);
    // The next text starts a new line (several in a row are one).
    void line_break();
    // The next text is separated by a space, unless it starts a line.
    void space();
    // A file or image on a line of its own: `label: title` (just `label` without a title), the title (or the
    // label) an attachment span carrying `url` (may be empty).
    void attachment_line(std::string_view label, std::string_view title, std::string_view url);

    // Where the next character would go, to start a span there.
    std::size_t mark() const { return m_text.size(); }
    // A span from `start` (a mark) to the end of the text so far, without separators at its start; nothing
    // when it would be empty.
    void close_span(std::size_t start, SpanType type, std::string url = {});
    bool empty() const { return m_text.empty(); }

    BodyText take();

private:
    void put(std::string_view bytes);  // writes a pending separator, then `bytes`

    std::string m_text;
    std::vector<Span> m_spans;
    bool m_space = false, m_break = false;
};

}  // namespace retro::ingest::teams
