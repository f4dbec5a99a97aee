// Files attached to a message, as the draft shows them (src/core/attachment_lines.hpp): a file's line becomes a
// link to its https permalink with the title as the link's text; a file with no such permalink is left out of
// the draft, since nobody reading the retro could open it (the event and the timeline JSON keep it).
#pragma once

#include "render/redaction.hpp"

namespace retro::render {

// `body` with each attachment line replaced by the title linked to its permalink, or removed with its line
// break; other spans are moved with their text, and those inside a replaced line are dropped.
RedactedText show_attachments(const RedactedText& body);

}  // namespace retro::render
