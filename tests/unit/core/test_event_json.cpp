#include <catch2/catch.hpp>

#include "retro/event_json.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

Event full_event() {
    Event e;
    e.id = "slack:C01FBFSDLUA/1721903759.248609#1";
    e.record = "slack:C01FBFSDLUA/1721903759.248609";
    e.time = *parse_iso8601("2024-07-25T10:35:59.248609Z");
    e.time_raw = "1721903759.248609";
    e.precision = Precision::exact;
    e.kind = EventKind::alert;
    e.source = {"slack", "cloudwatch", Medium::chat, "export.zip!/wc-platform-alerts/2024-07-25.json", 14};
    e.channel = "wc-platform-alerts";
    e.actor = {"B01", "AWS Chatbot", "", ""};
    e.text = "ALARM: `x` <b>";
    e.spans = {{7, 10, SpanType::code, ""}};
    e.alert = AlertInfo{"platform-lambda-error-alarm", "", "firing", "", ""};
    e.thread = "1721903759.248609";
    e.links = {"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609"};
    e.flags.pinned = true;
    e.flags.reactions = {"pushpin"};
    e.flags.bot = true;
    e.provenance.ensure().tz_assumed = "UTC";
    return e;
}

}  // namespace

TEST_CASE("events are written with DESIGN.md's key order, absent fields omitted") {
    Event e;
    e.id = "retro:seed.md#L37";
    e.time = *parse_iso8601("2024-07-25T10:36:00Z");
    e.precision = Precision::minute;
    e.kind = EventKind::note;
    e.source.kind = "retro";
    e.source.medium = Medium::document;
    e.text = "RC reported";
    CHECK(to_json_line(e) ==
          R"({"schema":"retro.event/1","id":"retro:seed.md#L37","time":"2024-07-25T10:36:00.000000Z",)"
          R"("precision":"minute","kind":"note","source":{"kind":"retro","medium":"document"},"text":"RC reported"})"
          "\n");
    CHECK(to_json_line(full_event()) ==
          R"({"schema":"retro.event/1","id":"slack:C01FBFSDLUA/1721903759.248609#1",)"
          R"("record":"slack:C01FBFSDLUA/1721903759.248609","time":"2024-07-25T10:35:59.248609Z",)"
          R"("time_raw":"1721903759.248609","precision":"exact","kind":"alert","source":{"kind":"slack",)"
          R"("vendor":"cloudwatch","medium":"chat","origin":"export.zip!/wc-platform-alerts/2024-07-25.json","line":14},)"
          R"("channel":"wc-platform-alerts","actor":{"id":"B01","name":"AWS Chatbot"},"text":"ALARM: `x` <b>",)"
          R"("spans":[{"start":7,"end":10,"type":"code"}],"alert":{"key":"platform-lambda-error-alarm",)"
          R"("state":"firing"},"thread":"1721903759.248609",)"
          R"("links":["https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609"],)"
          R"("flags":{"pinned":true,"reactions":["pushpin"],"bot":true},"provenance":{"tz_assumed":"UTC"}})"
          "\n");
}

TEST_CASE("reading a written event gives the same event back") {
    Event join = full_event();
    join.kind = EventKind::message;
    join.alert.reset();
    join.text = "@Ann a rejoint le canal";
    join.spans.clear();
    join.flags.system = SystemMessage::membership;
    for (const Event& e : {full_event(), join}) {
        const std::string line = to_json_line(e);
        auto diags = test::quiet_diagnostics();
        Event back;
        REQUIRE(read_event_json(line, {"x.ndjson", 1, 1}, diags, back));
        CHECK(back == e);
        CHECK(to_json_line(back) == line);
    }
    CHECK(to_json_line(join).find(R"("flags":{"pinned":true,"reactions":["pushpin"],"bot":true,"system":"membership"})") !=
          std::string::npos);
}

TEST_CASE("events read from one file share one copy of its name, bad bytes and all") {
    auto diags = test::quiet_diagnostics();
    std::vector<Event> read(4);
    Event e = full_event();
    for (std::size_t i = 0; i < read.size(); ++i) {
        e.id = "slack:C1/" + std::to_string(i);
        e.source.origin = i < 2 ? "export.zip!/general/2024-07-01.json" : "mail/caf\xe9.mbox";
        REQUIRE(read_event_json(to_json_line(e), {"x.ndjson", 1, 1}, diags, read[i]));
    }
    CHECK(read[0].source.origin == "export.zip!/general/2024-07-01.json");
    CHECK(read[1].source.origin.shares(read[0].source.origin));
    CHECK(read[2].source.origin == "mail/caf\xef\xbf\xbd.mbox");
    CHECK(read[3].source.origin.shares(read[2].source.origin));
    CHECK(test::texts(diags).empty());
}

