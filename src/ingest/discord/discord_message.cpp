// One DiscordChatExporter message to a chat event: the author by nickname, the content with its mentions as
// spans, files and stickers as attachment lines, a bot's embeds when it wrote nothing else, the platform's
// own messages (joins, pins, renames…) flagged as system, and the message's permalink.
#include <algorithm>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/discord/discord_export.hpp"

namespace retro::ingest::discord {

namespace {

// DiscordChatExporter writes Discord's message type by name (its MessageKind); a kind it has no name for
// comes as the number. What each is, and what to say when the message holds no text of its own.
struct MessageType {
    std::string_view name;
    std::string_view number;
    SystemMessage system;
    std::string_view said;
};

constexpr MessageType message_types[] = {
    {"Default", "0", SystemMessage::none, ""},
    {"RecipientAdd", "1", SystemMessage::membership, "added someone to the group"},
    {"RecipientRemove", "2", SystemMessage::membership, "removed someone from the group"},
    {"Call", "3", SystemMessage::other, "started a call"},
    {"ChannelNameChange", "4", SystemMessage::topic, "changed the channel name"},
    {"ChannelIconChange", "5", SystemMessage::other, "changed the channel icon"},
    {"ChannelPinnedMessage", "6", SystemMessage::other, "pinned a message"},
    {"GuildMemberJoin", "7", SystemMessage::membership, "joined the server"},
    {"UserJoin", "7", SystemMessage::membership, "joined the server"},
    {"GuildBoost", "8", SystemMessage::other, "boosted the server"},
    {"GuildBoostTier1", "9", SystemMessage::other, "boosted the server"},
    {"GuildBoostTier2", "10", SystemMessage::other, "boosted the server"},
    {"GuildBoostTier3", "11", SystemMessage::other, "boosted the server"},
    {"ChannelFollowAdd", "12", SystemMessage::other, "followed a channel"},
    {"ThreadCreated", "18", SystemMessage::other, "started a thread"},
    {"Reply", "19", SystemMessage::none, ""},
    {"ChatInputCommand", "20", SystemMessage::none, ""},
    {"ThreadStarterMessage", "21", SystemMessage::other, "started a thread from a message"},
    {"GuildInviteReminder", "22", SystemMessage::other, "invite reminder"},
    {"ContextMenuCommand", "23", SystemMessage::none, ""},
    {"AutoModerationAction", "24", SystemMessage::other, "AutoMod acted on a message"},
    {"ChannelTopicChange", "", SystemMessage::topic, "changed the channel topic"},
};

const MessageType* find_type(std::string_view type) {
    for (const MessageType& t : message_types)
        if (t.name == type || (!t.number.empty() && t.number == type)) return &t;
    return nullptr;
}

std::string text_of(std::string_view s) {
    return alerts::clean_text(std::string(s));
}

std::string_view str(json::Element e, std::string_view key) {
    return json::string_member(e, key).value_or("");
}

std::string https_or_empty(std::string_view url) {
    url = trim(url);
    return url.starts_with("https://") ? text_of(url) : std::string();
}

std::string_view base_name(std::string_view path) {
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void break_line(std::string& text) {
    if (!text.empty() && text.back() != '\n') text += '\n';
}

// `LABEL: NAME` on a line of its own, NAME an attachment span carrying `url` when it is https (Discord's CDN;
// an export's local copy, `….json_Files\x.png`, opens nothing elsewhere).
void append_file(Event& e, std::string_view label, std::string_view name, std::string_view url) {
    name = trim(name);
    if (name.empty()) return;
    break_line(e.text);
    e.text += fmt::format("{}: ", label);
    const std::size_t start = e.text.size();
    e.text += text_of(name);
    e.spans.push_back(Span{start, e.text.size(), SpanType::attachment, https_or_empty(url)});
}

// A bot's embeds (an alert posted by a webhook): title (a link when it has a url), description, then
// `name: value` per field.
void append_embeds(Event& e, json::Array embeds) {
    for (json::Element embed : embeds) {
        if (const std::string_view title = trim(str(embed, "title")); !title.empty()) {
            break_line(e.text);
            const std::size_t start = e.text.size();
            e.text += text_of(title);
            if (std::string url = https_or_empty(str(embed, "url")); !url.empty())
                e.spans.push_back(Span{start, e.text.size(), SpanType::link, std::move(url)});
        }
        if (const std::string_view description = trim(str(embed, "description")); !description.empty()) {
            break_line(e.text);
            e.text += text_of(description);
        }
        if (auto fields = json::array_member(embed, "fields")) {
            for (json::Element field : *fields) {
                const std::string_view name = trim(str(field, "name")), value = trim(str(field, "value"));
                if (name.empty() && value.empty()) continue;
                break_line(e.text);
                e.text += name.empty()    ? text_of(value)
                          : value.empty() ? text_of(name)
                                          : fmt::format("{}: {}", text_of(name), text_of(value));
            }
        }
    }
}

bool overlaps(const std::vector<Span>& spans, std::size_t start, std::size_t end) {
    for (const Span& s : spans)
        if (start < s.end && s.start < end) return true;
    return false;
}

// DiscordChatExporter writes a mention into the content as `@nickname` (or `@name`): each such place
// becomes a mention span.
void add_mentions(Event& e, std::size_t content_end, json::Array mentions) {
    for (json::Element mention : mentions) {
        for (std::string_view key : {"nickname", "name"}) {
            const std::string_view name = str(mention, key);
            if (name.empty()) continue;
            const std::string written = fmt::format("@{}", name);
            for (std::size_t at = e.text.find(written); at != std::string::npos && at + written.size() <= content_end;
                 at = e.text.find(written, at + 1)) {
                if (!overlaps(e.spans, at, at + written.size()))
                    e.spans.push_back(Span{at, at + written.size(), SpanType::mention, {}});
            }
        }
    }
}

Actor actor_of(json::Element author, const People& people) {
    Actor a;
    a.id = text_of(json::scalar_member_text(author, "id").value_or(""));
    const std::string_view nickname = trim(str(author, "nickname")), name = trim(str(author, "name"));
    a.name = text_of(!nickname.empty() ? nickname : name);
    a.initials = initials_of(a.name);
    std::optional<Person> person = a.id.empty() ? std::nullopt : people.find(a.id);
    if (!person && !a.name.empty()) person = people.find(a.name);
    if (!person && !name.empty()) person = people.find(name);
    if (person) {
        if (!person->name.empty()) a.name = person->name;
        a.initials = !person->initials.empty() ? person->initials : initials_of(a.name);
    }
    return a;
}

}  // namespace

std::optional<Event> read_message(alerts::FieldReader& r, json::Element m, std::string_view path,
                                  std::uint64_t line, const ExportChannel& channel, std::string thread,
                                  const People& people) {
    const std::string id = text_of(r.scalar(m, path, "id"));
    const std::string type = r.scalar(m, path, "type");
    std::string time_raw;
    const auto time = r.iso_time(m, path, "timestamp", &time_raw);
    const std::string_view content = r.string(m, path, "content");
    const auto author = r.object(m, path, "author");
    if (r.failed()) return std::nullopt;
    if (id.empty()) {
        r.report(Severity::error, "bad-message", path, "message has no `id`; left out");
        return std::nullopt;
    }
    if (!time) {
        r.report(Severity::warning, "no-time", path, "message has no `timestamp`; left out");
        return std::nullopt;
    }

    Event e;
    e.id = fmt::format("discord:{}/{}", channel.id, id);
    e.time = *time;
    e.time_raw = std::move(time_raw);
    e.kind = EventKind::message;
    e.source.kind = "discord";
    e.source.medium = Medium::chat;
    e.source.origin = r.text().origin().name;
    e.source.line = line;
    e.channel = channel.name;
    e.thread = std::move(thread);
    if (author) {
        e.actor = actor_of(*author, people);
        e.flags.bot = json::bool_member(*author, "isBot").value_or(false);
    }
    const MessageType* known = find_type(type);
    e.flags.system = known ? known->system : SystemMessage::none;
    e.flags.edited = json::string_member(m, "timestampEdited").has_value();
    e.flags.pinned = json::bool_member(m, "isPinned").value_or(false);
    if (auto reactions = json::array_member(m, "reactions"))
        for (json::Element reaction : *reactions)
            if (auto emoji = json::member(reaction, "emoji"))
                if (const std::string name = text_of(trim(str(*emoji, "name")));
                    !name.empty() && std::find(e.flags.reactions.begin(), e.flags.reactions.end(), name) ==
                                         e.flags.reactions.end())
                    e.flags.reactions.push_back(name);

    e.text = text_of(content);
    if (auto mentions = json::array_member(m, "mentions")) add_mentions(e, e.text.size(), *mentions);
    if (auto embeds = json::array_member(m, "embeds"); embeds && trim(e.text).empty()) append_embeds(e, *embeds);
    if (auto attachments = json::array_member(m, "attachments")) {
        for (json::Element file : *attachments) {
            std::string_view name = str(file, "fileName");
            if (trim(name).empty()) name = base_name(str(file, "url"));
            append_file(e, "file", name, str(file, "url"));
        }
    }
    if (auto stickers = json::array_member(m, "stickers"))
        for (json::Element sticker : *stickers) append_file(e, "sticker", str(sticker, "name"), str(sticker, "sourceUrl"));
    if (trim(e.text).empty() && known && !known->said.empty()) e.text = std::string(known->said);

    const std::string_view guild =
        channel.guild_id.empty() || channel.guild_id == "0" ? std::string_view("@me") : std::string_view(channel.guild_id);
    e.links.push_back(fmt::format("https://discord.com/channels/{}/{}/{}", guild, channel.id, id));
    return e;
}

}  // namespace retro::ingest::discord
