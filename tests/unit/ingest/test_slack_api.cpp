// Slack Web API JSON and slackdump dumps (input-formats.md §1.11–1.12), and the real slackdump fixtures.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>

#include "ingest/slack/api_reader.hpp"
#include "io/open_input.hpp"
#include "retro/ingest.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::ingest::slack;

namespace {

class CollectSink final : public EventSink {
public:
    void add(Event&& e) override { events.push_back(std::move(e)); }
    void drop(std::string_view, std::uint64_t) override {}
    std::vector<Event> events;
};

struct Run {
    std::vector<Event> events;
    std::vector<std::string> diagnostics;
};

Run run_input(Input& input, const IngestOptions& options, bool dump) {
    Diagnostics diags = test::quiet_diagnostics();
    CollectSink sink;
    IngestContext context{options, diags, sink};
    if (dump)
        ingest_slackdump(input, context);
    else
        ingest_slack_api(input, context);
    return Run{std::move(sink.events), test::texts(diags)};
}

Run run_bytes(std::string bytes, const IngestOptions& options = {}) {
    Input input;
    input.name = "<stdin>";
    input.head = std::move(bytes);
    return run_input(input, options, false);
}

Run run_file(const std::string& path, const IngestOptions& options, bool dump) {
    Input input = io::open_input(path);
    return run_input(input, options, dump);
}

IngestOptions channel(std::string id, std::string name = {}) {
    IngestOptions o;
    o.slack_channel_id = std::move(id);
    o.slack_channel_name = std::move(name);
    return o;
}

}  // namespace

TEST_CASE("slackdump's legacy dump: nested thread replies, each message once", "[slack][api][corpus]") {
    // jq '.messages | length' CHY5HUESG.json → 12; jq '[.messages[] | .slackdump_thread_replies // [] | length]
    // | add' → 4; all 16 ts distinct (jq '[.messages[] | ., (.slackdump_thread_replies // [])[] | .ts] |
    // unique | length' → 16).
    Run run = run_file(test::corpus_path("slack/slackdump/source_dump_dir/CHY5HUESG.json"), {}, true);
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 16);
    std::set<std::string> ids;
    for (const Event& e : run.events) {
        ids.insert(e.id);
        CHECK(e.id.starts_with("slack:CHY5HUESG/"));
        CHECK(e.channel == "everyone");
        CHECK(e.source.kind == "slackdump");
    }
    CHECK(ids.size() == 16);
    // The first nested reply (the third message): ts 1736554746.482349, thread 1736478630.905399.
    const Event& reply = run.events[2];
    CHECK(reply.id == "slack:CHY5HUESG/1736554746.482349");
    CHECK(reply.thread == "1736478630.905399");
    CHECK(reply.text == "A message from a deactivated account");
    CHECK(format_utc(reply.time) == "2025-01-11T00:19:06.482349Z");
}

TEST_CASE("slackdump converter files: message arrays named by the slack channel option", "[slack][api][corpus]") {
    // jq length: chan1.json 2, chan1_thread_1736478630.905399.json 2.
    Run parents = run_file(test::corpus_path("slack/slackdump/converter/chan1.json"), channel("CHY5HUESG"), false);
    Run replies = run_file(test::corpus_path("slack/slackdump/converter/chan1_thread_1736478630.905399.json"),
                           channel("CHY5HUESG"), false);
    CHECK(parents.diagnostics.empty());
    REQUIRE(parents.events.size() == 2);
    REQUIRE(replies.events.size() == 2);
    CHECK(parents.events[1].id == "slack:CHY5HUESG/1736478630.905399");
    CHECK(parents.events[1].source.line == 27);  // `grep -n '^{' chan1.json` → lines 2 and 27
    CHECK(replies.events[0].thread == "1736478630.905399");
    CHECK(replies.events[0].source.kind == "slack-api");
}

