// The `teams` row (issue 19 item 3): Microsoft Graph chatMessage JSON in every form users have, bodies from
// HTML to text and spans, Teams' own system messages, and damage (docs/sources/teams.md).
#include <catch2/catch.hpp>

#include "change_json_test_support.hpp"

using namespace retro;
using test::run_kind;

namespace {

// A channel message as Graph gives it, with `extra` members (`,"key":value…`) first: of a member given twice,
// the first is read.
std::string message(std::string_view id, std::string_view created, std::string_view content,
                    std::string_view extra = "", std::string_view content_type = "html") {
    return fmt::format(
        R"j({{"id":"{}"{},"replyToId":null,"messageType":"message","createdDateTime":"{}","lastEditedDateTime":null,)j"
        R"j("deletedDateTime":null,"subject":null,"webUrl":"https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/{}",)j"
        R"j("from":{{"application":null,"device":null,"user":{{"id":"u-rc","displayName":"Rachel Cooper"}}}},)j"
        R"j("body":{{"contentType":"{}","content":"{}"}},)j"
        R"j("channelIdentity":{{"teamId":"t1","channelId":"19:abc@thread.tacv2"}},"attachments":[],"mentions":[],)j"
        R"j("reactions":[]}})j",
        id, extra, created, id, content_type, content);
}

std::string list(std::initializer_list<std::string> messages) {
    std::string out = R"j({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#teams('t1')/channels('19%3Aabc')/messages","value":[)j";
    std::size_t i = 0;
    for (const std::string& m : messages) out += (i++ ? ",\n" : "\n") + m;
    return out + "\n]}";
}

const Event& only(const test::AlertRun& run) {
    REQUIRE(run.events.size() == 1);
    return run.events[0];
}

}  // namespace

TEST_CASE("teams bodies: HTML to plain text with link, mention, code and attachment spans", "[teams]") {
    struct Row {
        std::string_view what, content, extra;
        std::string text;
        std::vector<Span> spans;
    };
    const std::vector<Row> table = {
        {"paragraphs and breaks end lines; entities decoded; empty paragraphs leave nothing",
         R"(<p>API &amp; web are down</p><p>&nbsp;</p><div>rolling back<br>now &lt;ETA 5m&gt;</div>)", "",
         "API & web are down\nrolling back\nnow <ETA 5m>", {}},
        {"a link is a link span; a link without text shows its URL",
         R"(see <a href=\"https://status.example.com/x\">the status page</a> and <a href=\"https://grafana.example.com/d\"></a>)",
         "", "see the status page and https://grafana.example.com/d",
         {{4, 19, SpanType::link, "https://status.example.com/x"},
          {24, 53, SpanType::link, "https://grafana.example.com/d"}}},
        {"a mention is @Name; an empty <at> takes mentions[].mentionText",
         R"(<at id=\"0\">Jane Smith</at> and <at id=\"1\"></at> please look)",
         R"j(,"mentions":[{"id":0,"mentionText":"Jane Smith"},{"id":1,"mentionText":"On-call Bot"}])j",
         "@Jane Smith and @On-call Bot please look",
         {{0, 11, SpanType::mention, ""}, {16, 28, SpanType::mention, ""}}},
        {"hosted content is an image line without a URL; an https image with alt text keeps its URL",
         R"(<p>graph:</p><img src=\"https://graph.microsoft.com/v1.0/chats/c/messages/1/hostedContents/x/$value\" alt=\"image\"><img src=\"https://i.example.com/cpu.png\" alt=\"CPU at 100%\">)",
         "", "graph:\nimage\nimage: CPU at 100%",
         {{7, 12, SpanType::attachment, ""}, {20, 31, SpanType::attachment, "https://i.example.com/cpu.png"}}},
        {"<attachment id> is the file's line there; a file the body does not place comes last",
         R"(<p>logs attached</p><attachment id=\"f1\"></attachment><p>and more</p>)",
         R"j(,"attachments":[{"id":"f1","contentType":"reference","contentUrl":"https://contoso.sharepoint.com/sites/ops/Shared%20Documents/api.log","name":"api.log"},)j"
         R"j({"id":"f2","contentType":"reference","contentUrl":"https://contoso.sharepoint.com/sites/ops/db.csv?web=1","name":null},)j"
         R"j({"id":"c1","contentType":"application/vnd.microsoft.card.adaptive","content":"{}","name":null}])j",
         "logs attached\nfile: api.log\nand more\nfile: db.csv",
         {{20, 27, SpanType::attachment, "https://contoso.sharepoint.com/sites/ops/Shared%20Documents/api.log"},
          {43, 49, SpanType::attachment, "https://contoso.sharepoint.com/sites/ops/db.csv?web=1"}}},
        {"code, bold and italic spans; a code block keeps its lines",
         R"(<p>run <code>kubectl rollout undo</code> <b>now</b> <i>please</i></p><pre>a  b\nc</pre>)", "",
         "run kubectl rollout undo now please\na  b\nc",
         {{4, 24, SpanType::code, ""}, {25, 28, SpanType::bold, ""}, {29, 35, SpanType::italic, ""},
          {36, 42, SpanType::pre, ""}}},
        {"Teams' emoji element is its character", R"(<p>fixed <emoji id=\"1f389\" alt=\"🎉\" title=\"Party\"></emoji></p>)",
         "", "fixed 🎉", {}},
        {"broken HTML is still read as a browser would", R"(<div><b>unclosed <i>tags <p>everywhere)", "",
         "unclosed tags\neverywhere", {{0, 24, SpanType::bold, ""}, {9, 24, SpanType::italic, ""}}},
    };
    for (const Row& row : table) {
        CAPTURE(row.what);
        const auto run = run_kind(list({message("1", "2024-07-25T10:14:03.123Z", row.content, row.extra)}), "teams");
        CHECK(run.diagnostics.empty());
        const Event& e = only(run);
        CHECK(e.text == row.text);
        CHECK(e.spans == row.spans);
    }
}

