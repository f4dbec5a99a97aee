// A Slack day file (`<channel>/YYYY-MM-DD.json`, input-formats.md §1.1/§1.3): a JSON array of messages.
// Also the message arrays of API responses and slackdump dumps, which share the element framing.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/json_dom.hpp"
#include "core/string_hash.hpp"
#include "core/text_arena.hpp"
#include "ingest/slack/message.hpp"
#include "retro/diagnostic.hpp"
#include "retro/event.hpp"

namespace retro::ingest::slack {

// Byte range [start, end) of one value inside a JSON text.
struct ValueRange {
    std::size_t start = 0, end = 0;
    std::uint64_t line = 1, column = 1;  // relative to the text's first byte (1-based)
};

// The ranges of the elements of the JSON array at `array_start` (the offset of its `[`), found by a
// string-aware scan. Used only to say where each message starts; the DOM parser validates the JSON.
std::vector<ValueRange> array_element_ranges(std::string_view bytes, std::size_t array_start);

// The same from the structural offsets a DomParser found in `bytes` (the array being the whole text):
// nullopt when they do not index `bytes` from its first byte (a byte-order mark). `expected`: how many
// elements the parser found (room is made for them at once).
std::optional<std::vector<ValueRange>> array_element_ranges(std::string_view bytes,
                                                            std::span<const std::uint32_t> structurals,
                                                            std::size_t expected = 0);

// The origin of a value inside `bytes`, which start at `origin`.
Origin origin_of(const Origin& origin, const ValueRange& range);
// The same into `at` (which already names the file): its line and column only.
void place_at(Origin& at, const Origin& origin, const ValueRange& range);

// The (channel, MessageConverter::dedupe_key) keys of the messages converted so far, so a message listed
// twice is read once. A key holds a message's text: they are kept in an arena, not allocated one by one.
class SeenMessages {
public:
    // True when `key` was not seen before; it is kept from now on.
    bool insert(std::string_view key) {
        auto [at, added] = m_keys.insert(key);
        // The set now holds the caller's view: point it at a kept copy instead (same text, so the same hash and
        // place; the element is const only to stop such changes).
        if (added) const_cast<std::string_view&>(*at) = m_texts.keep(key);
        return added;
    }
    std::size_t size() const { return m_keys.size(); }
    // A buffer for making a key, reused from message to message.
    std::string& key_buffer() { return m_key; }

private:
    TextArena m_texts;
    std::unordered_set<std::string_view, StringHash, std::equal_to<>> m_keys;
    std::string m_key;
};

// Converts every message of `messages` (the array in `bytes` at `array_start`), skipping any whose
// (channel, ts) is already in `seen`, and adding the rest to it. Thread replies nested under
// `slackdump_thread_replies` are converted too. Elements that are not objects are `slack.bad-message`.
void convert_messages(json::Array messages, std::string_view bytes, std::size_t array_start, const Origin& origin,
                      const ChannelRef& channel, const MessageConverter& converter, SeenMessages& seen,
                      Diagnostics& diags, std::vector<Event>& out);

// Parses one day file (`bytes` from `origin`) of `channel`. Invalid JSON is a `slack.bad-json` error at
// the first bad byte; when the array still frames into elements, each bad element is its own error and the
// others are read. Anything but an array is `slack.bad-day-file`.
void parse_slack_day(std::string_view bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                     std::vector<Event>& out);
// The same, reusing `parser`'s buffers across files.
void parse_slack_day(std::string_view bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                     std::vector<Event>& out, json::DomParser& parser);
// The same for a file as a tree's reader leaves it (room for the parser after its bytes): parsed in place.
void parse_slack_day(const std::string& bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                     std::vector<Event>& out, json::DomParser& parser);

}  // namespace retro::ingest::slack
