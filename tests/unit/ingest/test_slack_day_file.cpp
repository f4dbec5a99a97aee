// The Slack day-file parser: bytes → events and exact diagnostics (input-formats.md §1.3–1.8, §2e).
#include <catch2/catch.hpp>

#include <set>

#include <fmt/format.h>

#include "ingest/slack/day_file.hpp"
#include "ingest/slack/slack_ts.hpp"
#include "retro/event_json.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::ingest::slack;

namespace {

const char* const users_json = R"~([
 {"id":"U1","name":"rachel.c","real_name":"Rachel Cooper","profile":{"real_name":"Rachel Cooper","display_name":"Rachel","email":"r.cooper@example.org"}},
 {"id":"U2","name":"nina","real_name":"","profile":{"real_name":"","display_name":""}},
 {"id":"U3","name":"sb","profile":{"real_name":"Sam Brown","display_name":""}}
])~";

struct Run {
    std::vector<Event> events;
    std::vector<std::string> diagnostics;
};

Run parse(std::string_view day, std::string workspace = "wellcome", People people = {}) {
    Diagnostics diags = test::quiet_diagnostics();
    Directory directory;
    REQUIRE(read_users(users_json, Origin{"users.json", 1, 1}, diags, directory));
    MessageConverter converter(directory, people, "slack", {{"C01FBFSDLUA", "wc-digital-platform"}});
    converter.set_workspace(std::move(workspace));
    SeenMessages seen;
    Run run;
    parse_slack_day(day, Origin{"export.zip!/wc-digital-platform/2024-07-25.json", 1, 1},
                    ChannelRef{"C01FBFSDLUA", "wc-digital-platform"}, converter, seen, diags, run.events);
    run.diagnostics = test::texts(diags);
    return run;
}

Instant at(std::string_view ts) {
    return *parse_ts(ts);
}

}  // namespace

TEST_CASE("ts is two integers, never a double", "[slack][ts]") {
    CHECK(format_utc(at("1721903759.248609")) == "2024-07-25T10:35:59.248609Z");
    CHECK(format_utc(at("1433558319.000002")) == "2015-06-06T02:38:39.000002Z");
    CHECK(format_utc(at("1465534793")) == "2016-06-10T04:59:53.000000Z");
    CHECK(format_utc(at("1465534793.5")) == "2016-06-10T04:59:53.500000Z");
    CHECK_FALSE(parse_ts("1721903759.2486091"));
    CHECK_FALSE(parse_ts("17219x3759.248609"));
    CHECK_FALSE(parse_ts(""));
    CHECK_FALSE(parse_ts(".248609"));
    // Years past 9999 would write a time the event reader rejects (found by fuzz_slack).
    CHECK(format_utc(at("253402300799.999999")) == "9999-12-31T23:59:59.999999Z");
    CHECK_FALSE(parse_ts("253402300800"));
    CHECK_FALSE(parse_ts("344381342600.0001"));
}