TEST_CASE("an event's keys read the same in any order, the first of a repeated key counting, null as absent") {
    // The members of full_event() backwards, a repeated "channel" after the first, a null "thread" ahead of
    // the real one (the null comes first, so the event has no thread).
    Event expected = full_event();
    expected.thread.clear();
    auto diags = test::quiet_diagnostics();
    const std::string shuffled =
        R"({"thread":null,"provenance":{"tz_assumed":"UTC"},"flags":{"bot":true,"reactions":["pushpin"],"pinned":true},)"
        R"("links":["https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609"],"thread":"1721903759.248609",)"
        R"("alert":{"state":"firing","key":"platform-lambda-error-alarm"},"spans":[{"type":"code","end":10,"start":7}],)"
        R"("text":"ALARM: `x` <b>","actor":{"name":"AWS Chatbot","id":"B01"},"channel":"wc-platform-alerts",)"
        R"("channel":"other","source":{"line":14,"origin":"export.zip!/wc-platform-alerts/2024-07-25.json",)"
        R"("medium":"chat","vendor":"cloudwatch","kind":"slack"},"kind":"alert","precision":"exact",)"
        R"("time_raw":"1721903759.248609","time":"2024-07-25T10:35:59.248609Z",)"
        R"("record":"slack:C01FBFSDLUA/1721903759.248609","id":"slack:C01FBFSDLUA/1721903759.248609#1",)"
        R"("schema":"retro.event/1"})";
    Event back;
    REQUIRE(read_event_json(shuffled, {"x.ndjson", 1, 1}, diags, back));
    CHECK(back == expected);
}

TEST_CASE("a change record's change and repeat parts are written in DESIGN.md's order and read back") {
    Event e;
    e.id = "github:wellcomecollection/wellcomecollection.org/pull/6583";
    e.time = *parse_iso8601("2021-06-08T17:21:04Z");
    e.time_raw = "2021-06-08T17:21:04Z";
    e.kind = EventKind::change;
    e.source = {"github", "", Medium::change, "prs.json", 3};
    e.actor = {"gestchild", "", "", ""};
    e.text = "merged #6583 Cardigan";
    e.links = {"https://github.com/wellcomecollection/wellcomecollection.org/pull/6583"};
    e.change = ChangeInfo{"github", "wellcomecollection/wellcomecollection.org", "main", 6583, ChangeAction::merged,
                          "", "", "https://github.com/wellcomecollection/wellcomecollection.org/pull/6583"};
    e.repeat = Repeat{324, *parse_iso8601("2021-06-08T18:00:00Z")};
    const std::string line = to_json_line(e);
    CHECK(line ==
          R"({"schema":"retro.event/1","id":"github:wellcomecollection/wellcomecollection.org/pull/6583",)"
          R"("time":"2021-06-08T17:21:04.000000Z","time_raw":"2021-06-08T17:21:04Z","precision":"exact","kind":"change",)"
          R"("source":{"kind":"github","medium":"change","origin":"prs.json","line":3},"actor":{"id":"gestchild"},)"
          R"("text":"merged #6583 Cardigan","links":["https://github.com/wellcomecollection/wellcomecollection.org/pull/6583"],)"
          R"("change":{"system":"github","repo":"wellcomecollection/wellcomecollection.org","ref":"main","number":6583,)"
          R"("action":"merged","url":"https://github.com/wellcomecollection/wellcomecollection.org/pull/6583"},)"
          R"("repeat":{"count":324,"last":"2021-06-08T18:00:00.000000Z"}})"
          "\n");
    for (auto action : {ChangeAction::deploy_started, ChangeAction::rolled_back, ChangeAction::run_failed}) {
        e.change->action = action;
        auto diags = test::quiet_diagnostics();
        Event back;
        REQUIRE(read_event_json(to_json_line(e), {"x.ndjson", 1, 1}, diags, back));
        CHECK(back == e);
        CHECK(test::texts(diags).empty());
    }
    CHECK(to_string(ChangeAction::deploy_started) == "deploy-started");
    CHECK(parse_change_action("rolled-back") == ChangeAction::rolled_back);
    CHECK_FALSE(parse_change_action("released"));
}

