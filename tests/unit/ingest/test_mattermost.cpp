// Mattermost bulk export (issue 19 item 3): posts, replies and direct posts as chat events, names resolved
// whatever the order of lines, damaged lines costing only themselves, private places behind
// --include-private.
#include <catch2/catch.hpp>

#include "change_json_test_support.hpp"

using namespace retro;

namespace {

test::AlertRun run_mattermost(std::string_view bytes, const IngestOptions& options = IngestOptions{}) {
    auto diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    Input input;
    input.name = "in.jsonl";
    input.head = std::string(bytes);
    find_ingester("mattermost")->ingest(input, {options, diags, sink});
    return test::collect(sink, diags);
}

int mattermost_score(std::string_view head) {
    return find_ingester("mattermost")->detect(Probe{"in.jsonl", head, nullptr});
}

constexpr std::string_view version = R"({"type":"version","version":1})" "\n";
constexpr std::string_view team = R"({"type":"team","team":{"name":"ops","display_name":"Operations","type":"O"}})" "\n";
constexpr std::string_view channel =
    R"({"type":"channel","channel":{"team":"ops","name":"incident-42","display_name":"Incident 42","type":"O"}})" "\n";
constexpr std::string_view rachel =
    R"({"type":"user","user":{"username":"rachel","email":"rc@example.com","nickname":"rc","first_name":"Rachel","last_name":"Cooper"}})" "\n";
constexpr std::string_view sam = R"({"type":"user","user":{"username":"sam","nickname":"Sam I Am","first_name":"","last_name":""}})" "\n";

}  // namespace

TEST_CASE("mattermost: a post and its replies, names resolved from user lines that come after them",
          "[mattermost]") {
    const std::string bytes = std::string(version) + std::string(team) + std::string(channel) +
                              R"({"type":"post","post":{"team":"ops","channel":"incident-42","user":"rachel",)"
                              R"("message":"api is down, @sam can you look?","create_at":1721903700000,"edit_at":1721903760000,)"
                              R"("is_pinned":true,"reactions":[{"user":"sam","emoji_name":"eyes","create_at":1},)"
                              R"({"user":"rachel","emoji_name":"eyes","create_at":2},{"user":"sam","emoji_name":"+1"}],)"
                              R"("replies":[{"user":"sam","message":"on it","create_at":1721903690000,)"
                              R"("attachments":[{"path":"data/2024/ops/graph.png"}]},{"user":"ghost","message":"me too","create_at":1721903800000}]}})"
                              "\n" +
                              std::string(rachel) + std::string(sam);
    const auto run = run_mattermost(bytes);
    CHECK(run.diagnostics.empty());
    // The first reply was written before its post (a clock or a hand-edited export): it keeps its own time.
    CHECK(test::ids(run) == std::vector<std::string>{"mattermost:ops/incident-42/sam/1721903690000",
                                                     "mattermost:ops/incident-42/rachel/1721903700000",
                                                     "mattermost:ops/incident-42/ghost/1721903800000"});
    CHECK(test::times(run) == std::vector<std::string>{"2024-07-25T10:34:50.000000Z", "2024-07-25T10:35:00.000000Z",
                                                       "2024-07-25T10:36:40.000000Z"});
    const Event& post = run.events[1];
    CHECK(post.source.kind == "mattermost");
    CHECK(post.source.medium == Medium::chat);
    CHECK(post.source.line == 4);
    CHECK(post.time_raw == "1721903700000");
    CHECK(post.channel == "Incident 42");
    CHECK(post.actor == Actor{"rachel", "Rachel Cooper", "RC", "rc@example.com"});
    CHECK(post.text == "api is down, @sam can you look?");
    CHECK(post.spans == std::vector<Span>{{13, 17, SpanType::mention, ""}});
    CHECK(post.thread == post.id);
    CHECK(post.flags.edited);
    CHECK(post.flags.pinned);
    CHECK(post.flags.reactions == std::vector<std::string>{"eyes", "+1"});
    CHECK(post.flags.system == SystemMessage::none);
    const Event& reply = run.events[0];
    CHECK(reply.thread == post.id);
    CHECK(reply.actor == Actor{"sam", "Sam I Am", "SIA", ""});
    CHECK(reply.text == "on it\nfile: graph.png");
    CHECK(reply.spans == std::vector<Span>{{12, 21, SpanType::attachment, ""}});
    CHECK_FALSE(reply.flags.edited);
    // A user no line names keeps the username as the name.
    CHECK(run.events[2].actor == Actor{"ghost", "ghost", "G", ""});
}