TEST_CASE("permalinks follow Slack's shape, with thread_ts and cid for replies", "[slack][ts]") {
    CHECK(permalink("wellcome", "C01FBFSDLUA", "1721903759.248609", "") ==
          "https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609");
    CHECK(permalink("wellcome", "C01FBFSDLUA", "1721903759.248609", "1721903759.248609") ==
          "https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609");
    // The expectation of a public test suite (input-formats.md §1.8).
    CHECK(permalink("posthog", "C1", "1722000010.000200", "1721999999.123456") ==
          "https://posthog.slack.com/archives/C1/p1722000010000200?thread_ts=1721999999.123456&cid=C1");
    CHECK(permalink("acme.enterprise.slack.com", "C1", "1.000001", "") ==
          "https://acme.enterprise.slack.com/archives/C1/p1000001");
    CHECK(workspace_from_url("https://houstondatavis.slack.com/files/U061A1R2R/F0/x.png") == "houstondatavis");
    CHECK(workspace_from_url("https://files.slack.com/files-pri/T0-F0/x.png") == "");
    CHECK(find_workspace(R"~({"permalink":"https:\/\/acme.slack.com\/files\/U1\/F1\/a.txt"})~") == "acme");
    CHECK(find_workspace(R"~({"url_private":"https://files.slack.com/files-pri/T/x"})~") == "");
}

TEST_CASE("a human message: actor from users.json, permalink, line, flags", "[slack][day]") {
    Run run = parse(R"~([
  {"type": "message", "user": "U1", "text": "<!subteam^S1|@weco_devs> starting a chat here; Logging in is down",
   "ts": "1721903759.248609", "edited": {"user": "U1", "ts": "1721903800.000000"},
   "reactions": [{"name": "eyes", "users": ["U2"], "count": 1}, {"name": "pushpin", "users": ["U3"], "count": 1}],
   "pinned_to": ["C01FBFSDLUA"]}
])~");
    REQUIRE(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    Event expected;
    expected.id = "slack:C01FBFSDLUA/1721903759.248609";
    expected.time = at("1721903759.248609");
    expected.time_raw = "1721903759.248609";
    expected.kind = EventKind::message;
    expected.source = SourceRef{"slack", "", Medium::chat, "export.zip!/wc-digital-platform/2024-07-25.json", 2};
    expected.channel = "wc-digital-platform";
    expected.actor = Actor{"U1", "Rachel", "RC", "r.cooper@example.org"};
    expected.text = "@weco_devs starting a chat here; Logging in is down";
    expected.spans = {Span{0, 10, SpanType::mention, {}}};
    expected.links = {"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609"};
    expected.flags = Flags{{"eyes", "pushpin"}, true, true, false};
    CHECK(run.events[0] == expected);
}

TEST_CASE("names: display name, else real name, else handle, [people] overrides", "[slack][day]") {
    const char* day = R"~([
{"type":"message","user":"U2","text":"a","ts":"1721900000.000001"},
{"type":"message","user":"U3","text":"b","ts":"1721900000.000002"},
{"type":"message","user":"U9","text":"c","ts":"1721900000.000003",
 "user_profile":{"real_name":"Ann Green","display_name":"","name":"ag"}},
{"type":"message","user":"U8","text":"d","ts":"1721900000.000004"}
])~";
    Run plain = parse(day);
    REQUIRE(plain.events.size() == 4);
    CHECK(plain.events[0].actor == Actor{"U2", "nina", "N", ""});
    CHECK(plain.events[1].actor == Actor{"U3", "Sam Brown", "SB", ""});
    CHECK(plain.events[2].actor == Actor{"U9", "Ann Green", "AG", ""});
    CHECK(plain.events[3].actor == Actor{"U8", "", "", ""});
    CHECK(plain.events[0].source.line == 2);
    CHECK(plain.events[2].source.line == 4);

    People people;
    people.add("U2", Person{"Nina Patel", "NP"});
    people.add("Sam Brown", Person{"Sam B.", ""});
    Run mapped = parse(day, "wellcome", people);
    CHECK(mapped.events[0].actor == Actor{"U2", "Nina Patel", "NP", ""});
    CHECK(mapped.events[1].actor == Actor{"U3", "Sam B.", "SB", ""});
}

TEST_CASE("threads: replies link to their parent, a reply listed twice is one event", "[slack][day]") {
    Run run = parse(R"~([
{"type":"message","user":"U1","text":"parent","ts":"1721903000.000100","thread_ts":"1721903000.000100","reply_count":1},
{"type":"message","user":"U3","text":"reply","ts":"1721903100.000200","thread_ts":"1721903000.000100","parent_user_id":"U1"},
{"type":"message","subtype":"thread_broadcast","user":"U3","text":"reply","ts":"1721903100.000200","thread_ts":"1721903000.000100"}
])~");
    REQUIRE(run.events.size() == 2);
    CHECK(run.events[0].thread == "1721903000.000100");
    CHECK(run.events[0].links ==
          std::vector<std::string>{"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903000000100"});
    CHECK(run.events[1].thread == "1721903000.000100");
    CHECK(run.events[1].links ==
          std::vector<std::string>{"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903100000200"
                                   "?thread_ts=1721903000.000100&cid=C01FBFSDLUA"});
}

