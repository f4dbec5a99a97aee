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

TEST_CASE("sentry third-party corpus: error.created, issue.created and a resolved metric alert") {
    // sentry-docs-error-created.json: data.error.event_id bb78c1407cea4519aa397afc059c793d, datetime
    // 2019-08-19T20:58:37.391000Z (timestamp 1566248317.391 says the same), issue_id 1170820242, project 1.
    const auto error = run_sources({test::corpus_path("third-party/sentry/sentry-docs-error-created.json")});
    CHECK(error.diagnostics.empty());
    REQUIRE(error.events.size() == 1);
    const Event& e = error.events[0];
    CHECK(e.id == "sentry:bb78c1407cea4519aa397afc059c793d");
    CHECK(format_utc(e.time) == "2019-08-19T20:58:37.391000Z");
    CHECK(e.text == "ReferenceError: blooopy is not defined");
    CHECK(*e.alert == AlertInfo{"ReferenceError: blooopy is not defined", "1170820242", "firing", "error", "1"});
    CHECK(e.links == std::vector<std::string>{"https://sentry.io/organizations/test-org/issues/1170820242/events/"
                                              "bb78c1407cea4519aa397afc059c793d/"});

    // sentry-docs-issue-created.json: the same error's issue, firstSeen 2019-08-19T20:58:37.391000Z.
    const auto issue = run_sources({test::corpus_path("third-party/sentry/sentry-docs-issue-created.json")});
    CHECK(issue.diagnostics.empty());
    CHECK(test::ids(issue) == std::vector<std::string>{"sentry:issue/1170820242#created"});
    CHECK(test::times(issue) == std::vector<std::string>{"2019-08-19T20:58:37.391000Z"});
    CHECK(issue.events[0].alert->key == "ReferenceError: blooopy is not defined");

    // sentry-docs-metric-alert-resolved.json: action resolved, alert rule 7 "Too many errors", incident 4,
    // date_started 2020-09-13T12:26:40Z, date_closed null: the alert at its start, and a warning (the
    // `"metric_alert"` key is on line 11, column 5) that the resolution has no time.
    const std::string path = test::corpus_path("third-party/sentry/sentry-docs-metric-alert-resolved.json");
    const auto metric = run_sources({path});
    CHECK(metric.diagnostics ==
          std::vector<std::string>{path + ":11:5: warning: resolved metric alert without `date_closed`: its resolution "
                                          "has no time; only its start is emitted [sentry.no-time]"});
    REQUIRE(metric.events.size() == 1);
    const Event& m = metric.events[0];
    CHECK(m.id == "sentry:metric_alert/4#started");
    CHECK(format_utc(m.time) == "2020-09-13T12:26:40.000000Z");
    CHECK(m.text == "Too many errors");
    CHECK(*m.alert == AlertInfo{"Too many errors", "alert_rule/7", "firing", "", "bar"});
    CHECK(m.links == std::vector<std::string>{"https://sentry.io/organizations/baz/alerts/1/"});
    CHECK(metric.dropped.at("sentry: metric alert resolution without a time") == 1);
}

TEST_CASE("sentry: metric alert payloads of one incident repeat its start, and date_closed dates its end") {
    const char* critical =
        R"j({"action":"critical","data":{"metric_alert":{"id":"9","alert_rule":{"id":"3","name":"p95 latency"},"date_started":"2024-07-25T10:00:00.000000Z","date_closed":null,"projects":["api","web"]},"web_url":"https://sentry.io/a/9/"},"installation":{"uuid":"u"}})j"
        "\n";
    const char* resolved =
        R"j({"action":"resolved","data":{"metric_alert":{"id":"9","alert_rule":{"id":"3","name":"p95 latency"},"date_started":"2024-07-25T10:00:00.000000Z","date_closed":"2024-07-25T10:40:00.000000Z","projects":["api","web"]},"web_url":"https://sentry.io/a/9/"},"installation":{"uuid":"u"}})j"
        "\n";
    const auto run = run_alerts(std::string(critical) + resolved, "sentry");
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"sentry:metric_alert/9#started", "sentry:metric_alert/9#closed"});
    CHECK(test::times(run) == std::vector<std::string>{"2024-07-25T10:00:00.000000Z", "2024-07-25T10:40:00.000000Z"});
    CHECK(test::states(run) == std::vector<std::string>{"firing", "resolved"});
    CHECK(run.duplicates == 1);  // the start, told by both payloads
    CHECK(run.events[0].text == "p95 latency (critical)");
    CHECK(run.events[0].alert->service == "api,web");
    CHECK(run.events[1].text == "p95 latency");

    // Without `date_started` the incident has no time: a warning, nothing emitted.
    const auto undated = run_alerts(R"j({"action":"warning","data":{"metric_alert":{"id":"9"}},"installation":{}})j", "sentry");
    CHECK(undated.events.empty());
    CHECK(undated.diagnostics == std::vector<std::string>{"in.json:1:29: warning: metric alert without `id` or "
                                                          "`date_started`; not emitted [sentry.incomplete]"});
}