TEST_CASE("teams messages: actor, time, thread, edits, reactions, links, deleted messages", "[teams]") {
    const std::string reply =
        message("1721902500000", "2024-07-25T12:15:00.1234567+02:00", "on it",
                R"j(,"lastEditedDateTime":"2024-07-25T10:16:00Z","reactions":[{"reactionType":"like","user":{"user":{"id":"u-jb"}}},{"reactionType":"like"},{"reactionType":"heart"}])j");
    std::string reply_with_parent = reply;
    reply_with_parent.replace(reply_with_parent.find(R"("replyToId":null)"), 16, R"("replyToId":"1721902000000")");
    const std::string root = message("1721902000000", "2024-07-25T10:06:40Z", "API is down", R"j(,"subject":"Incident")j");
    const std::string deleted =
        message("1721902600000", "2024-07-25T10:16:40Z", "", R"j(,"deletedDateTime":"2024-07-25T10:17:00Z")j");
    const std::string bot = R"j({"id":"1721902700000","messageType":"message","createdDateTime":"2024-07-25T10:18:20Z",
        "from":{"application":{"id":"app-1","displayName":"PagerDuty","applicationIdentityType":"bot"},"user":null},
        "body":{"contentType":"text","content":"  Incident #42 triggered\n  on api  "},"chatId":"19:meeting_x@thread.v2"})j";
    const auto run = run_kind(list({reply_with_parent, root, deleted, bot}), "teams");
    CHECK(run.diagnostics.empty());
    CHECK(run.dropped == std::map<std::string, std::uint64_t, std::less<>>{{"teams: deleted message", 1}});
    REQUIRE(run.events.size() == 3);
    const Event& r = run.events[0];
    CHECK(r.id == "teams:19:abc@thread.tacv2/1721902000000");
    CHECK(r.text == "Incident\nAPI is down");  // the subject on a line of its own
    CHECK(r.thread == "1721902000000");          // a channel post starts a conversation
    CHECK(r.actor == Actor{"u-rc", "Rachel Cooper", "RC", ""});
    CHECK(r.links == std::vector<std::string>{"https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1721902000000"});
    CHECK_FALSE(r.flags.edited);
    const Event& answer = run.events[1];
    CHECK(format_utc(answer.time) == "2024-07-25T10:15:00.123456Z");  // offset honoured, 7 digits truncated
    CHECK(answer.time_raw == "2024-07-25T12:15:00.1234567+02:00");
    CHECK(answer.thread == "1721902000000");
    CHECK(answer.flags.edited);
    CHECK(answer.flags.reactions == std::vector<std::string>{"like", "heart"});
    const Event& b = run.events[2];
    CHECK(b.actor.name == "PagerDuty");
    CHECK(b.actor.id == "app-1");
    CHECK(b.flags.bot);
    CHECK(b.channel == "19:meeting_x@thread.v2");  // a chat, not a channel
    CHECK(b.text == "Incident #42 triggered\n  on api");  // contentType text: as written, trimmed
    CHECK(b.links.empty());
    CHECK(b.thread.empty());  // chats have no reply threads
}