TEST_CASE("a message is read once per (ts, user, text): one ts with another text is another message", "[slack][day]") {
    Run run = parse(R"~([
{"type":"message","user":"U1","text":"first","ts":"1721903000.000100"},
{"type":"message","user":"U1","text":"first","ts":"1721903000.000100"},
{"type":"message","user":"U1","text":"second","ts":"1721903000.000100"},
{"type":"message","user":"U3","text":"first","ts":"1721903000.000100"},
{"type":"message","user":"U1","text":"first","ts":1721903000.0001}
])~");
    REQUIRE(run.events.size() == 3);
    CHECK(run.events[0].text == "first");
    CHECK(run.events[1].text == "second");
    CHECK(run.events[2].actor.id == "U3");
    CHECK(run.diagnostics.empty());
}

TEST_CASE("ts and thread_ts written as JSON numbers are read as their text", "[slack][day]") {
    Run run = parse(R"~([
{"type":"message","user":"U1","text":"x","ts":1721903000.5,"thread_ts":1721902000},
{"type":"message","user":"U1","text":"y","ts":1721903001,"thread_ts":1721902000.25}
])~");
    REQUIRE(run.events.size() == 2);
    CHECK(run.events[0].id == "slack:C01FBFSDLUA/1721903000.500000");
    CHECK(run.events[0].time_raw == "1721903000.500000");
    CHECK(run.events[0].thread == "1721902000");
    CHECK(run.events[1].id == "slack:C01FBFSDLUA/1721903001");
    CHECK(run.events[1].thread == "1721902000.250000");
}

TEST_CASE("no workspace: no links, channel and ts kept", "[slack][day]") {
    Run run = parse(R"~([{"type":"message","user":"U1","text":"x","ts":"1721903759.248609"}])~", "");
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].links.empty());
    CHECK(run.events[0].id == "slack:C01FBFSDLUA/1721903759.248609");
}

TEST_CASE("a bot post whose attachments carry four alarms gives four alert events", "[slack][alerts]") {
    Run run = parse(R"~([{"type":"message","subtype":"bot_message","bot_id":"B1","username":"platform-alarms","text":"",
  "ts":"1721902450.000100","attachments":[
   {"fallback":"sierra-reader-orders","title":"platform-lambda-error-alarm: sierra-reader-orders","color":"danger",
    "fields":[{"title":"Status","value":"ALARM","short":true},{"title":"Region","value":"eu-west-1","short":true}]},
   {"fallback":"sierra-reader-holdings","title":"platform-lambda-error-alarm: sierra-reader-holdings","color":"danger",
    "fields":[{"title":"Status","value":"ALARM","short":true}]},
   {"title":"platform-lambda-error-alarm: sierra-reader-items","color":"danger"},
   {"title":"platform-lambda-error-alarm: sierra-reader-bibs","color":"good"}]}])~");
    REQUIRE(run.diagnostics.empty());
    REQUIRE(run.events.size() == 4);
    const Event& first = run.events[0];
    CHECK(first.id == "slack:C01FBFSDLUA/1721902450.000100#1");
    CHECK(first.record == "slack:C01FBFSDLUA/1721902450.000100");
    CHECK(first.kind == EventKind::alert);
    CHECK(first.actor == Actor{"B1", "platform-alarms", "", ""});
    CHECK(first.flags.bot);
    CHECK(first.text == "platform-lambda-error-alarm: sierra-reader-orders\nStatus: ALARM\nRegion: eu-west-1");
    CHECK(first.alert == AlertInfo{"platform-lambda-error-alarm: sierra-reader-orders", "", "firing", "", ""});
    CHECK(first.source.vendor == "cloudwatch");
    CHECK(run.events[3].id == "slack:C01FBFSDLUA/1721902450.000100#4");
    CHECK(run.events[3].alert->state == "resolved");
    CHECK(run.events[2].alert->key == "platform-lambda-error-alarm: sierra-reader-items");
    CHECK(run.events[2].text == "platform-lambda-error-alarm: sierra-reader-items");
}

