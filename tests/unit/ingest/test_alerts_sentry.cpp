// Sentry issue alerts and issue webhooks (input-formats.md §4.6; issue 5 item 4).
#include <catch2/catch.hpp>

#include "alerts_test_support.hpp"

using namespace retro;
using test::run_alerts;
using test::run_sources;

TEST_CASE("sentry corpus: an issue alert's event, timed by datetime, not the distractor dates") {
    // sample_event_through_alert.json: data.event.event_id b6eff1a49b1f4132850b1238d968da70, datetime
    // 2023-05-31T11:06:16.247000Z (timestamp 1685531176.247 says the same), level error, issue 4218258981.
    const auto run = run_sources({test::corpus_path("alerts/sentry/sample_event_through_alert.json")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    const Event& e = run.events[0];
    CHECK(e.id == "sentry:b6eff1a49b1f4132850b1238d968da70");
    CHECK(format_utc(e.time) == "2023-05-31T11:06:16.247000Z");
    CHECK(e.alert->fingerprint == "4218258981");
    CHECK(e.alert->severity == "error");
    CHECK(e.alert->state == "firing");
}

TEST_CASE("sentry corpus: a created issue is timed by firstSeen, other issue actions carry no time") {
    const auto created = run_sources({test::corpus_path("alerts/sentry/issue_created_for_exception.json")});
    CHECK(created.diagnostics.empty());
    CHECK(test::ids(created) == std::vector<std::string>{"sentry:issue/1635244907#created"});
    CHECK(test::times(created) == std::vector<std::string>{"2020-04-28T13:56:05.903736Z"});

    // The `data.issue` object starts on line 5, column 9 of issue_resolved.json.
    const std::string path = test::corpus_path("alerts/sentry/issue_resolved.json");
    const auto resolved = run_sources({path});
    CHECK(resolved.events.empty());
    CHECK(resolved.diagnostics ==
          std::vector<std::string>{path + ":5:9: warning: issue `resolved` webhook carries no time of its own; not "
                                          "emitted [sentry.no-time]"});
}

TEST_CASE("sentry: the legacy plugin payload, timed by the float epoch timestamp") {
    const char* line =
        R"j({"id":"4218258981","project":"python","project_name":"python","level":"error","culprit":"x in y","message":"boom","url":"https://o.sentry.io/issues/4218258981/","triggering_rules":[],"event":{"event_id":"e1","timestamp":1688935284.772}})j";
    const auto run = run_alerts(line, "sentry");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    // 1688935284 s = 2023-07-09T20:41:24Z.
    CHECK(format_utc(run.events[0].time) == "2023-07-09T20:41:24.772000Z");
    CHECK(run.events[0].text == "boom");
    CHECK(run.events[0].alert->fingerprint == "4218258981");
}