TEST_CASE("teams system events: membership, topic, other, in Graph's form and the export's", "[teams]") {
    auto system = [](std::string_view id, std::string_view detail) {
        return fmt::format(
            R"j({{"id":"{}","messageType":"systemEventMessage","createdDateTime":"2024-07-25T10:00:0{}Z","from":null,)j"
            R"j("body":{{"contentType":"html","content":"<systemEventMessage/>"}},)j"
            R"j("channelIdentity":{{"teamId":"t1","channelId":"19:abc@thread.tacv2"}},"eventDetail":{}}})j",
            id, id, detail);
    };
    const auto run = run_kind(
        "[" + system("1", R"j({"@odata.type":"#microsoft.graph.membersAddedEventMessageDetail","members":[{"id":"u-jb","displayName":"Jane Smith"},{"id":"u-rc","displayName":null}],"initiator":{"user":{"id":"u-rc","displayName":null}}})j") +
            "," + system("2", R"j({"EventType":null,"Initiator":{"User":{"Id":"u-jb","DisplayName":null}},"MembersJoined":null,"MembersLeft":{"Members":[{"Id":"u-jb","DisplayName":null}]}})j") +
            "," + system("3", R"j({"@odata.type":"#microsoft.graph.channelRenamedEventMessageDetail","channelId":"19:abc@thread.tacv2","channelDisplayName":"incident-42","initiator":{"user":{"id":"u-rc"}}})j") +
            "," + system("4", R"j({"@odata.type":"#microsoft.graph.callStartedEventMessageDetail","initiator":{"application":{"id":"app-9","displayName":"Meet"}}})j") +
            "," + system("5", R"j({"@odata.type":"#microsoft.graph.somethingNewEventMessageDetail"})j") + "," +
            message("9", "2024-07-25T10:00:09Z", "hello") + "]",
        "teams");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 6);
    using S = SystemMessage;
    const std::vector<std::tuple<S, std::string, std::string>> expected = {
        {S::membership, "added Jane Smith, Rachel Cooper", "Rachel Cooper"},  // names from elsewhere in the input
        {S::membership, "Jane Smith left", "Jane Smith"},
        {S::topic, "renamed the channel to incident-42", "Rachel Cooper"},
        {S::other, "started a call", "Meet"},
        {S::other, "", ""},
        {S::none, "hello", "Rachel Cooper"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(run.events[i].flags.system == std::get<0>(expected[i]));
        CHECK(run.events[i].text == std::get<1>(expected[i]));
        CHECK(run.events[i].actor.name == std::get<2>(expected[i]));
        // The rename names the channel for every message of the input; the id keeps the channel's id.
        CHECK(run.events[i].channel == "incident-42");
        CHECK(run.events[i].id.starts_with("teams:19:abc@thread.tacv2/"));
    }
    CHECK(run.events[3].flags.bot);
}

TEST_CASE("teams forms: one message, NDJSON pages, the /replies list, a channel from the file name", "[teams]") {
    const std::string one = message("5", "2024-07-25T10:00:00Z", "single");
    CHECK(only(run_kind(one, "teams")).text == "single");
    // Two pages saved one after the other.
    const auto pages = run_kind(list({message("7", "2024-07-25T10:00:07Z", "b")}) + "\n" +
                                    list({message("6", "2024-07-25T10:00:06Z", "a")}),
                                "teams");
    CHECK(test::texts_of(pages) == std::vector<std::string>{"a", "b"});
    // No channelIdentity and no chatId: the file's name, or its folder's for an export's `messages…` file.
    const std::string bare =
        R"j([{"id":"1","replyToId":null,"createdDateTime":"2024-07-25T10:00:00Z","body":{"contentType":"text","content":"x"}}])j";
    CHECK(only(run_kind(bare, "teams", "cases/inc-42/war-room.json")).channel == "war-room");
    CHECK(only(run_kind(bare, "teams", "cases/inc-42/war-room.json")).id == "teams:war-room/1");
    CHECK(only(run_kind(bare, "teams", "export/ops-team/messages_7c05.json")).channel == "ops-team");
    CHECK(only(run_kind(bare, "teams", "<stdin>")).channel == "teams");
}

TEST_CASE("teams damage: no time, a non-object, a bad time, truncated JSON, a Graph error", "[teams]") {
    const std::string no_time = R"j({"id":"2","replyToId":null,"messageType":"message","body":{"content":"lost"}})j";
    const std::string bad_time = R"j({"id":"3","replyToId":null,"createdDateTime":"yesterday","body":{"content":"?"}})j";
    const auto run = run_kind("[\n" + message("1", "2024-07-25T10:00:01Z", "first") + ",\n" + no_time + ",\n42,\n" +
                                  bad_time + ",\n" + message("4", "2024-07-25T10:00:04Z", "last") + "\n]",
                              "teams");
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "in.json:3:1: warning: message 2 has no createdDateTime; not emitted [teams.no-time]",
              "in.json:4:1: error: message is not a JSON object [teams.bad-message]",
              "in.json:5:28: error: message 3: createdDateTime `yesterday` is not an ISO 8601 time with an offset; not "
              "emitted [teams.bad-time]",
          });
    CHECK(test::texts_of(run) == std::vector<std::string>{"first", "last"});
    CHECK(run.dropped == std::map<std::string, std::uint64_t, std::less<>>{{"teams: message without a time", 1},
                                                                           {"teams: not a message", 1},
                                                                           {"teams: unreadable time", 1}});

    // A download cut short: the whole messages before the cut are read, the cut is an error.
    const std::string full = list({message("1", "2024-07-25T10:00:01Z", "kept"), message("2", "2024-07-25T10:00:02Z", "cut")});
    const auto truncated = run_kind(full.substr(0, full.rfind("cut") + 2), "teams");
    CHECK(test::texts_of(truncated) == std::vector<std::string>{"kept"});
    REQUIRE(truncated.diagnostics.size() == 1);
    CHECK(truncated.diagnostics[0].starts_with("in.json:3:"));
    CHECK(truncated.diagnostics[0].ends_with("[teams.bad-json]"));
    CHECK(truncated.dropped.at("teams: invalid JSON") == 1);
    // Garbage is one error and no event.
    const auto garbage = run_kind("{\"value\": nope", "teams");
    CHECK(garbage.events.empty());
    REQUIRE(garbage.diagnostics.size() == 1);
    CHECK(garbage.diagnostics[0].ends_with("[teams.bad-json]"));

    const auto denied = run_kind(R"j({"error":{"code":"Forbidden","message":"Missing role permissions"}})j", "teams");
    CHECK(denied.diagnostics == std::vector<std::string>{"in.json:1:2: error: Microsoft Graph answered with an error: "
                                                         "Forbidden: Missing role permissions [teams.api-error]"});
}

TEST_CASE("teams detection: Graph lists, arrays and single messages, never Slack or alerts", "[teams]") {
    auto score = [](std::string_view head) { return find_ingester("teams")->detect(Probe{"in.json", head, nullptr}); };
    CHECK(score(list({message("1", "2024-07-25T10:00:00Z", "x")})) == 95);
    CHECK(score("[" + message("1", "2024-07-25T10:00:00Z", "x") + "]") == 90);
    CHECK(score(message("1", "2024-07-25T10:00:00Z", "x")) == 90);
    // A first record the head cuts off: the members only Graph messages have.
    const std::string big = "[" + message("1", "2024-07-25T10:00:00Z", std::string(70 * 1024, 'x'));
    CHECK(score(std::string_view(big).substr(0, 64 * 1024)) == 60);
    CHECK(score(R"j({"ok":true,"messages":[{"type":"message","ts":"1.2","text":"hi"}]})j") == 0);
    CHECK(score(R"j([{"type":"message","ts":"1.2","text":"hi","user":"U1"}])j") == 0);
    CHECK(score(R"j({"value":[{"id":"1","name":"not a message"}]})j") == 0);
    CHECK(score("") == 0);
}
