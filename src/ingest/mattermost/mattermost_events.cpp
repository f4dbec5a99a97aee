// Mattermost posts to events, once every line is read: authors named from the `user` and `bot` lines,
// channels from the `channel` lines, direct channels from their members (docs/sources/mattermost.md).
// The export holds no post ids, so an event's id is where and when the post was written:
// `mattermost:<team>/<channel>/<username>/<create_at ms>`, or `mattermost:@<members, sorted, comma-joined>/…`
// for a direct post; the importer itself tells posts apart by channel and create_at the same way.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/mattermost/mattermost_export.hpp"

namespace retro::ingest::mattermost {

namespace {

constexpr std::string_view kind = "mattermost";

// A post's `type` (server model/post.go): joins, leaves, adds and removals are membership; header,
// purpose and display-name changes are topic; any other `system_*` is other; the rest (plugins' `custom_*`,
// `slack_attachment`) is what someone posted.
SystemMessage system_of_type(std::string_view type) {
    if (!type.starts_with("system_")) return SystemMessage::none;
    const std::string_view what = type.substr(7);
    for (std::string_view membership : {"join", "leave", "add_to", "remove_from", "add_guest"})
        if (what.find(membership) != std::string_view::npos) return SystemMessage::membership;
    if (what == "header_change" || what == "purpose_change" || what == "displayname_change") return SystemMessage::topic;
    return SystemMessage::other;
}

// Exports written before posts carried `type` hold the server's English join texts as plain posts
// ("ron joined the channel."): read as membership only when the text names the poster as Mattermost does.
SystemMessage system_of_text(std::string_view message, std::string_view user) {
    if (user.empty()) return SystemMessage::none;
    message = trim(message);
    for (std::string_view said : {" joined the channel.", " left the channel.", " joined the team.", " left the team."})
        if (message.size() == user.size() + said.size() && message.starts_with(user) && message.ends_with(said))
            return SystemMessage::membership;
    for (std::string_view said : {" added to the channel by ", " added to the team by "}) {
        const std::size_t at = message.find(said);
        if (at != std::string_view::npos && at > 0 && message.substr(at + said.size()) == fmt::format("{}.", user))
            return SystemMessage::membership;
    }
    return SystemMessage::none;
}

bool is_name_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == '_';
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string_view base_name(std::string_view path) {
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Where a post was written: its id part, its channel's name, and whether it is private.
struct Place {
    std::string key;   // `gryffindor/dumbledores-army`, `@harry,ron`
    std::string name;  // the channel as shown
    bool is_private = false;
};

class EventMaker {
public:
    EventMaker(const IngestContext& context, std::string_view origin,
               const std::map<std::string, User, std::less<>>& users,
               const std::map<std::string, std::string, std::less<>>& teams, const std::vector<Channel>& channels)
        : m_context(context), m_origin(origin), m_users(users), m_teams(teams), m_channels(channels) {
        std::map<std::string_view, std::set<std::string_view>> teams_of_name;
        for (const Channel& c : channels) teams_of_name[shown(c)].insert(c.team);
        for (const auto& [name, in_teams] : teams_of_name)
            if (in_teams.size() > 1) m_shared_names.insert(std::string(name));
    }

    Place place_of(const Thread& t) {
        if (t.direct) {
            std::vector<std::string> names;
            for (const std::string& member : t.members) names.push_back(actor_of(member).name.str());
            std::sort(names.begin(), names.end());
            return Place{"@" + joined(t.members, ","), joined(names, ", "), true};
        }
        const Channel* found = nullptr;
        for (const Channel& c : m_channels)
            if (c.name == t.channel && c.team == t.team) found = &c;
        if (!found) {
            // The post's team may be wrong (an export edited by hand): a channel of that name in exactly one
            // other team is the one meant.
            const Channel* only = nullptr;
            std::size_t count = 0;
            for (const Channel& c : m_channels)
                if (c.name == t.channel) only = &c, ++count;
            if (count == 1) {
                found = only;
                m_context.diags.warning("mattermost.channel-team", t.channel_at,
                                        fmt::format("post names team `{}` but channel `{}` is in team `{}`; read "
                                                    "in that channel",
                                                    t.team, t.channel, found->team));
            }
        }
        if (!found) return Place{fmt::format("{}/{}", t.team, t.channel), t.channel, false};
        std::string name(shown(*found));
        if (m_shared_names.contains(name)) {
            auto team = m_teams.find(found->team);
            const std::string& team_name = team != m_teams.end() && !team->second.empty() ? team->second : found->team;
            name = fmt::format("{} / {}", team_name, name);
        }
        return Place{fmt::format("{}/{}", found->team, found->name), std::move(name), found->is_private};
    }

    // Is the place read: private places only with --include-private, and only those --channel names.
    bool selected(const Thread& t, const Place& place) const {
        const IngestOptions& options = m_context.options;
        if (place.is_private && !options.include_private) return false;
        if (options.channel_globs.empty()) return true;
        for (std::string_view glob : options.channel_globs) {
            if (glob.starts_with('#')) glob.remove_prefix(1);
            if (glob_match(glob, place.name) || glob_match(glob, t.direct ? place.key : t.channel)) return true;
        }
        return false;
    }

    Event make(const Message& m, const Place& place, std::uint64_t line) {
        Event e;
        e.id = fmt::format("mattermost:{}/{}/{}", place.key, m.user, m.time_raw);
        e.time = m.time;
        e.time_raw = m.time_raw;
        e.kind = EventKind::message;
        e.source.kind = std::string(kind);
        e.source.medium = Medium::chat;
        e.source.origin = std::string(m_origin);
        e.source.line = line;
        e.channel = place.name;
        e.actor = actor_of(m.user);
        const auto user = m_users.find(m.user);
        e.flags.bot = m.from_webhook || (user != m_users.end() && user->second.is_bot);
        if (m.from_webhook && !m.override_username.empty()) {
            e.actor.name = m.override_username;
            e.actor.initials = initials_of(m.override_username);
        }
        e.flags.edited = m.edited;
        e.flags.pinned = m.pinned;
        e.flags.reactions = m.reactions;
        e.flags.system = m.type.empty() ? system_of_text(m.message, m.user) : system_of_type(m.type);
        e.text = m.message;
        add_mentions(e.text, e.spans);
        auto break_line = [&e] {
            if (!e.text.empty() && e.text.back() != '\n') e.text += '\n';
        };
        for (const std::string& said : m.props_text) {
            break_line();
            e.text += said;
        }
        for (const std::string& path : m.attachments) {
            // `file: NAME`, the name an attachment span; the export's path opens nothing outside it, so no url.
            break_line();
            e.text += "file: ";
            const std::size_t start = e.text.size();
            e.text += base_name(path);
            e.spans.push_back(Span{start, e.text.size(), SpanType::attachment, {}});
        }
        return e;
    }

private:
    static std::string_view shown(const Channel& c) { return c.display_name.empty() ? c.name : c.display_name; }

    // The person behind a username: first and last name, else nickname (a bot's display name), else the
    // username; `[people]` (by username, e-mail or name) overrides as it does for Slack.
    Actor actor_of(const std::string& username) {
        if (auto it = m_actors.find(username); it != m_actors.end()) return it->second;
        Actor a;
        a.id = username;
        std::string full;
        if (auto it = m_users.find(username); it != m_users.end()) {
            const User& u = it->second;
            full = std::string(trim(fmt::format("{} {}", u.first_name, u.last_name)));
            a.name = !full.empty() ? full : !u.nickname.empty() ? u.nickname : u.display_name;
            a.email = u.email;
        }
        if (a.name.empty()) a.name = username;
        a.initials = initials_of(a.name);
        const People& people = m_context.options.people;
        std::optional<Person> person = people.find(username);
        if (!person && !a.email.empty()) person = people.find(a.email);
        if (!person && !a.name.empty()) person = people.find(a.name);
        if (person) {
            if (!person->name.empty()) a.name = person->name;
            a.initials = !person->initials.empty() ? person->initials : initials_of(a.name);
        }
        return m_actors.emplace(username, a).first->second;
    }

    // `@username` of a known user or bot, and `@channel`, `@here`, `@all`, as mention spans. A name ends at
    // the first byte a username cannot hold; trailing `.`, `-`, `_` are let go when the name is not known
    // ("ask @ron." mentions ron).
    void add_mentions(const std::string& text, std::vector<Span>& spans) const {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] != '@' || (i > 0 && is_name_byte(text[i - 1]))) continue;
            std::size_t end = i + 1;
            while (end < text.size() && is_name_byte(text[end])) ++end;
            while (end > i + 1) {
                const std::string name = to_lower_ascii(std::string_view(text).substr(i + 1, end - i - 1));
                if (m_users.contains(name) || name == "channel" || name == "here" || name == "all") {
                    spans.push_back(Span{i, end, SpanType::mention, {}});
                    break;
                }
                const char last = text[end - 1];
                if (last != '.' && last != '-' && last != '_') break;
                --end;
            }
            i = end > i ? end - 1 : i;
        }
    }

