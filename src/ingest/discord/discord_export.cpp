// A DiscordChatExporter export as a whole: the channel it holds, how its messages group into threads, the
// messages themselves (discord_message.cpp), and whether `messageCount` agrees with them.
//
// Threads. Discord has two things people call a thread, and both become the event's `thread`, a key
// shared by the messages that belong together within one channel:
// - a thread channel (`GuildPublicThread`, `GuildPrivateThread`, `GuildNewsThread`; exported on its own
//   with `categoryId` = its parent channel): its messages are shown in the parent channel, grouped under
//   `discord:<parent id>/<thread id>`, which is also the key the parent's `ThreadCreated` message gets
//   (its `reference.channelId` is the thread), so the two exports read together keep the thread whole;
// - a reply chain: a message whose `reference` names a message of the same channel replies to it; the
//   chain's first message and every reply in it are grouped under that first message's id
//   (`discord:<channel id>/<message id>`, a message outside the export when the chain starts before it).
#include <map>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/alerts/json_locate.hpp"
#include "ingest/discord/discord_export.hpp"

namespace retro::ingest::discord {

namespace {

constexpr std::string_view kind = "discord";

bool is_thread_channel(std::string_view type) {
    return type == "GuildPublicThread" || type == "GuildPrivateThread" || type == "GuildNewsThread";
}

// The line each element of the array at `array_path` starts on, found in one pass over the text (the DOM
// keeps no positions).
std::vector<std::uint64_t> element_lines(std::string_view text, const Origin& origin, std::string_view array_path) {
    std::vector<std::uint64_t> lines;
    std::size_t pos = alerts::locate_json_path(text, array_path);
    if (pos >= text.size() || text[pos] != '[') return lines;
    std::uint64_t line = origin.line;
    std::size_t counted = 0;
    auto skip_space = [&](std::size_t p) {
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) ++p;
        return p;
    };
    pos = skip_space(pos + 1);
    while (pos < text.size() && text[pos] != ']') {
        for (; counted < pos; ++counted)
            if (text[counted] == '\n') ++line;
        lines.push_back(line);
        pos = skip_space(alerts::skip_json_value(text, pos));
        if (pos < text.size() && text[pos] == ',') pos = skip_space(pos + 1);
    }
    return lines;
}

// The message a message replies to, when it is one of this channel's: `reference.messageId` of a message
// that is not the platform's own (a pin's reference names the pinned message).
std::string replied_to(json::Element message, std::string_view channel_id) {
    auto reference = json::member(message, "reference");
    if (!reference) return {};
    const auto type = json::scalar_member_text(message, "type").value_or("");
    if (type != "Default" && type != "Reply" && type != "0" && type != "19") return {};
    const auto target = json::scalar_member_text(*reference, "messageId");
    const auto in = json::scalar_member_text(*reference, "channelId");
    if (!target || target->empty() || (in && *in != channel_id)) return {};
    return alerts::clean_text(*target);
}

// The thread key of every message of a plain channel (see the top of this file), by position.
std::vector<std::string> reply_threads(json::Array messages, std::string_view channel_id) {
    std::map<std::string, std::string, std::less<>> parent;  // message id → the message it replies to
    std::vector<std::string> ids, targets;
    for (json::Element m : messages) {
        ids.push_back(alerts::clean_text(json::scalar_member_text(m, "id").value_or("")));
        targets.push_back(m.is_object() ? replied_to(m, channel_id) : std::string());
        if (!ids.back().empty() && !targets.back().empty()) parent.emplace(ids.back(), targets.back());
    }
    auto root_of = [&](std::string id) {
        for (std::size_t steps = 0; steps <= parent.size(); ++steps) {
            auto up = parent.find(id);
            if (up == parent.end()) break;
            id = up->second;
        }
        return id;
    };
    std::map<std::string, bool, std::less<>> has_replies;
    for (const std::string& target : targets)
        if (!target.empty()) has_replies[root_of(target)] = true;
    std::vector<std::string> threads(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string root = !targets[i].empty() ? root_of(targets[i]) : has_replies.contains(ids[i]) ? ids[i] : "";
        if (!root.empty()) threads[i] = fmt::format("discord:{}/{}", channel_id, root);
    }
    return threads;
}

}  // namespace

