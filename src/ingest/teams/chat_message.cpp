// chatMessage → events (chat_message.hpp; docs/sources/teams.md). Field names are read in any case, so the
// Graph API's `createdDateTime` and the Teams data export's `CreatedDateTime` are one reader.
#include "ingest/teams/chat_message.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/alerts/alert_context.hpp"
#include "ingest/alerts/json_locate.hpp"
#include "ingest/slack/day_file.hpp"
#include "ingest/teams/graph_fields.hpp"
#include "ingest/teams/html_text.hpp"

namespace retro::ingest::teams {
namespace {

constexpr std::string_view kind = "teams";

void learn_identity(std::optional<json::Element> set, NameBook& names) {
    if (!set) return;
    for (std::string_view who : {"user", "application"}) {
        auto identity = object_field(*set, who);
        if (!identity) continue;
        const std::string id = scalar_field(*identity, "id");
        const std::string_view name = trim(string_field(*identity, "displayName"));
        if (!id.empty() && !name.empty()) names.emplace(id, std::string(name));
    }
}

// A channel added or renamed names it: `channelId` and `channelDisplayName`, in Graph's detail itself or in
// the export's member for the kind.
void learn_channel_name(json::Element detail, MessageBook& book) {
    auto learn = [&](json::Element fields) {
        const std::string id(string_field(fields, "channelId"));
        const std::string_view name = trim(string_field(fields, "channelDisplayName"));
        if (!id.empty() && !name.empty()) book.channel_names.insert_or_assign(id, std::string(name));
    };
    learn(detail);
    json::Object object;
    if (detail.get(object)) return;
    for (auto member : object)
        if (member.value.is_object()) learn(member.value);
}

// The people a system event names (`members`), in Graph's detail or the export's member for the kind.
void learn_members(json::Element detail, NameBook& names) {
    auto learn = [&](json::Element fields) {
        if (auto members = array_field(fields, "members"))
            for (json::Element m : *members) {
                const std::string id = scalar_field(m, "id");
                const std::string_view name = trim(string_field(m, "displayName"));
                if (!id.empty() && !name.empty()) names.emplace(id, std::string(name));
            }
    };
    learn(detail);
    json::Object object;
    if (detail.get(object)) return;
    for (auto member : object)
        if (member.value.is_object()) learn(member.value);
}

// A person's or bot's actor from an identity set (`from`, an eventDetail's `initiator`): its user, else its
// application (a bot). The name is the set's own, else the one the input gives the id elsewhere; `[people]`
// has the last word.
Actor actor_of(json::Element set, const MessageBook& book, const People& people, bool& bot) {
    Actor actor;
    auto identity = object_field(set, "user");
    if (!identity) {
        identity = object_field(set, "application");
        bot = identity.has_value();
    }
    if (!identity) return actor;
    actor.id = scalar_field(*identity, "id");
    actor.name = std::string(trim(string_field(*identity, "displayName")));
    if (actor.name.empty())
        if (auto known = book.names.find(actor.id); known != book.names.end()) actor.name = known->second;
    std::optional<Person> person = actor.id.empty() ? std::nullopt : people.find(actor.id);
    if (!person && !actor.name.empty()) person = people.find(actor.name);
    if (person && !person->name.empty()) actor.name = person->name;
    actor.initials = person && !person->initials.empty() ? person->initials : initials_of(actor.name);
    return actor;
}

// Edited: Graph sets lastEditedDateTime. The export's MessageHistory lists reactions added and removed,
// which are no edit; any other action there is.
bool is_edited(json::Element message) {
    if (!string_field(message, "lastEditedDateTime").empty()) return true;
    auto history = array_field(message, "messageHistory");
    if (!history) return false;
    for (json::Element item : *history) {
        std::string_view actions = string_field(item, "actions");
        while (!actions.empty()) {
            const std::size_t comma = actions.find(',');
            const std::string_view action = trim(actions.substr(0, comma));
            if (!action.empty() && !iequals_ascii(action, "reactionAdded") && !iequals_ascii(action, "reactionRemoved"))
                return true;
            actions = comma == std::string_view::npos ? std::string_view() : actions.substr(comma + 1);
        }
    }
    return false;
}

// Each reaction type once, in the order first given (Graph lists one reaction per person).
std::vector<std::string> reactions_of(json::Element message) {
    std::vector<std::string> out;
    if (auto reactions = array_field(message, "reactions"))
        for (json::Element r : *reactions) {
            const std::string type(trim(string_field(r, "reactionType")));
            if (!type.empty() && std::find(out.begin(), out.end(), type) == out.end()) out.push_back(type);
        }
    return out;
}

// The files a message carries: those with a name or a URL (cards and quoted messages have neither).
std::vector<FileRef> files_of(json::Element message) {
    std::vector<FileRef> files;
    auto attachments = array_field(message, "attachments");
    if (!attachments) return files;
    for (json::Element a : *attachments) {
        FileRef f{scalar_field(a, "id"), std::string(trim(string_field(a, "name"))), {}};
        const std::string_view url = trim(string_field(a, "contentUrl"));
        if (f.name.empty() && !url.empty()) {
            const std::string_view path = url.substr(0, url.find_first_of("?#"));
            f.name = std::string(path.substr(path.rfind('/') + 1));
        }
        if (url.starts_with("https://")) f.url = std::string(url);
        if (!f.name.empty() || !f.url.empty()) files.push_back(std::move(f));
    }
    return files;
}

std::vector<MentionRef> mentions_of(json::Element message) {
    std::vector<MentionRef> out;
    if (auto mentions = array_field(message, "mentions"))
        for (json::Element m : *mentions)
            out.push_back(MentionRef{scalar_field(m, "id"), std::string(trim(string_field(m, "mentionText")))});
    return out;
}

// The subject (a channel post's title) on a line of its own, then the body, then any file the body does not
// place itself.
BodyText text_of(json::Element message) {
    BodyBuilder out;
    out.text(string_field(message, "subject"));
    out.line_break();
    const std::vector<FileRef> files = files_of(message);
    const std::vector<MentionRef> mentions = mentions_of(message);
    std::vector<std::size_t> used;
    const std::string_view content = string_at(message, ".body.content");
    if (iequals_ascii(string_at(message, ".body.contentType"), "html")) {
        append_html(content, BodyRefs{files, mentions}, out, used);
    } else {
        out.verbatim(trim(content));
    }
    for (std::size_t i = 0; i < files.size(); ++i)
        if (std::find(used.begin(), used.end(), i) == used.end()) out.attachment_line("file", files[i].name, files[i].url);
    return out.take();
}

// The channel a message was posted in: channelIdentity's channel, else the chat, else the file's name.
struct Place {
    std::string key;   // in the id: the channel or chat id
    std::string name;  // the event's channel
};

Place place_of(json::Element message, const MessageBook& book) {
    if (std::string id(string_at(message, ".channelIdentity.channelId")); !id.empty()) {
        const auto named = book.channel_names.find(id);
        std::string name = named != book.channel_names.end() ? named->second : id;
        return Place{std::move(id), std::move(name)};
    }
    if (std::string chat(string_field(message, "chatId")); !chat.empty()) return Place{chat, chat};
    return Place{book.fallback_channel, book.fallback_channel};
}

// Strings from the JSON are valid UTF-8 (the parser checks), but a `\u0000` escape puts a NUL in them, which
// the event's text fields never hold.
template <class Text>  // std::string or PackedText
void scrub(Text& s) {
    const std::string_view text = s;
    if (text.find('\0') != std::string_view::npos) s = alerts::clean_text(std::string(text));
}

void scrub(Event& e) {
    scrub(e.id);
    for (PackedText* s : {&e.channel, &e.actor.id, &e.actor.name, &e.time_raw, &e.actor.initials, &e.thread})
        scrub(*s);
    for (std::string& link : e.links) scrub(link);
    for (std::string& reaction : e.flags.reactions) scrub(reaction);
    for (Span& span : e.spans) scrub(span.url);
    if (e.spans.empty()) scrub(e.text);  // a system message's text; a body's went through BodyBuilder
}

void read_replies(json::Element message, const MessageSite& site, std::string_view id, const MessageBook& book,
                  const IngestOptions& options, Diagnostics& diags, EventSink& sink) {
    auto replies = array_field(message, "replies");
    if (!replies) return;
    const std::string path = fmt::format(".{}", written_key(message, "replies"));
    const std::size_t open = alerts::locate_json_path(site.text, path);
    const std::vector<slack::ValueRange> ranges =
        open < site.text.size() && site.text[open] == '[' ? slack::array_element_ranges(site.text, open)
                                                          : std::vector<slack::ValueRange>{};
    std::size_t i = 0;
    for (json::Element reply : *replies) {
        const slack::ValueRange range = i < ranges.size() ? ranges[i] : slack::ValueRange{0, site.text.size(), 1, 1};
        ++i;
        const MessageSite at{site.text.substr(range.start, range.end - range.start), slack::origin_of(site.origin, range)};
        if (!reply.is_object()) {
            diags.error("teams.bad-message", locate(at.origin, at.text, 0), "reply is not a JSON object");
            sink.drop("teams: not a message");
            continue;
        }
        read_message(reply, at, id, book, options, diags, sink);
    }
}

}  // namespace

void learn_message(json::Element message, MessageBook& book) {
    learn_identity(object_field(message, "from"), book.names);
    if (auto mentions = array_field(message, "mentions"))
        for (json::Element m : *mentions) learn_identity(object_field(m, "mentioned"), book.names);
    if (auto reactions = array_field(message, "reactions"))
        for (json::Element r : *reactions) learn_identity(object_field(r, "user"), book.names);
    if (auto detail = object_field(message, "eventDetail")) {
        learn_channel_name(*detail, book);
        learn_members(*detail, book.names);
    }
    if (auto replies = array_field(message, "replies"))
        for (json::Element reply : *replies) learn_message(reply, book);
}

void read_message(json::Element message, const MessageSite& site, std::string_view parent, const MessageBook& book,
                  const IngestOptions& options, Diagnostics& diags, EventSink& sink) {
    const std::string id = scalar_field(message, "id");
    const std::string id_text = id.empty() ? std::string("message") : fmt::format("message {}", id);
    std::optional<Instant> time;
    std::string time_raw;
    if (!string_field(message, "deletedDateTime").empty()) {
        sink.drop("teams: deleted message");
    } else if (auto created = field(message, "createdDateTime"); !created) {
        diags.warning("teams.no-time", locate(site.origin, site.text, 0),
                      fmt::format("{} has no createdDateTime; not emitted", id_text));
        sink.drop("teams: message without a time");
    } else {
        std::string_view text;
        if (!created->get(text)) time = parse_iso8601(text);
        if (time) {
            time_raw = std::string(text);
        } else {
            const std::string written = json::scalar_text(*created).value_or(std::string(alerts::describe_type(*created)));
            diags.error("teams.bad-time", json::locate_key(site.origin, site.text, written_key(message, "createdDateTime")),
                        fmt::format("{}: createdDateTime `{}` is not an ISO 8601 time with an offset; not emitted",
                                    id_text, escape_controls(written)));
            sink.drop("teams: unreadable time");
        }
    }
    if (time) {
        const Place place = place_of(message, book);
        Event e;
        e.id = fmt::format("{}:{}/{}", kind, place.key, id.empty() ? time_raw : id);
        e.time = *time;
        e.time_raw = std::move(time_raw);
        e.kind = EventKind::message;
        e.source.kind = std::string(kind);
        e.source.medium = Medium::chat;
        e.source.origin = site.origin.name;
        e.source.line = site.origin.line;
        e.channel = place.name;

        const bool is_system = is_system_message(message);
        std::string reply_to = scalar_field(message, "replyToId");
        if (reply_to.empty()) reply_to = std::string(parent);
        if (!reply_to.empty()) {
            e.thread = std::move(reply_to);
        } else if (!id.empty() && !is_system && string_field(message, "chatId").empty()) {
            e.thread = id;  // a channel post starts a conversation of its own (chats have no threads)
        }
        if (std::string_view url = trim(string_field(message, "webUrl")); !url.empty()) e.links.emplace_back(url);
        e.flags.edited = is_edited(message);
        e.flags.reactions = reactions_of(message);

        std::optional<json::Element> who = object_field(message, "from");
        if (is_system) {
            SystemEvent system = read_system_event(object_field(message, "eventDetail"), book.names);
            e.flags.system = system.kind;
            e.text = std::move(system.text);
            if (!who) who = system.initiator;
        } else {
            BodyText body = text_of(message);
            e.text = std::move(body.text);
            e.spans = std::move(body.spans);
        }
        if (who) e.actor = actor_of(*who, book, options.people, e.flags.bot);
        scrub(e);
        sink.add(std::move(e));
    }
    read_replies(message, site, id, book, options, diags, sink);
}

}  // namespace retro::ingest::teams
