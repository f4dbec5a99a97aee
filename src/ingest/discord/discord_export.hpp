// DiscordChatExporter's JSON export (github.com/Tyrrrz/DiscordChatExporter, `--format Json`): one channel or
// thread, `{guild, channel, dateRange, messages[], messageCount}`. Every message is one chat event
// (docs/sources/discord.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_dom.hpp"
#include "ingest/alerts/alert_context.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::discord {

// Reads every message of one export in `bytes` into `context.sink`. Damage is a `discord.*` diagnostic at
// file:line:col: a damaged message is left out and the rest read; a count that disagrees with the
// messages is a warning.
void parse_discord_export(std::string_view bytes, const Origin& origin, const IngestContext& context);

// Where the messages of one export were written.
struct ExportChannel {
    std::string guild_id;  // `0` (DiscordChatExporter's) or empty for direct messages
    std::string id;        // the exported channel's id (a thread's own id)
    std::string name;      // shown: the channel's name; a thread's parent channel's name
};

// One message at `path` (`.messages[3]`), starting on `line`, to its event; `thread` is what it is grouped
// under (see parse_discord_export). std::nullopt when `r` reported it damaged or it has no time (a warning).
std::optional<Event> read_message(alerts::FieldReader& r, json::Element message, std::string_view path,
                                  std::uint64_t line, const ExportChannel& channel, std::string thread,
                                  const People& people);

}  // namespace retro::ingest::discord
