// Alertmanager webhook v4 and API v2 lists, and Grafana unified/legacy webhooks (input-formats.md §3, §4.4;
// issue 5 items 3–4).
#include <catch2/catch.hpp>

#include "alerts_test_support.hpp"
#include "ingest/alerts/alert_vendors.hpp"

using namespace retro;
using test::run_alerts;
using test::run_sources;

TEST_CASE("alertmanager: a resolved alert gives its firing and its resolution (any offset, nanoseconds)") {
    const char* line =
        R"j({"version":"4","status":"resolved","alerts":[{"status":"resolved","labels":{"severity":"page","alertname":"ProbeFailure","instance":"api"},"annotations":{"summary":"API probe failing"},"startsAt":"2018-03-07T06:33:21.873077559-05:00","endsAt":"2018-03-07T06:43:21.873077559-05:00","generatorURL":"http://prom/graph","fingerprint":"0123456789abcdef"}]})j";
    const auto run = run_alerts(line, "alertmanager");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 2);
    // 06:33:21.873077559-05:00 is 11:33:21.873077Z (truncated to microseconds).
    CHECK(run.events[0].id == "alertmanager:0123456789abcdef@2018-03-07T11:33:21.873077Z");
    CHECK(run.events[0].record.empty());
    CHECK(run.events[0].time_raw == "2018-03-07T06:33:21.873077559-05:00");
    CHECK(run.events[1].id == "alertmanager:0123456789abcdef@2018-03-07T11:33:21.873077Z#resolved");
    CHECK(run.events[1].record == "alertmanager:0123456789abcdef@2018-03-07T11:33:21.873077Z");
    CHECK(format_utc(run.events[1].time) == "2018-03-07T11:43:21.873077Z");
    CHECK(test::states(run) == std::vector<std::string>{"firing", "resolved"});
    REQUIRE(run.events[0].alert);
    // Key: alertname plus the other labels sorted by name.
    CHECK(*run.events[0].alert ==
          AlertInfo{R"(ProbeFailure{instance="api", severity="page"})", "0123456789abcdef", "firing", "page", ""});
    CHECK(run.events[0].text == "ProbeFailure: API probe failing");
    CHECK(run.events[0].links == std::vector<std::string>{"http://prom/graph"});
}

TEST_CASE("alertmanager: the API v2 list gives firings only (endsAt there is a future expiry)") {
    const char* list =
        R"j([{"annotations":{"summary":"demo"},"endsAt":"2021-10-21T22:07:31.501Z","fingerprint":"375eab7b59892505","receivers":[{"name":"sns-0"}],"startsAt":"2021-10-21T22:02:31.501Z","status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":"2021-10-21T22:02:31.501Z","labels":{"alertname":"test-alert"}}])j";
    const auto run = run_alerts(list, "alertmanager");
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"alertmanager:375eab7b59892505@2021-10-21T22:02:31.501000Z"});
    CHECK(test::states(run) == std::vector<std::string>{"firing"});
}

TEST_CASE("alertmanager: the fingerprint is Alertmanager's own hash of the labels when missing") {
    // zulip's alert.json: labels {alertname: High CPU Temperature, host: andromeda, severity: critical}
    // carry fingerprint a1bc48475b20e73d (its first alert, sent by a real Alertmanager).
    CHECK(ingest::alerts::alertmanager_fingerprint(
              {{"alertname", "High CPU Temperature"}, {"host", "andromeda"}, {"severity", "critical"}}) ==
          "a1bc48475b20e73d");
    const char* line =
        R"j({"version":"4","alerts":[{"status":"firing","labels":{"alertname":"High CPU Temperature","host":"andromeda","severity":"critical"},"startsAt":"2020-02-06T00:17:58Z"}]})j";
    const auto run = run_alerts(line, "alertmanager");
    CHECK(test::ids(run) == std::vector<std::string>{"alertmanager:a1bc48475b20e73d@2020-02-06T00:17:58.000000Z"});
}

