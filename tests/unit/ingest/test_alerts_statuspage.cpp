// Statuspage webhooks (input-formats.md §5.5; issue 5 item 4): kind status, one event per update id.
#include <catch2/catch.hpp>

#include <map>

#include "alerts_test_support.hpp"

using namespace retro;
using test::run_sources;

TEST_CASE("statuspage corpus: payloads repeat earlier updates, one event per update id") {
    // incident_created.json holds update qm8bgczn0p2n (identified, 07:32:00.548Z); incident_update.json
    // holds cdwfdrjlp53y (resolved, 07:37:20.785Z) and again qm8bgczn0p2n: 2 events, 1 duplicate.
    const auto run = run_sources({test::corpus_path("alerts/statuspage/incident_created.json"),
                                  test::corpus_path("alerts/statuspage/incident_update.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"statuspage:qm8bgczn0p2n", "statuspage:cdwfdrjlp53y"});
    CHECK(test::times(run) == std::vector<std::string>{"2017-12-26T07:32:00.548000Z", "2017-12-26T07:37:20.785000Z"});
    CHECK(run.duplicates == 1);
    const Event& resolved = run.events[1];
    CHECK(resolved.kind == EventKind::status);
    CHECK(resolved.record == "statuspage:z3lct0r596n4");
    REQUIRE(resolved.status);
    CHECK(*resolved.status == StatusInfo{"jb7j80lkgqvb", "resolved"});
    CHECK(!resolved.alert);
    CHECK(resolved.text == "Database query delays: The database issue is resolved.");
    CHECK(resolved.links == std::vector<std::string>{"http://stspg.io/646947c1e"});
}

TEST_CASE("statuspage corpus: a component update") {
    const auto run = run_sources({test::corpus_path("alerts/statuspage/component_status_update.json")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].id == "statuspage:nd963wv4j30b");
    CHECK(format_utc(run.events[0].time) == "2017-12-26T07:59:09.379000Z");
    CHECK(run.events[0].text == "Database component: operational -> under_maintenance");
    CHECK(run.events[0].status->page == "jb7j80lkgqvb");
}

TEST_CASE("statuspage third-party corpus: the REST incident list, one event per update") {
    // platformpal-telerik-incidents-api.json: a bare array of 6 incidents (page 2lh8n3fl4jfr) holding 3, 3,
    // 2, 4, 2 and 3 updates = 17. Earliest: kcsjchj505vd of f4xw1v6p19z4 "Telerik AppBuilder: Degraded
    // Performance", identified at 2016-03-13T20:22:43.254Z; latest: 7m2lhvd3nzy4 of gzrdn0ymmjp1 "Major
    // outage in Telerik Platform", resolved at 2016-06-09T12:59:33.851Z.
    const auto run = run_sources({test::corpus_path("third-party/statuspage/platformpal-telerik-incidents-api.json")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 17);
    const Event& first = run.events.front();
    CHECK(first.id == "statuspage:kcsjchj505vd");
    CHECK(format_utc(first.time) == "2016-03-13T20:22:43.254000Z");
    CHECK(first.kind == EventKind::status);
    CHECK(*first.status == StatusInfo{"2lh8n3fl4jfr", "identified"});
    CHECK(first.record == "statuspage:f4xw1v6p19z4");
    CHECK(first.text.starts_with("Telerik AppBuilder: Degraded Performance: We have identified a performance issue"));
    CHECK(first.links == std::vector<std::string>{"http://stspg.io/23lG"});
    const Event& last = run.events.back();
    CHECK(last.id == "statuspage:7m2lhvd3nzy4");
    CHECK(format_utc(last.time) == "2016-06-09T12:59:33.851000Z");
    CHECK(last.text == "Major outage in Telerik Platform: This incident has been resolved.");
    std::map<std::string, int> by_state;
    for (const Event& e : run.events) ++by_state[e.status->state];
    CHECK(by_state == std::map<std::string, int>{{"identified", 4}, {"investigating", 3}, {"monitoring", 4}, {"resolved", 6}});
}

TEST_CASE("statuspage third-party corpus: Datadog's incident and component webhooks") {
    // Incident update khbq8r3dmwsf, created_at 2017-08-08T10:45:44.212-04:00 = 14:45:44.212Z.
    const auto incident = run_sources({test::corpus_path("third-party/statuspage/datadog-status-incident-webhook.json")});
    CHECK(incident.diagnostics.empty());
    CHECK(test::ids(incident) == std::vector<std::string>{"statuspage:khbq8r3dmwsf"});
    CHECK(test::times(incident) == std::vector<std::string>{"2017-08-08T14:45:44.212000Z"});
    CHECK(test::states(incident) == std::vector<std::string>{"investigating"});
    // Component update ckdysmnpzs2r of API, operational → degraded_performance at 14:41:37.394Z.
    const auto component = run_sources({test::corpus_path("third-party/statuspage/datadog-status-component-webhook.json")});
    CHECK(component.diagnostics.empty());
    CHECK(test::ids(component) == std::vector<std::string>{"statuspage:ckdysmnpzs2r"});
    CHECK(test::times(component) == std::vector<std::string>{"2017-08-08T14:41:37.394000Z"});
    CHECK(component.events[0].text == "API: operational -> degraded_performance");
}

TEST_CASE("statuspage: the public incidents.json object and damaged list entries") {
    const char* list =
        R"j({"page":{"id":"p1"},"incidents":[{"id":"i1","name":"Slow API","shortlink":"http://stspg.io/x","incident_updates":[{"id":"u2","status":"resolved","body":"Fixed.","created_at":"2024-07-25T11:00:00Z"},{"id":"u1","status":"investigating","body":"Looking.","created_at":"2024-07-25T10:00:00Z"}]},7]})j";
    const auto run = test::run_alerts(list, "statuspage");
    CHECK(test::ids(run) == std::vector<std::string>{"statuspage:u1", "statuspage:u2"});
    CHECK(run.events[0].status->page == "p1");
    CHECK(run.events[0].text == "Slow API: Looking.");
    CHECK(run.diagnostics == std::vector<std::string>{"in.json:1:292: error: incident is a number where an object was "
                                                      "expected; skipped [statuspage.bad-field]"});
}