TEST_CASE("alert shapes posted into Slack", "[slack][alerts]") {
    struct Case {
        std::string message;
        std::string key, state, vendor;
    };
    const std::vector<Case> cases{
        // AWS Chatbot: the title names the alarm, the state is in the text.
        {R"~({"type":"message","subtype":"bot_message","bot_id":"B2","text":"","ts":"1.000001","attachments":[
            {"title":"CloudWatch Alarm | identity-api-prod-5xx-alarm | eu-west-1 | Account: 1","color":"danger",
             "text":"Threshold crossed"}]})~",
         "identity-api-prod-5xx-alarm", "firing", "cloudwatch"},
        // SNS subject form in the text of a bot post.
        {R"~({"type":"message","bot_id":"B3","text":"OK: \"catalogue-api-5xx\" in EU (Ireland)","ts":"1.000002"})~",
         "catalogue-api-5xx", "resolved", "cloudwatch"},
        // Alertmanager's default Slack title.
        {R"~({"type":"message","subtype":"bot_message","bot_id":"B4","text":"","ts":"1.000003","attachments":[
            {"title":"[FIRING:1] HighLatency (api prod)","fallback":"[FIRING:1] HighLatency"}]})~",
         "HighLatency", "firing", "alertmanager"},
        {R"~({"type":"message","subtype":"bot_message","bot_id":"B5","text":"","ts":"1.000004","attachments":[
            {"title":"[OK] Disk full","color":"good"}]})~",
         "Disk full", "resolved", "grafana"},
        // PagerDuty app wording (real payload shape, a-harrison/slackduty).
        {R"~({"text":"","bot_id":"B52HQJQEM","type":"message","subtype":"bot_message","ts":"1492927035.812771",
            "attachments":[{"text":"An incident has been triggered.","title":"Triggered: Production XDB Cluster",
            "id":1,"ts":2016,"color":"FF0000","fallback":"Incident Triggered"}]})~",
         "Production XDB Cluster", "firing", ""},
        // An uptime monitor's posts, as updown writes them in the Wellcome channels: named by the check.
        {R"~({"type":"message","subtype":"bot_message","bot_id":"B6","username":"updown.io","ts":"1.000006",
            "text":":x: Updown alert DOWN: Works API Search (<https://updown.io/817c>) is down: 502 Bad Gateway"})~",
         "Works API Search", "firing", "updown"},
        {R"~({"type":"message","subtype":"bot_message","bot_id":"B6","username":"updown.io","ts":"1.000007",
            "text":":white_check_mark: Updown alert UP: Front End Works Search (Origin) (<https://updown.io/34bb>) recovered after 7 minutes down"})~",
         "Front End Works Search (Origin)", "resolved", "updown"},
        {R"~({"type":"message","subtype":"bot_message","bot_id":"B6","ts":"1.000008",
            "text":"Pingdom alert DOWN for: Checkout page"})~",
         "Checkout page", "firing", "pingdom"},
    };
    for (const Case& c : cases) {
        INFO(c.message);
        Run run = parse("[" + c.message + "]");
        REQUIRE(run.events.size() == 1);
        CHECK(run.events[0].kind == EventKind::alert);
        REQUIRE(run.events[0].alert);
        CHECK(run.events[0].alert->key == c.key);
        CHECK(run.events[0].alert->state == c.state);
        CHECK(run.events[0].source.vendor == c.vendor);
        CHECK(run.events[0].record.empty());
    }
    // A human writing "OK: done" is not an alert.
    Run human = parse(R"~([{"type":"message","user":"U1","text":"OK: \"done\" in prod","ts":"1.000005"}])~");
    CHECK(human.events.at(0).kind == EventKind::message);
    CHECK_FALSE(human.events.at(0).alert);
    // Nor is a person's "the alert went DOWN: …" in prose.
    Run prose = parse(R"~([{"type":"message","user":"U1","text":"so the alert DOWN: search","ts":"1.000009"}])~");
    CHECK_FALSE(prose.events.at(0).alert);
}

