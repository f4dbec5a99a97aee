// Slack export metadata files (input-formats.md §1.2). Name resolution: profile.display_name, else
// profile.real_name, else name; initials from the real name ("Rachel Cooper" → RC).
#include "ingest/slack/directory.hpp"

#include "core/text_utf8.hpp"

namespace retro::ingest::slack {

namespace {

std::string text_of(std::optional<std::string_view> s) { return s ? repair_utf8(trim(*s)) : std::string(); }

}  // namespace

User user_from_json(json::Element e) {
    User u;
    u.handle = text_of(json::string_member(e, "name"));
    u.real_name = text_of(json::string_member(e, "real_name"));
    u.is_bot = json::bool_member(e, "is_bot").value_or(false);
    if (auto profile = json::member(e, "profile")) {
        if (auto v = text_of(json::string_member(*profile, "real_name")); !v.empty()) u.real_name = v;
        u.display_name = text_of(json::string_member(*profile, "display_name"));
        u.email = text_of(json::string_member(*profile, "email"));
    } else {
        // A message's user_profile carries the names at its top level.
        u.display_name = text_of(json::string_member(e, "display_name"));
    }
    return u;
}

void Directory::add_user(std::string id, User user) { m_users.insert_or_assign(std::move(id), std::move(user)); }

const User* Directory::find_user(std::string_view id) const {
    auto it = m_users.find(id);
    return it == m_users.end() ? nullptr : &it->second;
}

namespace {

std::string name_of(const User& u) {
    if (!u.display_name.empty()) return u.display_name;
    if (!u.real_name.empty()) return u.real_name;
    return u.handle;
}

}  // namespace

std::optional<std::string> Directory::display_name(std::string_view id) const {
    if (const User* u = find_user(id)) {
        if (auto n = name_of(*u); !n.empty()) return n;
    }
    return std::nullopt;
}

Actor Directory::actor(std::string_view id, const People& people, std::optional<json::Element> profile) const {
    Actor a;
    a.id = std::string(id);
    User fallback;
    const User* u = find_user(id);
    if (!u && profile) {
        fallback = user_from_json(*profile);
        u = &fallback;
    }
    if (u) {
        a.name = name_of(*u);
        a.email = u->email;
        a.initials = initials_of(!u->real_name.empty() ? u->real_name : a.name);
    }
    std::optional<Person> person = people.find(id);
    if (!person && !a.email.empty()) person = people.find(a.email);
    if (!person && !a.name.empty()) person = people.find(a.name);
    if (!person && u && !u->real_name.empty()) person = people.find(u->real_name);
    if (person) {
        if (!person->name.empty()) a.name = person->name;
        a.initials = !person->initials.empty() ? person->initials : initials_of(a.name);
    }
    return a;
}

bool read_users(std::string_view bytes, const Origin& origin, Diagnostics& diags, Directory& directory) {
    json::DomParser parser;
    auto doc = parser.parse(bytes, origin, diags, "slack.bad-users");
    if (!doc) return false;
    simdjson::dom::array users;
    if (doc->get_array().get(users)) {
        diags.error("slack.bad-users", locate(origin, bytes, 0), "users file is not a JSON array of users");
        return false;
    }
    for (json::Element e : users) {
        auto id = json::string_member(e, "id");
        if (!id || id->empty()) continue;
        directory.add_user(std::string(*id), user_from_json(e));
    }
    return true;
}

bool read_conversations(std::string_view bytes, const Origin& origin, ConversationType type,
                        Diagnostics& diags, std::vector<Conversation>& out) {
    json::DomParser parser;
    auto doc = parser.parse(bytes, origin, diags, "slack.bad-metadata");
    if (!doc) return false;
    simdjson::dom::array list;
    if (doc->get_array().get(list)) {
        diags.error("slack.bad-metadata", locate(origin, bytes, 0), "conversation list is not a JSON array");
        return false;
    }
    for (json::Element e : list) {
        Conversation c;
        c.id = text_of(json::string_member(e, "id"));
        if (c.id.empty()) continue;
        c.name = text_of(json::string_member(e, "name"));
        c.type = type;
        // A private channel listed in channels.json (newer exports mark it) stays private.
        if (type == ConversationType::channel && json::bool_member(e, "is_private").value_or(false))
            c.type = ConversationType::private_channel;
        if (type == ConversationType::channel && json::bool_member(e, "is_mpim").value_or(false))
            c.type = ConversationType::group_dm;
        c.folder = type == ConversationType::dm || c.name.empty() ? c.id : c.name;
        out.push_back(std::move(c));
    }
    return true;
}

}  // namespace retro::ingest::slack
