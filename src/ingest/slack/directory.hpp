// Slack export metadata (input-formats.md §1.2): users.json / org_users.json for names, and
// channels.json, groups.json, dms.json, mpims.json for the conversations and their folders.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/json_dom.hpp"
#include "core/string_hash.hpp"
#include "retro/diagnostic.hpp"
#include "retro/event.hpp"
#include "retro/people.hpp"

namespace retro::ingest::slack {

struct User {
    std::string handle;        // `name`
    std::string real_name;     // profile.real_name, else real_name
    std::string display_name;  // profile.display_name
    std::string email;
    bool is_bot = false;
};

enum class ConversationType { channel, private_channel, dm, group_dm };

struct Conversation {
    std::string id;
    std::string name;    // channel name; a DM has none
    std::string folder;  // the export folder: the name, or the id for a DM
    ConversationType type = ConversationType::channel;
    bool is_private() const { return type != ConversationType::channel; }
};

// Who is who: users by id, used to name actors and mentions.
class Directory {
public:
    void add_user(std::string id, User user);
    const User* find_user(std::string_view id) const;
    bool has_users() const { return !m_users.empty(); }

    // The display name of a user: display name, else real name, else handle; std::nullopt when unknown.
    std::optional<std::string> display_name(std::string_view id) const;

    // The actor for a user id: `[people]` overrides (id, then e-mail, then name) win; else the names above,
    // initials from the real name. `profile` (the message's own user_profile) stands in for unknown users.
    Actor actor(std::string_view id, const People& people, std::optional<json::Element> profile = {}) const;

private:
    std::unordered_map<std::string, User, StringHash, std::equal_to<>> m_users;  // looked up for every message
};

// Reads users.json into `directory`. Damage is a `slack.bad-users` diagnostic; returns false then.
bool read_users(std::string_view bytes, const Origin& origin, Diagnostics& diags, Directory& directory);

// Reads channels.json / groups.json / mpims.json / dms.json (all arrays of conversations) as `type`.
// Damage is a `slack.bad-metadata` diagnostic.
bool read_conversations(std::string_view bytes, const Origin& origin, ConversationType type, Diagnostics& diags,
                        std::vector<Conversation>& out);

// A User from a users.json entry or a message's `user_profile`.
User user_from_json(json::Element e);

}  // namespace retro::ingest::slack