TEST_CASE("mattermost: damaged lines are diagnostics at file:line and the rest is read", "[mattermost]") {
    const std::string post_a = R"({"type":"post","post":{"team":"ops","channel":"incident-42","user":"sam","message":"a","create_at":1721903700000}})";
    const std::string bytes = std::string(version) + "{\"type\":\"post\",\"post\":{\"team\":\n" + post_a + "\n" +
                              R"({"type":"post"})" "\n" +
                              R"({"type":"post","post":{"team":"ops","channel":"incident-42","user":"sam","message":"b","create_at":"soon"}})" "\n" +
                              R"({"type":"post","post":{"team":"ops","channel":"incident-42","user":"sam","message":"c"}})" "\n" +
                              R"({"type":"post","post":{"team":"ops","channel":"incident-42","user":"sam","message":7,"create_at":1}})" "\n" +
                              R"({"type":"post","post":{"team":"ops","channel":"incident-42","user":"sam","message":"d","create_at":1721903760000,)"
                              R"("replies":[{"user":"sam","message":"no time"},"junk"]}})" "\n" +
                              R"({"type":"thread","thread":{}})" "\n" + "[1,2]\n";
    const auto run = run_mattermost(bytes);
    CHECK(test::ids(run) == std::vector<std::string>{"mattermost:ops/incident-42/sam/1721903700000",
                                                     "mattermost:ops/incident-42/sam/1721903760000"});
    CHECK(run.diagnostics == std::vector<std::string>{
                                 "in.jsonl:2:31: error: invalid JSON: unexpected end of input [mattermost.bad-json]",
                                 "in.jsonl:4:2: error: `post` line has no `post` object; line skipped [mattermost.bad-line]",
                                 "in.jsonl:5:88: error: `create_at` holds `soon`, not an epoch time; record skipped [mattermost.bad-time]",
                                 "in.jsonl:6:16: warning: message has no `create_at`; left out [mattermost.no-time]",
                                 "in.jsonl:7:74: error: `message` is a number where a string was expected; record skipped [mattermost.bad-field]",
                                 "in.jsonl:8:125: warning: message has no `create_at`; left out [mattermost.no-time]",
                                 "in.jsonl:9:2: warning: line of type `thread` is not one retro reads; line skipped [mattermost.unknown-type]",
                                 "in.jsonl:10:1: error: line is not an object with a `type`; line skipped [mattermost.bad-line]",
                             });
    CHECK(run.dropped == std::map<std::string, std::uint64_t, std::less<>>{
                             {"mattermost: damaged record", 5}, {"mattermost: message without a time", 2}});
}

