// PagerDuty webhooks v3, v2, v1 and REST log entries (input-formats.md §4.1–4.2; issue 5 item 4).
#include <catch2/catch.hpp>

#include "alerts_test_support.hpp"

using namespace retro;
using test::run_alerts;
using test::run_sources;

TEST_CASE("pagerduty corpus: v3 triggered, acknowledged and resolved") {
    // occurred_at / event_type / data.title of each file, read by eye.
    const auto run = run_sources({test::corpus_path("alerts/pagerduty/triggered_v3.json"),
                                  test::corpus_path("alerts/pagerduty/acknowledged_v3.json"),
                                  test::corpus_path("alerts/pagerduty/resolved_v3.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"pagerduty:01BZYH1JJY09P9LEIST8HG2PMN",
                                                     "pagerduty:01BZYIL05THJDFF2Y08X9SVMTU",
                                                     "pagerduty:01BZYK8N47N5JG55J1EEEHPEJI"});
    CHECK(test::times(run) == std::vector<std::string>{"2021-06-04T13:16:53.816000Z", "2021-06-04T13:35:29.781000Z",
                                                       "2021-06-04T13:55:30.394000Z"});
    CHECK(test::states(run) == std::vector<std::string>{"resolved", "firing", "acknowledged"});
    CHECK(run.events[1].text == "triggered: Test Incident 3");
    CHECK(run.events[1].actor.name == "PIG 208");
    CHECK(run.events[1].alert->fingerprint == "PFQZPSY");
    CHECK(run.events[1].alert->service == "pig208");
}

TEST_CASE("pagerduty corpus: v3 escalation keeps the incident's state and priority") {
    const auto run = run_sources({test::corpus_path("alerts/pagerduty/escalate_v3.json")});
    REQUIRE(run.events.size() == 1);
    CHECK(format_utc(run.events[0].time) == "2026-04-01T02:08:04.642000Z");
    CHECK(*run.events[0].alert ==
          AlertInfo{"Critical: Checkout API High Latency", "Q3B15VLMF3ASBD", "firing", "P1", "Default Service"});
}

TEST_CASE("pagerduty corpus: v1 messages and v2 log entries") {
    // acknowledge.json (v1): two messages, assign and acknowledge, both created_on 2015-02-07T21:09:49Z.
    const auto v1 = run_sources({test::corpus_path("alerts/pagerduty/acknowledge.json")});
    CHECK(v1.diagnostics.empty());
    CHECK(test::ids(v1) == std::vector<std::string>{"pagerduty:a710cfd0-af0d-11e4-8aca-f23c91739642",
                                                    "pagerduty:a7169c30-af0d-11e4-8aca-f23c91739642"});
    CHECK(test::states(v1) == std::vector<std::string>{"acknowledged", "acknowledged"});
    // trigger_v2.json and resolve_v2.json: one log entry each, 15:14:36Z and 15:18:09+00:00.
    const auto v2 = run_sources(
        {test::corpus_path("alerts/pagerduty/trigger_v2.json"), test::corpus_path("alerts/pagerduty/resolve_v2.json")});
    CHECK(v2.diagnostics.empty());
    CHECK(test::ids(v2) ==
          std::vector<std::string>{"pagerduty:R2XGXEI3W0FHMSDXHDIBQGBQ5E", "pagerduty:RNAJ8DLJGWHBXXYX1CC5G50C9O"});
    CHECK(test::times(v2) == std::vector<std::string>{"2017-09-26T15:14:36.000000Z", "2017-09-26T15:18:09.000000Z"});
    CHECK(test::states(v2) == std::vector<std::string>{"firing", "resolved"});
    CHECK(v2.events[0].alert->key == "My new incident");
    CHECK(v2.events[1].actor.name == "Laura Haley");
}

TEST_CASE("pagerduty: REST log entries, one event each, entries without a time are counted") {
    const char* page =
        R"j({"log_entries":[{"id":"R1","type":"trigger_log_entry","summary":"Triggered through the API","created_at":"2024-07-25T10:15:00Z","incident":{"id":"P1","summary":"[#7] Catalogue API errors"}},{"id":"R2","type":"notify_log_entry","summary":"Notified"}],"limit":25,"offset":0,"more":false})j";
    const auto run = run_alerts(page, "pagerduty");
    CHECK(test::ids(run) == std::vector<std::string>{"pagerduty:R1"});
    CHECK(run.events[0].text == "[#7] Catalogue API errors: Triggered through the API");
    CHECK(run.diagnostics == std::vector<std::string>{"in.json:1:191: warning: log entry without `id` or "
                                                      "`created_at`; not emitted [pagerduty.incomplete]"});
    CHECK(run.dropped.at("pagerduty: event without an id or time") == 1);
}