TEST_CASE("API responses: history plus replies concatenated, broadcasts once, ok:false reported", "[slack][api]") {
    const std::string history = R"~({"ok": true, "messages": [
  {"type": "message", "user": "U2", "text": "reply, also sent to channel", "ts": "1721903900.000300",
   "subtype": "thread_broadcast", "thread_ts": "1721903800.000200"},
  {"type": "message", "user": "U1", "text": "parent", "ts": "1721903800.000200", "thread_ts": "1721903800.000200",
   "reply_count": 2}
 ], "has_more": false}
{"ok": true, "messages": [
  {"type": "message", "user": "U1", "text": "parent", "ts": "1721903800.000200", "thread_ts": "1721903800.000200"},
  {"type": "message", "user": "U3", "text": "quiet reply", "ts": "1721903850.000250", "thread_ts": "1721903800.000200"},
  {"type": "message", "user": "U2", "text": "reply, also sent to channel", "ts": "1721903900.000300",
   "subtype": "thread_broadcast", "thread_ts": "1721903800.000200"}
 ]}
)~";
    IngestOptions o = channel("C01FBFSDLUA", "wc-digital-platform");
    o.slack_workspace = "wellcome";
    Run run = run_bytes(history, o);
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 3);
    CHECK(run.events[0].id == "slack:C01FBFSDLUA/1721903900.000300");
    CHECK(run.events[0].channel == "wc-digital-platform");
    CHECK(run.events[0].source.line == 2);
    CHECK(run.events[0].links ==
          std::vector<std::string>{"https://wellcome.slack.com/archives/C01FBFSDLUA/"
                                   "p1721903900000300?thread_ts=1721903800.000200&cid=C01FBFSDLUA"});
    CHECK(run.events[2].id == "slack:C01FBFSDLUA/1721903850.000250");
    CHECK(run.events[2].source.line == 9);

    Run error = run_bytes(R"({"ok":false,"error":"not_in_channel"})");
    CHECK(error.events.empty());
    CHECK(error.diagnostics ==
          std::vector<std::string>{
              "<stdin>:1:2: error: Slack API response is an error: not_in_channel [slack.api-error]"});
}

TEST_CASE("API JSON without a channel: \"unknown\" and one warning, Events API envelopes carry theirs",
          "[slack][api]") {
    Run run = run_bytes(
        "{\"type\":\"message\",\"user\":\"U1\",\"text\":\"a\",\"ts\":\"1.000001\"}\n"
        "{\"type\":\"message\",\"user\":\"U1\",\"text\":\"b\",\"ts\":\"1.000002\"}\n");
    REQUIRE(run.events.size() == 2);
    CHECK(run.events[1].id == "slack:unknown/1.000002");
    CHECK(run.events[1].source.line == 2);
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "<stdin>: warning: Slack API JSON names no channel: ids use \"unknown\"; name it with --slack-channel "
              "ID[:NAME] [slack.no-channel]"});

    // A message_changed event (real shape, serokell/tzbot): the edited message keeps its own ts as id.
    Run envelope = run_bytes(R"~({"token":"x","team_id":"T1","type":"event_callback","event":{"channel":"C02N85E82LV",
 "channel_type":"channel","event_ts":"1694188505.002400","hidden":true,"subtype":"message_changed",
 "ts":"1694188505.002400","type":"message","message":{"edited":{"ts":"1694188505.000000","user":"U02N85E78QM"},
 "text":"BBB","ts":"1694188495.898759","type":"message","user":"U02N85E78QM"}}})~");
    CHECK(envelope.diagnostics.empty());
    REQUIRE(envelope.events.size() == 1);
    CHECK(envelope.events[0].id == "slack:C02N85E82LV/1694188495.898759");
    CHECK(envelope.events[0].text == "BBB");
    CHECK(envelope.events[0].flags.edited);
}

TEST_CASE("detection of API JSON and slackdump dumps", "[slack][api]") {
    auto score = [](int (*detect)(const Probe&), std::string_view head) { return detect(Probe{"x", head, nullptr}); };
    CHECK(score(detect_slack_api, R"({"ok": true, "messages": [])") == 90);
    CHECK(score(detect_slack_api, R"({"ok":false,"error":"not_in_channel"})") == 90);
    CHECK(score(detect_slack_api, R"({"token":"x","team_id":"T1","type":"event_callback","event":{})") == 70);
    CHECK(score(detect_slack_api, "[\n{\n  \"type\": \"message\",\n  \"ts\": \"1.000001\"") == 50);
    CHECK(score(detect_slack_api, R"({"channel_id":"C1","name":"x","messages":[])") == 0);
    CHECK(score(detect_slack_api, R"([{"schema":"retro.event/1"}])") == 0);
    CHECK(score(detect_slackdump, R"({"channel_id":"C1","name":"x","messages":[])") == 95);
    CHECK(score(detect_slackdump, R"({"ok": true, "messages": [])") == 0);
}