TEST_CASE("mattermost: private channels and direct posts only with --include-private", "[mattermost]") {
    const std::string bytes =
        std::string(version) + std::string(team) + std::string(channel) +
        R"({"type":"channel","channel":{"team":"ops","name":"sec","display_name":"Security","type":"P"}})" "\n" +
        std::string(rachel) + std::string(sam) +
        R"({"type":"post","post":{"team":"ops","channel":"incident-42","user":"sam","message":"public","create_at":1721903700000}})" "\n" +
        R"({"type":"post","post":{"team":"ops","channel":"sec","user":"sam","message":"private","create_at":1721903701000}})" "\n" +
        R"({"type":"direct_channel","direct_channel":{"members":["sam","rachel"]}})" "\n" +
        R"({"type":"direct_post","direct_post":{"channel_members":["sam","rachel"],"user":"rachel","message":"dm",)"
        R"("create_at":1721903702000,"replies":[{"user":"sam","message":"dm reply","create_at":1721903703000}]}})" "\n";
    const auto closed = run_mattermost(bytes);
    CHECK(test::ids(closed) == std::vector<std::string>{"mattermost:ops/incident-42/sam/1721903700000"});
    CHECK(closed.diagnostics == std::vector<std::string>{
                                    "in.jsonl: note: 2 private channels or direct messages left out; "
                                    "--include-private reads them [mattermost.private-skipped]"});

    IngestOptions with_private;
    with_private.include_private = true;
    const auto open = run_mattermost(bytes, with_private);
    CHECK(open.diagnostics.empty());
    CHECK(test::ids(open) == std::vector<std::string>{
                                 "mattermost:ops/incident-42/sam/1721903700000", "mattermost:ops/sec/sam/1721903701000",
                                 "mattermost:@rachel,sam/rachel/1721903702000", "mattermost:@rachel,sam/sam/1721903703000"});
    CHECK(open.events[1].channel == "Security");
    // A direct channel is named by its members, sorted by name.
    CHECK(open.events[2].channel == "Rachel Cooper, Sam I Am");
    CHECK(open.events[3].thread == open.events[2].id);

    IngestOptions only_dm = with_private;
    only_dm.channel_globs = {"Rachel*"};
    CHECK(test::ids(run_mattermost(bytes, only_dm)) ==
          std::vector<std::string>{"mattermost:@rachel,sam/rachel/1721903702000", "mattermost:@rachel,sam/sam/1721903703000"});
    IngestOptions by_name;
    by_name.channel_globs = {"#incident-*"};
    CHECK(test::ids(run_mattermost(bytes, by_name)) ==
          std::vector<std::string>{"mattermost:ops/incident-42/sam/1721903700000"});
}

TEST_CASE("mattermost: the platform's own posts are flagged system, by type or by the server's join text",
          "[mattermost]") {
    const std::vector<std::tuple<std::string, std::string, std::string, SystemMessage>> table = {
        {"sam", "system_join_channel", "sam joined the channel.", SystemMessage::membership},
        {"sam", "system_add_to_team", "x", SystemMessage::membership},
        {"sam", "system_remove_from_channel", "x", SystemMessage::membership},
        {"sam", "system_header_change", "sam updated the channel header", SystemMessage::topic},
        {"sam", "system_displayname_change", "x", SystemMessage::topic},
        {"sam", "system_channel_deleted", "x", SystemMessage::other},
        {"sam", "custom_calls", "x", SystemMessage::none},
        // Exports without `type`: the server's English texts naming the poster.
        {"sam", "", "sam joined the channel.", SystemMessage::membership},
        {"sam", "", "sam left the team.", SystemMessage::membership},
        {"sam", "", "rachel added to the channel by sam.", SystemMessage::membership},
        {"sam", "", "rachel joined the channel.", SystemMessage::none},
        {"sam", "", "sam joined the channel. Hello!", SystemMessage::none},
        {"sam", "", "rachel added to the channel by rachel.", SystemMessage::none},
    };
    for (const auto& [user, type, message, system] : table) {
        INFO(type << " " << message);
        const std::string typed = type.empty() ? "" : fmt::format(R"("type":"{}",)", type);
        const auto run = run_mattermost(fmt::format(
            R"({{"type":"post","post":{{"team":"ops","channel":"incident-42","user":"{}",{}"message":"{}","create_at":1721903700000}}}})",
            user, typed, message));
        REQUIRE(run.events.size() == 1);
        CHECK(run.events[0].flags.system == system);
    }
}

