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

// Appends Slack mrkdwn (input-formats.md §1.9) as plain text: `<@U…>` → `@Name`, `<#C…|x>` → `#x`,
// `<!here>` → `@here`, `<url|label>` → `label` with a link span, `&amp; &lt; &gt;` decoded last,
// `` `code` `` / ```` ```pre``` ```` / `*bold*` / `_italic_` become spans without their markers.
void append_mrkdwn(std::string_view mrkdwn, const NameLookup& names, RichText& out);

}  // namespace retro::ingest::slack
