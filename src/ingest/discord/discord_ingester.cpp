// The `discord` row: a DiscordChatExporter JSON export (src/ingest/discord/discord_export.hpp), read whole
// (one document) up to the file limit.
#include "core/text_utf8.hpp"
#include "ingest/discord/discord_export.hpp"
#include "ingest/kubernetes/whole_input.hpp"
#include "ingest/registry_rows.hpp"

namespace retro::ingest {
namespace {

std::string_view skip_blanks(std::string_view s) {
    const std::size_t at = s.find_first_not_of(" \t\r\n");
    return at == std::string_view::npos ? std::string_view() : s.substr(at);
}

// `"key"` followed by `:` somewhere in `head` (pretty printers put spaces before the colon or not).
bool has_key(std::string_view head, std::string_view key) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    for (std::size_t at = head.find(quoted); at != std::string_view::npos; at = head.find(quoted, at + 1))
        if (skip_blanks(head.substr(at + quoted.size())).starts_with(':')) return true;
    return false;
}

// DiscordChatExporter writes `guild` first, then `channel`, `dateRange`, `messages`; a document whose keys
// were reordered (`jq -S`) still names all of them. No other format read here has a `guild`.
int detect_discord(const Probe& probe) {
    if (probe.tree) return 0;
    std::string_view head = probe.head;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    head = skip_blanks(head);
    if (!head.starts_with('{')) return 0;
    if (!has_key(head, "channel") || !has_key(head, "messages")) return 0;
    const std::string_view first = skip_blanks(head.substr(1));
    if (first.starts_with("\"guild\"") && skip_blanks(first.substr(7)).starts_with(':')) return 100;
    return has_key(head, "guild") && has_key(head, "messageCount") ? 80 : 0;
}

}  // namespace

const Ingester discord_ingester{"discord", detect_discord, kubernetes::ingest_whole<discord::parse_discord_export>};

}  // namespace retro::ingest