TEST_CASE("alertmanager: a wrong-typed startsAt skips that alert only, at its position") {
    const std::string input =
        "{\"version\":\"4\",\"alerts\":[\n"
        R"({"status":"firing","labels":{"alertname":"A"},"startsAt":17},)"
        "\n"
        R"({"status":"firing","labels":{"alertname":"B"},"startsAt":"2024-07-25T10:00:00Z"}]})";
    const auto run = run_alerts(input, "alertmanager");
    CHECK(run.diagnostics == std::vector<std::string>{"in.json:2:47: error: `startsAt` is a number where a time "
                                                      "string was expected; record skipped [alertmanager.bad-field]"});
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].alert->key == "B");
}

TEST_CASE("alertmanager corpus: alert.json and single_alert.json") {
    // alert.json: two firing alerts, both startsAt 2020-02-06T00:17:58.432911368Z, fingerprints
    // a1bc48475b20e73d and c2ea85182f28cbd9 (the fixture's second alert repeats the first's labels).
    const auto run = run_sources({test::corpus_path("alerts/alertmanager/alert.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"alertmanager:a1bc48475b20e73d@2020-02-06T00:17:58.432911Z",
                                                     "alertmanager:c2ea85182f28cbd9@2020-02-06T00:17:58.432911Z"});
    CHECK(run.events[0].alert->key == R"(High CPU Temperature{host="andromeda", severity="critical"})");
    CHECK(run.events[0].alert->severity == "critical");

    // single_alert.json says "resolved" but endsAt is still the zero time: the firing, and a warning at
    // the alert object (line 16, column 9) instead of an invented resolution time.
    const std::string path = test::corpus_path("alerts/alertmanager/single_alert.json");
    const auto single = run_sources({path});
    CHECK(single.diagnostics ==
          std::vector<std::string>{path + ":16:9: warning: resolved alert without `endsAt`; "
                                          "its resolution is not emitted [alertmanager.no-end-time]"});
    CHECK(test::states(single) == std::vector<std::string>{"firing"});
    CHECK(single.dropped.at("alertmanager: resolution without a time") == 1);

    const auto no_url = run_sources({test::corpus_path("alerts/alertmanager/single_alert_no_url.json")});
    REQUIRE(no_url.events.size() == 1);
    CHECK(no_url.events[0].links.empty());
}

TEST_CASE("grafana corpus: unified alerts, firing and resolved payloads share the firing id") {
    // alert-9.json fires d8a21484c9c25a60 at 2022-06-17T00:41:00.782137894Z; alert-9-resolved.json
    // repeats it with endsAt 2022-06-17T00:51:24.067337833Z: 2 distinct events, 1 duplicate.
    const auto run = run_sources(
        {test::corpus_path("alerts/grafana/alert-9.json"), test::corpus_path("alerts/grafana/alert-9-resolved.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"grafana:d8a21484c9c25a60@2022-06-17T00:41:00.782137Z",
                                                     "grafana:d8a21484c9c25a60@2022-06-17T00:41:00.782137Z#resolved"});
    CHECK(test::times(run) == std::vector<std::string>{"2022-06-17T00:41:00.782137Z", "2022-06-17T00:51:24.067337Z"});
    CHECK(run.duplicates == 1);
    CHECK(run.events[0].source.kind == "grafana");
    CHECK(run.events[0].alert->key == R"(Test alert{test="true"})");

    // alert_v8.json: 8 fractional digits; per-alert status "resolved" wins over the payload's "alerting".
    const auto v8 = run_sources({test::corpus_path("alerts/grafana/alert_v8.json")});
    CHECK(test::times(v8) == std::vector<std::string>{"2022-08-31T05:54:04.522893Z", "2022-08-31T10:30:00.522884Z"});
    CHECK(test::states(v8) == std::vector<std::string>{"firing", "resolved"});
}

TEST_CASE("grafana corpus: legacy alerts carry no time: a warning and a count each") {
    for (const char* file : {"alerts/grafana/alert.json", "alerts/grafana/alert_ok.json",
                             "alerts/grafana/alert_pending.json", "alerts/grafana/no_data_alert_v7.json"}) {
        const std::string path = test::corpus_path(file);
        const auto run = run_sources({path});
        CHECK(run.events.empty());
        CHECK(run.diagnostics ==
              std::vector<std::string>{path + ":1:1: warning: legacy Grafana alert carries no time; not emitted "
                                              "[grafana.no-time]"});
        CHECK(run.dropped.at("grafana: legacy alert without a time") == 1);
    }
}