TEST_CASE("a stream older than source.medium and flags.system gets both from what it tells") {
    struct Row {
        std::string source, kind, text;
        Medium medium;
        SystemMessage system;
    };
    const std::vector<Row> rows = {
        {R"({"kind":"slack"})", "message", "@Ann has joined the channel", Medium::chat, SystemMessage::membership},
        {R"({"kind":"slackdump"})", "message", "@Ann has left #incident", Medium::chat, SystemMessage::membership},
        {R"({"kind":"slack-api"})", "message", "@Ann set the channel topic: login", Medium::chat, SystemMessage::topic},
        {R"({"kind":"slack"})", "message", "@Ann renamed the channel from incident to inc-42", Medium::chat,
         SystemMessage::topic},
        {R"({"kind":"slack"})", "message", "who has joined the channel?", Medium::chat, SystemMessage::none},
        {R"({"kind":"slack","vendor":"cloudwatch"})", "alert", "ALARM: api", Medium::chat, SystemMessage::none},
        {R"({"kind":"cloudwatch","vendor":"cloudwatch"})", "alert", "@x has joined the channel", Medium::alerting,
         SystemMessage::none},
        {R"({"kind":"statuspage","vendor":"statuspage"})", "status", "Investigating", Medium::alerting,
         SystemMessage::none},
        {R"({"kind":"mbox"})", "status", "Investigating", Medium::mail, SystemMessage::none},
        {R"({"kind":"maildir"})", "email", "hello", Medium::mail, SystemMessage::none},
        {R"({"kind":"notes"})", "note", "@Ann has joined the channel", Medium::document, SystemMessage::none},
        {R"({"kind":"retro"})", "note", "RC reported", Medium::document, SystemMessage::none},
        {R"({"kind":"json-map"})", "alert", "deploy", Medium::alerting, SystemMessage::none},
        // A kind older streams never carried: its event kind tells.
        {R"({"kind":"other-tool"})", "message", "hi", Medium::chat, SystemMessage::none},
        {R"({"kind":"other-tool"})", "email", "hi", Medium::mail, SystemMessage::none},
        {R"({"kind":"other-tool"})", "note", "hi", Medium::document, SystemMessage::none},
        {R"({"kind":"other-tool"})", "alert", "hi", Medium::alerting, SystemMessage::none},
        // A stream that names its medium is taken at its word: no system flag, no system message.
        {R"({"kind":"slack","medium":"chat"})", "message", "@Ann has joined the channel", Medium::chat,
         SystemMessage::none},
        {R"({"kind":"teams","medium":"chat"})", "message", "hi", Medium::chat, SystemMessage::none},
        {R"({"kind":"buildkite","medium":"change"})", "note", "hi", Medium::change, SystemMessage::none},
    };
    for (const Row& row : rows) {
        const std::string line = R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":")" +
                                 row.kind + R"(","source":)" + row.source + R"(,"text":")" + row.text + R"("})";
        INFO(line);
        auto diags = test::quiet_diagnostics();
        Event e;
        REQUIRE(read_event_json(line, {"old.ndjson", 1, 1}, diags, e));
        CHECK(test::texts(diags).empty());
        CHECK(e.source.medium == row.medium);
        CHECK(e.flags.system == row.system);
    }
}

TEST_CASE("damaged events are diagnosed with their position and rejected") {
    struct Row {
        std::string in, diagnostic;
    };
    const std::vector<Row> rows = {
        {R"({"schema":"retro.event/1","id":"a",)", "f:7:36: error: invalid JSON: expected a string key [events.bad-json]"},
        {R"({"schema":"other","id":"a"})", "f:7:2: error: not a retro.event/1 event (\"schema\" is missing or different) [events.bad-schema]"},
        {R"({"schema":"retro.event/1","time":"2024-07-25T10:36:00Z"})", "f:7:1: error: event without a string \"id\" [events.missing-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"yesterday","kind":"note","source":{"kind":"x"}})",
         "f:7:36: error: \"time\" is not an ISO 8601 instant: yesterday [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"gossip","source":{"kind":"x"}})",
         "f:7:66: error: unknown kind \"gossip\" [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"note","source":{"kind":"x"},"text":"ab","spans":[{"start":1,"end":9,"type":"code"}]})",
         "f:7:114: error: a span needs 0 <= start <= end <= length of text, and a type [events.bad-field]"},
        {"[1,2]", "f:7:1: error: an event must be a JSON object [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"note","source":{"kind":"x","medium":"fax"}})",
         "f:7:101: error: unknown medium \"fax\" [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"note","source":{"kind":"x","medium":"chat"},"flags":{"system":"yes"}})",
         "f:7:127: error: unknown system message \"yes\" [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"change","source":{"kind":"x"},"change":{"action":"released"}})",
         "f:7:114: error: unknown change action \"released\" [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"change","source":{"kind":"x"},"change":{"repo":"r"}})",
         "f:7:104: error: \"change\" without a string \"action\" [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"change","source":{"kind":"x"},"change":{"action":"merged","number":-4}})",
         "f:7:132: error: \"change.number\" should be a positive integer [events.bad-field]"},
        {R"({"schema":"retro.event/1","id":"a","time":"2024-07-25T10:36:00Z","kind":"alert","source":{"kind":"x"},"repeat":{"count":0,"last":"2024-07-25T11:00:00Z"}})",
         "f:7:103: error: \"repeat\" needs a positive \"count\" and a \"last\" instant [events.bad-field]"},
    };
    for (const auto& row : rows) {
        INFO(row.in);
        auto diags = test::quiet_diagnostics();
        Event e;
        CHECK_FALSE(read_event_json(row.in, {"f", 7, 1}, diags, e));
        REQUIRE(test::texts(diags).size() == 1);
        CHECK(test::texts(diags)[0] == row.diagnostic);
    }
}