void parse_discord_export(std::string_view bytes, const Origin& origin, const IngestContext& context) {
    json::DomParser parser;
    auto doc = parser.parse(bytes, origin, context.diags, "discord.bad-json");
    if (!doc) {
        context.sink.drop("discord: damaged record");
        return;
    }
    alerts::EmbeddedParsers parsers;
    alerts::AlertContext ctx{context.options, context.diags, context.sink, parsers};
    alerts::JsonText text(bytes, origin);
    alerts::FieldReader r(ctx, text, kind);
    const auto guild = doc->is_object() ? r.object(*doc, "", "guild") : std::nullopt;
    const auto channel = doc->is_object() ? r.object(*doc, "", "channel") : std::nullopt;
    const auto messages = doc->is_object() ? r.array(*doc, "", "messages") : std::nullopt;
    if (r.failed() || !channel || !messages) {
        if (!r.failed())
            context.diags.error("discord.bad-export", locate(origin, bytes, 0),
                                "not a DiscordChatExporter export: no `channel` object and `messages` array");
        context.sink.drop("discord: damaged record");
        return;
    }

    ExportChannel where;
    if (guild) where.guild_id = alerts::clean_text(r.scalar(*guild, ".guild", "id"));
    where.id = alerts::clean_text(r.scalar(*channel, ".channel", "id"));
    const std::string name = alerts::clean_text(std::string(trim(r.string(*channel, ".channel", "name"))));
    const bool is_thread = is_thread_channel(r.string(*channel, ".channel", "type"));
    const std::string parent_id = alerts::clean_text(r.scalar(*channel, ".channel", "categoryId"));
    const std::string parent = alerts::clean_text(std::string(trim(r.string(*channel, ".channel", "category"))));
    if (r.failed()) {
        context.sink.drop("discord: damaged record");
        return;
    }
    where.name = is_thread && !parent.empty() ? parent : !name.empty() ? name : where.id;

    const std::vector<std::string> threads = is_thread ? std::vector<std::string>() : reply_threads(*messages, where.id);
    const std::vector<std::uint64_t> lines = element_lines(bytes, origin, ".messages");
    const std::string thread_of_export = fmt::format("discord:{}/{}", parent_id.empty() ? where.id : parent_id, where.id);
    std::size_t i = 0;
    for (json::Element m : *messages) {
        const std::string path = alerts::element_path(".messages", i);
        const std::uint64_t line = i < lines.size() ? lines[i] : origin.line;
        std::string thread = is_thread ? thread_of_export : i < threads.size() ? threads[i] : std::string();
        ++i;
        alerts::FieldReader message_reader(ctx, text, kind);
        if (!m.is_object()) {
            message_reader.report(Severity::error, "bad-message", path, "message is not an object; left out");
            context.sink.drop("discord: damaged record");
            continue;
        }
        // The parent channel's note that a thread was started belongs to that thread.
        if (json::scalar_member_text(m, "type").value_or("") == "ThreadCreated")
            if (auto reference = json::member(m, "reference"))
                if (auto started = json::scalar_member_text(*reference, "channelId"); started && !started->empty())
                    thread = fmt::format("discord:{}/{}", where.id, alerts::clean_text(*started));
        auto event = read_message(message_reader, m, path, line, where, std::move(thread), context.options.people);
        if (event)
            context.sink.add(std::move(*event));
        else
            context.sink.drop(message_reader.failed() ? "discord: damaged record" : "discord: message without a time");
    }

    if (auto count = json::member(*doc, "messageCount")) {
        const auto said = json::integer_of(*count);
        if (said && *said >= 0 && static_cast<std::uint64_t>(*said) != messages->size())
            r.report(Severity::warning, "message-count", ".messageCount",
                     fmt::format("`messageCount` says {} but the export holds {} message{}; read what it holds",
                                 *said, messages->size(), messages->size() == 1 ? "" : "s"));
    }
}

}  // namespace retro::ingest::discord