TEST_CASE("subtypes, files and empty text", "[slack][day]") {
    Run run = parse(R"~([
{"type":"message","subtype":"channel_join","user":"U3","text":"<@U3> has joined the channel","ts":"1721900000.000001"},
{"type":"message","user":"U1","text":"","ts":"1721900000.000002","files":[
  {"id":"F1","name":"kibana.png","title":"Kibana down","url_private":"https://files.slack.com/files-pri/T-F1/kibana.png?t=xoxe-secret",
   "permalink":"https://wellcome.slack.com/files/U1/F1/kibana.png"}]},
{"type":"message","user":"U1","text":"","ts":"1721900000.000003","blocks":[{"type":"rich_text","elements":[
  {"type":"rich_text_section","elements":[{"type":"text","text":"from blocks < raw"}]}]}]},
{"type":"message","subtype":"message_deleted","ts":"1721900000.000004","deleted_ts":"1721900000.000002"},
{"type":"message","subtype":"message_changed","ts":"1721900000.000005","message":{"type":"message","user":"U1",
  "text":"BBB","ts":"1721900000.000002","edited":{"user":"U1","ts":"1721900000.000005"}}},
{"type":"message","subtype":"message_replied","ts":"1721900000.000006","hidden":true,"message":{"type":"message",
  "user":"U3","text":"parent","ts":"1721900000.000007","thread_ts":"1721900000.000007","reply_count":1}}
])~");
    REQUIRE(run.diagnostics.empty());
    // The message_changed repeats ts .000002 with another text: a different record, so it is read too (the
    // collector keeps both, the later by content hash renamed `#dup-…`: issue 15 item 6).
    REQUIRE(run.events.size() == 5);
    CHECK(run.events[0].text == "@Sam Brown has joined the channel");
    CHECK(run.events[0].flags.system == SystemMessage::membership);
    for (std::size_t i = 1; i < run.events.size(); ++i) CHECK(run.events[i].flags.system == SystemMessage::none);
    for (const Event& e : run.events) CHECK(e.source.medium == Medium::chat);
    CHECK(run.events[3].id == "slack:C01FBFSDLUA/1721900000.000002");
    CHECK(run.events[3].text == "BBB");
    CHECK(run.events[3].flags.edited);
    CHECK(run.events[4].id == "slack:C01FBFSDLUA/1721900000.000007");
    CHECK(run.events[4].actor.name == "Sam Brown");
    CHECK_FALSE(run.events[4].flags.edited);
    CHECK(run.events[1].text == "file: Kibana down (kibana.png)");
    // The title is an attachment span carrying the file's https permalink, never the token-bearing url_private.
    CHECK(run.events[1].spans ==
          std::vector<Span>{{6, 17, SpanType::attachment, "https://wellcome.slack.com/files/U1/F1/kibana.png"}});
    CHECK(run.events[2].text == "from blocks < raw");
    for (const Event& e : run.events) CHECK(to_json_line(e).find("xoxe") == std::string::npos);
}

TEST_CASE("system messages are told by their subtype, not their text", "[slack][day]") {
    struct Row {
        const char* subtype;
        SystemMessage system;
    };
    const std::vector<Row> rows = {
        {"channel_join", SystemMessage::membership},  {"channel_leave", SystemMessage::membership},
        {"group_join", SystemMessage::membership},    {"channel_topic", SystemMessage::topic},
        {"channel_purpose", SystemMessage::topic},    {"channel_name", SystemMessage::topic},
        {"group_topic", SystemMessage::topic},        {"channel_archive", SystemMessage::other},
        {"pinned_item", SystemMessage::other},        {"bot_add", SystemMessage::other},
        {"file_share", SystemMessage::none},          {"thread_broadcast", SystemMessage::none},
        {"me_message", SystemMessage::none},          {"", SystemMessage::none},
    };
    for (const Row& row : rows) {
        INFO(row.subtype);
        // Slack writes system text in the workspace's language: the text plays no part.
        Run run = parse(fmt::format(R"~([{{"type":"message","subtype":"{}","user":"U3","text":"<@U3> a rejoint le canal","ts":"1721900000.000001"}}])~",
                                    row.subtype));
        REQUIRE(run.events.size() == 1);
        CHECK(run.events[0].flags.system == row.system);
    }
}

