// DiscordChatExporter JSON (issue 19 item 3): every message one chat event with its author, permalink,
// reply chain or thread, system kind, files and stickers; damage costing only the message.
#include <catch2/catch.hpp>

#include <algorithm>

#include "change_json_test_support.hpp"

using namespace retro;

namespace {

int discord_score(std::string_view head) {
    return find_ingester("discord")->detect(Probe{"in.json", head, nullptr});
}

// An export of channel 200 of guild 100 holding `messages` (JSON objects joined by commas).
std::string channel_export(std::string_view messages, std::string_view channel_extra = "",
                           std::string_view count = "") {
    return fmt::format(R"({{"guild":{{"id":"100","name":"Ops","iconUrl":"x.png"}},)"
                       R"("channel":{{"id":"200","type":"GuildTextChat","categoryId":"9","category":"Incidents",)"
                       R"("name":"incident-42","topic":null{}}},"dateRange":{{"after":null,"before":null}},)"
                       R"("messages":[{}]{}}})",
                       channel_extra, messages, count);
}

using Members = std::vector<std::pair<std::string, std::string>>;

// A message object as DiscordChatExporter writes it, each of `changes` (member name, JSON value) replacing
// the member of that name or added at the end.
std::string message(std::string_view id, std::string_view type, std::string_view time, std::string_view content,
                    const Members& changes = {}) {
    Members members = {{"id", fmt::format(R"("{}")", id)},
                       {"type", fmt::format(R"("{}")", type)},
                       {"timestamp", fmt::format(R"("{}")", time)},
                       {"timestampEdited", "null"},
                       {"callEndedTimestamp", "null"},
                       {"isPinned", "false"},
                       {"content", fmt::format(R"("{}")", content)},
                       {"author", R"({"id":"7","name":"rachel","discriminator":"0000","nickname":"Rachel Cooper","isBot":false})"},
                       {"attachments", "[]"},
                       {"embeds", "[]"},
                       {"stickers", "[]"},
                       {"reactions", "[]"},
                       {"mentions", "[]"}};
    for (const auto& change : changes) {
        auto it = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.first == change.first; });
        if (it != members.end())
            it->second = change.second;
        else
            members.push_back(change);
    }
    std::string out = "{";
    for (const auto& [name, value] : members) out += fmt::format(R"({}"{}":{})", out.size() > 1 ? "," : "", name, value);
    return out + "}";
}

}  // namespace

TEST_CASE("discord: a message with its author, permalink, edit, pin, reactions and mentions", "[discord]") {
    const std::string m =
        message("301", "Default", "2024-07-25T10:35:00.5+02:00", "@Sam the api is down, @Sam?",
                {{"isPinned", "true"},
                 {"timestampEdited", R"("2024-07-25T10:36:00+02:00")"},
                 {"reactions", R"([{"emoji":{"id":null,"name":"👀"},"count":2},{"emoji":{"name":"👀"},"count":1}])"},
                 {"mentions", R"([{"id":"8","name":"sam","nickname":"Sam"}])"}});
    const auto run = test::run_kind(channel_export(m), "discord");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    const Event& e = run.events[0];
    CHECK(e.id == "discord:200/301");
    CHECK(format_utc(e.time) == "2024-07-25T08:35:00.500000Z");
    CHECK(e.time_raw == "2024-07-25T10:35:00.5+02:00");
    CHECK(e.source.kind == "discord");
    CHECK(e.source.medium == Medium::chat);
    CHECK(e.source.line == 1);
    CHECK(e.channel == "incident-42");
    CHECK(e.actor == Actor{"7", "Rachel Cooper", "RC", ""});
    CHECK(e.text == "@Sam the api is down, @Sam?");
    CHECK(e.spans == std::vector<Span>{{0, 4, SpanType::mention, ""}, {22, 26, SpanType::mention, ""}});
    CHECK(e.links == std::vector<std::string>{"https://discord.com/channels/100/200/301"});
    CHECK(e.flags.edited);
    CHECK(e.flags.pinned);
    CHECK(e.flags.reactions == std::vector<std::string>{"👀"});
    CHECK_FALSE(e.flags.bot);
    CHECK(e.flags.system == SystemMessage::none);
    CHECK(e.thread.empty());
}

