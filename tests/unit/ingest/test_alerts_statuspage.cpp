// Statuspage webhooks (input-formats.md §5.5; issue 5 item 4): kind status, one event per update id.
#include <catch2/catch.hpp>

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
