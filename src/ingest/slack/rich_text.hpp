// Plain text with spans (DESIGN.md `text`/`spans`) built from Slack mrkdwn and Block Kit, and the name
// lookups mentions need.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retro/event.hpp"

namespace retro::ingest::slack {

struct RichText {
    std::string text;
    std::vector<Span> spans;

    // Starts a new line unless the text is empty or already ends one.
    void break_line();
    // Appends `other`, shifting its spans.
    void append(const RichText& other);
};

// How mentions are named: a user id or a channel id to a name (std::nullopt when unknown).
struct NameLookup {
    std::function<std::optional<std::string>(std::string_view)> user;
    std::function<std::optional<std::string>(std::string_view)> channel;
};

// `text` as an owned string, valid UTF-8 without NULs: strings from the DOM parser are already valid
// UTF-8, so only a string holding a NUL (`\u0000`) or invalid bytes goes through repair_utf8.
std::string clean_text(std::string_view text);
// `text` itself when it is a string the DOM parser gave and holds no NUL, else its repair, kept in `storage`
// (no copy where none is needed). Such a string is valid UTF-8 by then: simdjson checks the whole document
// and refuses a lone surrogate in a `\u` escape (tests/unit/core/test_json_dom.cpp pins it).
std::string_view clean_dom_text(std::string_view text, std::string& storage);

// `prefix` then `text`: "@Name", "#channel".
std::string prefixed(char prefix, std::string_view text);

// Appends Slack mrkdwn (input-formats.md §1.9) as plain text: `<@U…>` → `@Name`, `<#C…|x>` → `#x`,
// `<!here>` → `@here`, `<url|label>` → `label` with a link span, `&amp; &lt; &gt;` decoded last,
// `` `code` `` / ```` ```pre``` ```` / `*bold*` / `_italic_` become spans without their markers.
void append_mrkdwn(std::string_view mrkdwn, const NameLookup& names, RichText& out);

}  // namespace retro::ingest::slack