TEST_CASE("discord: system messages by type, with a text when they hold none", "[discord]") {
    const std::vector<std::tuple<std::string, std::string, SystemMessage, std::string>> table = {
        {"GuildMemberJoin", "Joined the server.", SystemMessage::membership, "Joined the server."},
        {"GuildMemberJoin", "", SystemMessage::membership, "joined the server"},
        {"RecipientAdd", "", SystemMessage::membership, "added someone to the group"},
        {"RecipientRemove", "", SystemMessage::membership, "removed someone from the group"},
        {"ChannelNameChange", "incident-42-resolved", SystemMessage::topic, "incident-42-resolved"},
        {"ChannelTopicChange", "", SystemMessage::topic, "changed the channel topic"},
        {"ChannelPinnedMessage", "", SystemMessage::other, "pinned a message"},
        {"Call", "", SystemMessage::other, "started a call"},
        {"ThreadCreated", "", SystemMessage::other, "started a thread"},
        {"7", "", SystemMessage::membership, "joined the server"},  // a kind the exporter has no name for
        {"Reply", "yes", SystemMessage::none, "yes"},
        {"ChatInputCommand", "/status", SystemMessage::none, "/status"},
        {"SomethingNew", "", SystemMessage::none, ""},
    };
    for (const auto& [type, content, system, text] : table) {
        INFO(type << " " << content);
        const auto run = test::run_kind(channel_export(message("301", type, "2024-07-25T10:35:00Z", content)), "discord");
        REQUIRE(run.events.size() == 1);
        CHECK(run.events[0].flags.system == system);
        CHECK(run.events[0].text == text);
    }
}

TEST_CASE("discord: files, stickers and a bot's embeds become lines, an empty message stays readable",
          "[discord]") {
    const std::string messages =
        message("301", "Default", "2024-07-25T10:35:00Z", "",
                {{"attachments",
                  R"([{"id":"1","url":"https://cdn.discordapp.com/attachments/200/1/graph.png","fileName":"graph.png","fileSizeBytes":10},)"
                  R"({"id":"2","url":"export.json_Files\\log-1A2B.txt","fileName":"log.txt"},{"id":"3","url":"export.json_Files\\x-9.txt"}])"}}) +
        "," +
        message("302", "Default", "2024-07-25T10:36:00Z", "look",
                {{"stickers", R"([{"id":"5","name":"thisisfine","format":"Png","sourceUrl":"stickers/5.png"}])"},
                 {"embeds", R"([{"title":"ignored: the content says it","url":"https://x.org"}])"}}) +
        "," +
        message("303", "Default", "2024-07-25T10:37:00Z", "",
                {{"author", R"({"id":"9","name":"Grafana","discriminator":"0000","nickname":"Grafana","isBot":true})"},
                 {"embeds",
                  R"([{"title":"[FIRING:1] HighLatency","url":"https://grafana.example.com/alerting/1","description":"p99 > 2s",)"
                  R"("fields":[{"name":"env","value":"prod","isInline":true},{"name":"","value":""}]}])"}});
    const auto run = test::run_kind(channel_export(messages), "discord");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 3);
    CHECK(run.events[0].text == "file: graph.png\nfile: log.txt\nfile: x-9.txt");
    CHECK(run.events[0].spans ==
          std::vector<Span>{{6, 15, SpanType::attachment, "https://cdn.discordapp.com/attachments/200/1/graph.png"},
                            {22, 29, SpanType::attachment, ""},
                            {36, 43, SpanType::attachment, ""}});
    CHECK(run.events[1].text == "look\nsticker: thisisfine");
    CHECK(run.events[1].spans == std::vector<Span>{{14, 24, SpanType::attachment, ""}});
    const Event& bot = run.events[2];
    CHECK(bot.flags.bot);
    CHECK(bot.actor == Actor{"9", "Grafana", "G", ""});
    CHECK(bot.text == "[FIRING:1] HighLatency\np99 > 2s\nenv: prod");
    CHECK(bot.spans == std::vector<Span>{{0, 22, SpanType::link, "https://grafana.example.com/alerting/1"}});
}

TEST_CASE("discord: replies share the thread of the message their chain starts at", "[discord]") {
    const auto reply_to = [](std::string_view id, std::string_view channel = "200") {
        return Members{{"reference", fmt::format(R"({{"messageId":"{}","channelId":"{}","guildId":"100"}})", id, channel)}};
    };
    const std::string messages =
        message("301", "Default", "2024-07-25T10:35:00Z", "root") + "," +
        message("302", "Reply", "2024-07-25T10:36:00Z", "reply", reply_to("301")) + "," +
        message("303", "Reply", "2024-07-25T10:37:00Z", "reply to reply", reply_to("302")) + "," +
        message("304", "Reply", "2024-07-25T10:38:00Z", "reply to an older message", reply_to("250")) + "," +
        message("305", "Default", "2024-07-25T10:39:00Z", "forwarded", reply_to("1", "999")) + "," +
        message("306", "ChannelPinnedMessage", "2024-07-25T10:40:00Z", "", reply_to("301")) + "," +
        message("307", "Reply", "2024-07-25T10:41:00Z", "loop a", reply_to("308")) + "," +
        message("308", "Reply", "2024-07-25T10:42:00Z", "loop b", reply_to("307"));
    const auto run = test::run_kind(channel_export(messages), "discord");
    CHECK(run.diagnostics.empty());
    std::vector<std::string> threads;
    for (const Event& e : run.events) threads.push_back(e.thread.str());
    CHECK(threads == std::vector<std::string>{"discord:200/301", "discord:200/301", "discord:200/301", "discord:200/250",
                                              "", "", "discord:200/308", "discord:200/307"});
}

TEST_CASE("discord: a thread export is read in its parent channel, grouped under the thread", "[discord]") {
    const std::string thread_export = fmt::format(
        R"({{"guild":{{"id":"0","name":"Direct Messages"}},"channel":{{"id":"500","type":"GuildPublicThread","categoryId":"200",)"
        R"("category":"incident-42","name":"db failover"}},"messages":[{}]}})",
        message("501", "Reply", "2024-07-25T10:35:00Z", "in thread",
                {{"reference", R"({"messageId":"400","channelId":"500"})"}}));
    const auto run = test::run_kind(thread_export, "discord");
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].id == "discord:500/501");
    CHECK(run.events[0].channel == "incident-42");
    CHECK(run.events[0].thread == "discord:200/500");
    CHECK(run.events[0].links == std::vector<std::string>{"https://discord.com/channels/@me/500/501"});
    // The parent's note that the thread started is in the same thread.
    const auto parent = test::run_kind(
        channel_export(message("500", "ThreadCreated", "2024-07-25T10:34:00Z", "Started a thread.",
                               {{"reference", R"({"messageId":null,"channelId":"500","guildId":"100"})"}})),
        "discord");
    REQUIRE(parent.events.size() == 1);
    CHECK(parent.events[0].thread == "discord:200/500");
    CHECK(parent.events[0].channel == "incident-42");
}