TEST_CASE("mattermost: a post naming the wrong team is read in the one channel of that name", "[mattermost]") {
    const std::string bytes =
        std::string(team) + std::string(channel) +
        R"({"type":"team","team":{"name":"dev","display_name":"Development"}})" "\n"
        R"({"type":"channel","channel":{"team":"dev","name":"general","display_name":"General"}})" "\n"
        R"({"type":"channel","channel":{"team":"ops","name":"general","display_name":"General"}})" "\n"
        R"({"type":"post","post":{"team":"dev","channel":"incident-42","user":"sam","message":"x","create_at":1721903700000}})" "\n"
        R"({"type":"post","post":{"team":"dev","channel":"general","user":"sam","message":"y","create_at":1721903701000}})" "\n"
        R"({"type":"post","post":{"team":"dev","channel":"nowhere","user":"sam","message":"z","create_at":1721903702000}})" "\n";
    const auto run = run_mattermost(bytes);
    CHECK(run.diagnostics == std::vector<std::string>{
                                 "in.jsonl:6:37: warning: post names team `dev` but channel `incident-42` is in team "
                                 "`ops`; read in that channel [mattermost.channel-team]"});
    CHECK(test::ids(run) == std::vector<std::string>{"mattermost:ops/incident-42/sam/1721903700000",
                                                     "mattermost:dev/general/sam/1721903701000",
                                                     "mattermost:dev/nowhere/sam/1721903702000"});
    CHECK(run.events[0].channel == "Incident 42");
    // Two teams each have a "General": the team's name tells them apart. A channel no line lists keeps its name.
    CHECK(run.events[1].channel == "Development / General");
    CHECK(run.events[2].channel == "nowhere");
}

TEST_CASE("mattermost: mentions, a webhook's attachments, a bot", "[mattermost]") {
    const std::string bytes =
        std::string(rachel) + std::string(sam) +
        R"({"type":"bot","bot":{"username":"alertbot","display_name":"Alert Bot","owner":"sam"}})" "\n"
        R"({"type":"post","post":{"team":"ops","channel":"c","user":"sam","message":"@rachel. @RACHEL, mail rachel@x.org @channel @nobody @sam_","create_at":1721903700000}})" "\n"
        R"({"type":"post","post":{"team":"ops","channel":"c","user":"sam","message":"","create_at":1721903701000,"props":{"from_webhook":"true",)"
        R"("override_username":"Grafana","attachments":[{"title":"[FIRING:1] HighLatency","text":"p99 > 2s","fields":[{"title":"env","value":"prod"}]},{"fallback":"only fallback"}]}}})" "\n"
        R"({"type":"post","post":{"team":"ops","channel":"c","user":"alertbot","message":"disk full","create_at":1721903702000}})" "\n";
    const auto run = run_mattermost(bytes);
    REQUIRE(run.events.size() == 3);
    const Event& mentions = run.events[0];
    CHECK(mentions.spans == std::vector<Span>{{0, 7, SpanType::mention, ""},
                                              {9, 16, SpanType::mention, ""},
                                              {36, 44, SpanType::mention, ""},
                                              {53, 57, SpanType::mention, ""}});
    const Event& hook = run.events[1];
    CHECK(hook.flags.bot);
    CHECK(hook.actor == Actor{"sam", "Grafana", "G", ""});
    CHECK(hook.text == "[FIRING:1] HighLatency\np99 > 2s\nenv: prod\nonly fallback");
    const Event& bot = run.events[2];
    CHECK(bot.flags.bot);
    CHECK(bot.actor == Actor{"alertbot", "Alert Bot", "AB", ""});
}

TEST_CASE("mattermost detection: the version line, or any line type with its object, nothing else",
          "[mattermost]") {
    CHECK(mattermost_score(version) == 100);
    CHECK(mattermost_score("\xEF\xBB\xBF  " + std::string(version)) == 100);
    CHECK(mattermost_score(std::string(rachel)) == 90);
    CHECK(mattermost_score(R"({"type":"post","post":{"team":"ops"}})") == 90);
    CHECK(mattermost_score(R"({"type":"post","post":"x"})") == 0);
    CHECK(mattermost_score(R"({"type":"incident","incident":{"id":"x"}})") == 0);
    CHECK(mattermost_score(R"({"schema":"retro.event/1","id":"x","type":"version"})") == 0);
    CHECK(mattermost_score(R"([{"type":"version","version":1}])") == 0);
    CHECK(mattermost_score("") == 0);
}
