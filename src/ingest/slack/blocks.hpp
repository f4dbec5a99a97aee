// Block Kit to plain text plus spans: `rich_text` (human messages) and the bot layout blocks
// (`section`, `header`, `context`), input-formats.md §1.7.
#pragma once

#include "core/json_dom.hpp"
#include "ingest/slack/rich_text.hpp"

namespace retro::ingest::slack {

// Appends the text of a message's `blocks` array, one block a line. Rich-text block text is not
// entity-escaped (real `<`); mrkdwn text objects in layout blocks are. Unknown blocks are skipped.
void append_blocks(json::Array blocks, const NameLookup& names, RichText& out);

}  // namespace retro::ingest::slack