    const IngestContext& m_context;
    std::string_view m_origin;
    const std::map<std::string, User, std::less<>>& m_users;
    const std::map<std::string, std::string, std::less<>>& m_teams;
    const std::vector<Channel>& m_channels;
    std::set<std::string, std::less<>> m_shared_names;
    std::map<std::string, Actor, std::less<>> m_actors;
};

}  // namespace

void ExportReader::finish() {
    EventMaker maker(m_context, m_name, m_users, m_teams, m_channels);
    std::set<std::string, std::less<>> skipped_private;
    for (const Thread& t : m_threads) {
        const Place place = maker.place_of(t);
        if (!maker.selected(t, place)) {
            if (place.is_private && !m_context.options.include_private) skipped_private.insert(place.key);
            continue;
        }
        Event root = maker.make(t.root, place, t.line);
        // A post with replies and its replies share a thread: the post's id. A reply keeps its own time,
        // even one written before its post.
        if (!t.replies.empty()) root.thread = root.id;
        for (const Message& reply : t.replies) {
            Event e = maker.make(reply, place, t.line);
            e.thread = root.id;
            m_context.sink.add(std::move(e));
        }
        m_context.sink.add(std::move(root));
    }
    if (!skipped_private.empty()) {
        const std::size_t n = skipped_private.size();
        m_context.diags.note("mattermost.private-skipped", Location{m_name, 0, 0},
                             fmt::format("{} private channel{} or direct message{} left out; --include-private "
                                         "reads them",
                                         n, n == 1 ? "" : "s", n == 1 ? "" : "s"));
    }
    m_threads.clear();
}

}  // namespace retro::ingest::mattermost