TEST_CASE("the stream order is (time, source kind, id, origin, line)") {
    Event a, b;
    a.time = b.time = *parse_iso8601("2024-07-25T10:36:00Z");
    a.source.kind = "alertmanager";
    b.source.kind = "slack";
    a.id = "z";
    b.id = "a";
    CHECK(event_order_less(a, b));
    b.source.kind = "alertmanager";
    CHECK(event_order_less(b, a));
    b.id = "z";  // the same id read twice: where it was read decides
    a.source.origin = "b.ndjson";
    b.source.origin = "a.ndjson";
    CHECK(event_order_less(b, a));
    b.source.origin = a.source.origin;
    a.source.line = 2;
    b.source.line = 1;
    CHECK(event_order_less(b, a));
    CHECK_FALSE(event_order_less(a, a));
    CHECK(stream_key(a) == StreamKey{a.time, "alertmanager", "z", "b.ndjson", 2});
    b.time += std::chrono::microseconds(-1);
    CHECK(event_order_less(b, a));
}

TEST_CASE("a NUL escaped in any string of an event is removed, and other text is kept byte for byte") {
    // Strings from the parser are valid UTF-8 already (test_json_dom.cpp), so the reader repairs only the
    // ones holding a NUL: every kind of field is checked here, each with a NUL and with text beyond ASCII.
    auto diags = test::quiet_diagnostics();
    const std::string line =
        R"({"schema":"retro.event/1","id":"slack:C1/1\u0000é","record":"r\u0000","time":"2024-07-25T10:35:59Z",)"
        R"("kind":"message","time_raw":"10:35\u0000","source":{"kind":"sl\u0000ack","vendor":"v\u0000","origin":"caf\u0000é.json"},)"
        R"("channel":"ops\u0000😀","actor":{"id":"U\u00001","name":"Zo\u0000ë"},"text":"ok\u0000 — fine 👍",)"
        R"("spans":[{"start":0,"end":2,"type":"link","url":"https://x\u0000/é"}],"thread":"t\u0000",)"
        R"("links":["https://l\u0000/ü"],"flags":{"reactions":["tada\u0000ä"]}})";
    Event e;
    REQUIRE(read_event_json(line, {"x.ndjson", 1, 1}, diags, e));
    CHECK(e.id == "slack:C1/1é");
    CHECK(e.record == "r");
    CHECK(e.time_raw == "10:35");
    CHECK(e.source.kind == "slack");
    CHECK(e.source.vendor == "v");
    CHECK(e.source.origin == "café.json");
    CHECK(e.channel == "ops😀");
    CHECK(e.actor.id == "U1");
    CHECK(e.actor.name == "Zoë");
    CHECK(e.text == "ok — fine 👍");
    REQUIRE(e.spans.size() == 1);
    CHECK(e.spans[0].url == "https://x/é");
    CHECK(e.thread == "t");
    CHECK(e.links == std::vector<std::string>{"https://l/ü"});
    CHECK(e.flags.reactions == std::vector<std::string>{"tadaä"});
    // A NUL in the time is removed before the time is read.
    Event timed;
    CHECK(read_event_json(R"({"schema":"retro.event/1","id":"a:1","time":"2024-07-25T10:35:59Z\u0000",)"
                          R"("kind":"note","source":{"kind":"a"}})",
                          {"x.ndjson", 2, 1}, diags, timed));
    CHECK(timed.time == *parse_iso8601("2024-07-25T10:35:59Z"));
    CHECK(test::texts(diags).empty());
}
