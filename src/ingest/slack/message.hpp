// One Slack message object (input-formats.md §1.3–1.7) to retro events (DESIGN.md "What becomes an event").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/json_dom.hpp"
#include "core/recent_texts.hpp"
#include "core/string_hash.hpp"
#include "ingest/slack/directory.hpp"
#include "ingest/slack/rich_text.hpp"
#include "retro/diagnostic.hpp"
#include "retro/event.hpp"
#include "retro/people.hpp"

namespace retro::ingest::slack {

struct ChannelRef {
    std::string id;
    std::string name;  // "" for a DM
};

struct MessageFields;  // message.cpp: the fields of one message object

// Converts message objects; holds what every message of one input shares.
class MessageConverter {
public:
    // `source_kind` is `slack`, `slack-api` or `slackdump`; `channel_names` maps channel ids to names for
    // `<#C…>` mentions (may be empty).
    MessageConverter(const Directory& directory, const People& people, std::string source_kind,
                     std::map<std::string, std::string, std::less<>> channel_names = {});
    MessageConverter(const MessageConverter&) = delete;
    MessageConverter& operator=(const MessageConverter&) = delete;

    // The permalink workspace; empty: no links.
    void set_workspace(std::string workspace) { m_workspace = std::move(workspace); }
    const std::string& workspace() const { return m_workspace; }

    // Appends the events of `message` (whose JSON text is `record`, starting at `origin`) to `out`:
    // one event, or one per alert when a bot post's attachments show several (ids `#1`, `#2`…, `record`
    // set). A missing or malformed ts is a `slack.bad-ts` error at the ts and yields nothing; a
    // `message_deleted` event yields nothing; `message_changed` and `message_replied` yield the message inside.
    void convert(json::Element message, const ChannelRef& channel, std::string_view record, const Origin& origin,
                 Diagnostics& diags, std::vector<Event>& out) const;

    // What a message is de-duplicated on within a channel (the inner message's for `message_changed`): its
    // `ts`, `user` and `text`, so that only a message listed twice is read once; two different messages
    // with one ts are both read (then the collector's id rule keeps both, ingest/id_collisions.hpp).
    static std::string dedupe_key(json::Element message);
    // The same, appended to `key`.
    static void append_dedupe_key(json::Element message, std::string& key);

private:
    RichText render_text(const MessageFields& fields) const;
    Actor actor_of(std::string_view user, std::optional<json::Element> profile) const;

    const Directory& m_directory;
    const People& m_people;
    PackedText m_kind;  // shared by its events
    std::map<std::string, std::string, std::less<>> m_channel_names;
    NameLookup m_names;
    std::string m_workspace;
    mutable std::unordered_map<std::string, Actor, StringHash, std::equal_to<>> m_actors;
    mutable RecentTexts<1> m_origins;   // the file being read, shared by its events
    mutable RecentTexts<1> m_channels;  // its channel, likewise
};

}  // namespace retro::ingest::slack
