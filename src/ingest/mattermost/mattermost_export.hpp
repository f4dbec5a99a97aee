// Mattermost's bulk export (`mmctl export create`, docs.mattermost.com "Bulk loading data format"): JSONL,
// one object a line, `{"type": T, T: {…}}` with T one of version, scheme, emoji, role, team, channel, user,
// bot, post, direct_channel, direct_post. Every post, reply and direct post is one chat event
// (docs/sources/mattermost.md). The format says users and channels come before posts, but names are
// resolved only once every line is read, so an export in any order reads the same.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_dom.hpp"
#include "ingest/alerts/alert_context.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::mattermost {

// A person or bot, by username.
struct User {
    std::string first_name, last_name, nickname, email;
    std::string display_name;  // bots: their `display_name`
    bool is_bot = false;
};

struct Channel {
    std::string team, name, display_name;
    bool is_private = false;  // type `P`
};

// One message: a post, one of its replies, or a direct post.
struct Message {
    std::string user;
    std::string message;
    std::string type;  // `system_join_channel`…; empty for what a person wrote
    Instant time{};
    std::string time_raw;  // create_at as written (milliseconds)
    bool edited = false, pinned = false, from_webhook = false;
    std::string override_username;        // props.override_username of a webhook post
    std::vector<std::string> reactions;   // emoji names, each once, in order
    std::vector<std::string> attachments; // file paths inside the export
    std::vector<std::string> props_text;  // lines of a bot's message attachments (props.attachments)
};

// A post (or direct post) with its replies, as one line held it.
struct Thread {
    std::string team, channel;          // a channel post
    std::vector<std::string> members;   // a direct post: the channel's usernames
    bool direct = false;
    std::uint64_t line = 0;
    Location channel_at;  // where the post names its channel
    Message root;
    std::vector<Message> replies;
};

// Reads the lines of one export, then, at finish(), gives the events of every post read.
class ExportReader {
public:
    ExportReader(const IngestContext& context, std::string name);
    ExportReader(const ExportReader&) = delete;
    ExportReader& operator=(const ExportReader&) = delete;

    // One line, without its ending, starting at `origin`. Blank lines are skipped; a damaged line is an
    // error `mattermost.*` at its line and is left out, the rest read on.
    void read_line(std::string_view line, const Origin& origin);
    // Sends the events to the context's sink, every name resolved against every user and channel read.
    void finish();

private:
    bool read_message(alerts::FieldReader& r, json::Element object, std::string_view path, Message& out);
    void read_thread(alerts::FieldReader& r, json::Element object, std::string_view path, bool direct,
                     const Origin& origin, std::string_view line);

    const IngestContext& m_context;
    std::string m_name;
    std::map<std::string, User, std::less<>> m_users;
    std::map<std::string, std::string, std::less<>> m_teams;  // name → display name
    std::vector<Channel> m_channels;
    std::vector<Thread> m_threads;
    json::DomParser m_parser;
    alerts::EmbeddedParsers m_parsers;
};

}  // namespace retro::ingest::mattermost