TEST_CASE("discord: damage is a diagnostic at file:line:col and the rest is read", "[discord]") {
    const std::string messages = message("301", "Default", "2024-07-25T10:35:00Z", "ok") + ",\n" +
                                 message("302", "Default", "yesterday", "bad time") + ",\n" +
                                 R"({"id":"303","type":"Default","content":"no time"})" ",\n" + "42,\n" +
                                 R"({"type":"Default","timestamp":"2024-07-25T10:35:00Z","content":"no id"})" ",\n" +
                                 R"({"id":"306","timestamp":"2024-07-25T10:36:00Z","content":["x"]})";
    const auto run = test::run_kind(channel_export(messages, "", R"(,"messageCount":9)"), "discord");
    CHECK(test::ids(run) == std::vector<std::string>{"discord:200/301"});
    CHECK(run.diagnostics == std::vector<std::string>{
                                 "in.json:2:30: error: `timestamp` holds `yesterday`, not an ISO 8601 time with an "
                                 "offset; record skipped [discord.bad-time]",
                                 "in.json:3:1: warning: message has no `timestamp`; left out [discord.no-time]",
                                 "in.json:4:1: error: message is not an object; left out [discord.bad-message]",
                                 "in.json:5:1: error: message has no `id`; left out [discord.bad-message]",
                                 "in.json:6:48: error: `content` is an array where a string was expected; record "
                                 "skipped [discord.bad-field]",
                                 "in.json:6:66: warning: `messageCount` says 9 but the export holds 6 messages; read "
                                 "what it holds [discord.message-count]",
                             });
    CHECK(run.dropped == std::map<std::string, std::uint64_t, std::less<>>{
                             {"discord: damaged record", 4}, {"discord: message without a time", 1}});

    const auto broken = test::run_kind(R"({"guild":{},"channel":{},"messages":[)", "discord");
    CHECK(broken.events.empty());
    CHECK(broken.diagnostics.size() == 1);
    CHECK(test::run_kind(R"({"guild":{"id":"1"},"channel":{"id":"2"}})", "discord").diagnostics ==
          std::vector<std::string>{"in.json:1:1: error: not a DiscordChatExporter export: no `channel` object and "
                                   "`messages` array [discord.bad-export]"});
}

TEST_CASE("discord detection: guild first, or all of guild, channel, messages and messageCount", "[discord]") {
    CHECK(discord_score(channel_export("")) == 100);
    CHECK(discord_score("\xEF\xBB\xBF\n{\n  \"guild\" : {\"id\":\"1\"},\n  \"channel\": {}, \"messages\": [") == 100);
    CHECK(discord_score(R"({"channel":{},"guild":{},"messages":[],"messageCount":0})") == 80);
    CHECK(discord_score(R"({"channel":{},"guild":{},"messages":[]})") == 0);
    CHECK(discord_score(R"({"channel":{"name":"guild"},"messages":[{"text":"\"guild\": x"}]})") == 0);
    CHECK(discord_score(R"([{"guild":{},"channel":{},"messages":[]}])") == 0);
    CHECK(discord_score("") == 0);
}