TEST_CASE("damaged messages are diagnostics and the rest goes on", "[slack][day]") {
    Run run = parse(R"~([
  {"type": "message", "user": "U1", "text": "a", "ts": "1721903759.248609"},
  {"type": "message", "user": "U1", "text": "b",
   "ts": "17219O3759.248609"},
  {"type": "message", "user": "U1", "text": "c"},
  "stray",
  {"type": "message", "user": "U1", "text": "d", "ts": "1721903760.000001"}
])~");
    CHECK(run.events.size() == 2);
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "export.zip!/wc-digital-platform/2024-07-25.json:4:4: error: message ts \"17219O3759.248609\" is not a "
              "Slack "
              "timestamp [slack.bad-ts]",
              "export.zip!/wc-digital-platform/2024-07-25.json:5:3: error: message has no ts [slack.bad-ts]",
              "export.zip!/wc-digital-platform/2024-07-25.json:6:3: error: message is not a JSON object "
              "[slack.bad-message]",
          });
}

TEST_CASE("a corrupt message is one diagnostic naming the entry, the messages beside it are read", "[slack][day]") {
    Run run = parse("[\n  {\"type\": \"message\", \"ts\": \"1.000001\"},\n  {\"type\": \"message\" \"ts\": 2}\n]");
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].time_raw == "1.000001");
    REQUIRE(run.diagnostics.size() == 1);
    CHECK(run.diagnostics[0].starts_with("export.zip!/wc-digital-platform/2024-07-25.json:3:"));
    CHECK(run.diagnostics[0].ends_with("[slack.bad-json]"));

    Run object = parse("{\"messages\": []}");
    CHECK(object.diagnostics ==
          std::vector<std::string>{
              "export.zip!/wc-digital-platform/2024-07-25.json:1:1: error: day file is not a JSON array of messages "
              "[slack.bad-day-file]"});
}

TEST_CASE("element ranges find each message's line and column", "[slack][day]") {
    std::string_view text = "[\n {\"a\": \"x,]}\"},\n  [1, 2], 3 ,\"s\\\"]\" ]";
    auto ranges = array_element_ranges(text, 0);
    REQUIRE(ranges.size() == 4);
    CHECK(text.substr(ranges[0].start, 13) == "{\"a\": \"x,]}\"}");
    CHECK(ranges[0].line == 2);
    CHECK(ranges[0].column == 2);
    CHECK(text.substr(ranges[1].start, 6) == "[1, 2]");
    CHECK(ranges[1].line == 3);
    CHECK(ranges[1].column == 3);
    CHECK(text.substr(ranges[2].start, 1) == "3");
    CHECK(text.substr(ranges[3].start, 6) == "\"s\\\"]\"");
}

