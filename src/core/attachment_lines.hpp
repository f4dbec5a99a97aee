// Files attached to a message. An ingester writes each as a line of the event's text of its own, "file: items
// 403 (items-403.png)", with an `attachment` span over the title whose `url` is the file's https permalink when
// the source has one. The draft shows such a line as a link to the file, or leaves it out when nobody could
// open it; the event and the timeline JSON keep it either way.
#pragma once

#include <string_view>
#include <vector>

#include "retro/event.hpp"

namespace retro {

struct AttachmentLine {
    std::size_t start = 0, end = 0;  // the line holding the span: [start, end), its `\n` not included
    const Span* span = nullptr;      // the attachment span (the title), into the spans given
};

// The lines of `text` holding an attachment span, in text order; a line with two is listed once (its first).
std::vector<AttachmentLine> attachment_lines(std::string_view text, const std::vector<Span>& spans);

// Can the draft link to this attachment: is its url an https permalink?
bool is_linkable_attachment(const Span& span);

// True when `text` holds nothing but blanks once the lines of attachments that cannot be linked are set aside
// (an empty message, a file posted without a title or without a permalink).
bool says_nothing_shown(std::string_view text, const std::vector<Span>& spans);

}  // namespace retro