TEST_CASE("element lines and columns hold across long elements and many lines", "[slack][day]") {
    // Elements of every length up to past 255 sixteen-byte blocks, with newlines at every offset a block can
    // hold them: each start's line and column is checked against a byte-by-byte count.
    std::string text = "[";
    for (int i = 0; i < 60; ++i) {
        text += "\n" + std::string(static_cast<std::size_t>(i % 5), ' ') + "{\"t\": \"";
        for (int j = 0; j < i * 97; ++j) text += j % (i + 3) == 0 ? "\\n" : "x";
        text += "\",\n\"u\": [\n" + std::string(static_cast<std::size_t>(i * 13), '\n') + "]}";
        if (i < 59) text += ",";
    }
    text += "\n]";
    json::DomParser parser;
    Diagnostics diags = test::quiet_diagnostics();
    REQUIRE(parser.parse(text, Origin{"t.json", 1, 1}, diags, "slack.bad-json"));
    auto indexed = ingest::slack::array_element_ranges(text, parser.structurals());
    REQUIRE(indexed);
    REQUIRE(indexed->size() == 60);
    for (const auto& range : *indexed) {
        const std::string_view before = std::string_view(text).substr(0, range.start);
        const std::size_t line_start = before.rfind('\n') + 1;
        CHECK(range.line == 1 + static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n')));
        CHECK(range.column == range.start - line_start + 1);
        CHECK(text[range.start] == '{');
    }
}

TEST_CASE("element positions from the parser's structural index match the string-aware scan", "[slack][day]") {
    const std::vector<std::string> texts = {
        "[]",
        "[ ]",
        "[1]",
        "[\n  {\"a\": \"x,]}\"},\n  {\"b\": [1, {\"c\": \"\\\"]\"}]},\n\n    \"s\", 2, null, true\n]\n",
        "[{\"t\":\"\\\\\"},{\"u\":[[],{}]}]",
        "[\n    {\n        \"text\": \"caf\xc3\xa9 [ok]\",\n        \"ts\": \"1.2\"\n    },\n    {\n    }\n]",
        // Elements that are arrays, nested and closing straight back to the array's level.
        "[[[1]], [2, [3, [4]]], [[]], \"x\", {\"a\": [[{}]]}, [[[[]]]]]",
    };
    json::DomParser parser;
    for (const std::string& text : texts) {
        Diagnostics diags = test::quiet_diagnostics();
        REQUIRE(parser.parse(text, Origin{"t.json", 1, 1}, diags, "slack.bad-json"));
        auto indexed = ingest::slack::array_element_ranges(text, parser.structurals());
        REQUIRE(indexed);
        auto scanned = ingest::slack::array_element_ranges(text, 0);
        REQUIRE(indexed->size() == scanned.size());
        for (std::size_t i = 0; i < scanned.size(); ++i) {
            CHECK((*indexed)[i].start == scanned[i].start);
            CHECK((*indexed)[i].end == scanned[i].end);
            CHECK((*indexed)[i].line == scanned[i].line);
            CHECK((*indexed)[i].column == scanned[i].column);
        }
    }
    // A byte-order mark: when the index does not start at the `[`, the scan is used instead.
    const std::string bom = "\xEF\xBB\xBF[1, 2]";
    Diagnostics diags = test::quiet_diagnostics();
    if (parser.parse(bom, Origin{"t.json", 1, 1}, diags, "slack.bad-json"))
        if (auto indexed = ingest::slack::array_element_ranges(bom, parser.structurals())) {
            REQUIRE(indexed->size() == 2);
            CHECK((*indexed)[0].start == 4);
            CHECK((*indexed)[1].start == 7);
        }
}

TEST_CASE("content after the day's array is an error, not passed over by the per-message salvage", "[slack][day]") {
    // Two arrays back to back: the whole file is refused with its position, never half read in silence.
    Run joined = parse("[{\"type\": \"message\", \"ts\": \"1.000001\"}]\n[{\"type\": \"message\", \"ts\": \"2.000001\"}]");
    REQUIRE(joined.diagnostics.size() == 1);
    CHECK(joined.diagnostics[0].starts_with("export.zip!/wc-digital-platform/2024-07-25.json:"));
    CHECK(joined.diagnostics[0].ends_with("[slack.bad-json]"));
    // Trailing white space is fine.
    Run spaced = parse("[{\"type\": \"message\", \"ts\": \"1.000001\"}]\n \n");
    CHECK(spaced.diagnostics.empty());
    CHECK(spaced.events.size() == 1);
}

TEST_CASE("a CI robot's post of a build is a change, a person's post of the same link is not", "[slack][changes]") {
    Run run = parse(R"~([
 {"type":"message","subtype":"bot_message","bot_id":"B01BUILDK01","username":"Buildkite","ts":"1623159885.234044",
  "text":"experience-deploy-prod build #110 passed (main): <https://buildkite.com/wellcomecollection/experience-deploy-prod/builds/110>"},
 {"type":"message","user":"U1","ts":"1623159900.000100",
  "text":"passed: <https://buildkite.com/wellcomecollection/experience-deploy-prod/builds/110>"}])~");
    REQUIRE(run.diagnostics.empty());
    REQUIRE(run.events.size() == 2);
    const Event& post = run.events[0];
    CHECK(post.kind == EventKind::change);
    CHECK(post.flags.bot);
    REQUIRE(post.change);
    CHECK(post.change->system == "buildkite");
    CHECK(post.change->repo == "experience-deploy-prod");
    CHECK(post.change->number == 110);
    CHECK(post.change->action == ChangeAction::deployed);
    CHECK(post.change->url == "https://buildkite.com/wellcomecollection/experience-deploy-prod/builds/110");
    CHECK(post.id == "slack:C01FBFSDLUA/1623159885.234044");  // the post's own id: one record, one event
    CHECK(run.events[1].kind == EventKind::message);
}
