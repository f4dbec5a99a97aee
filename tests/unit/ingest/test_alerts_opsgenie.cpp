// Opsgenie webhook actions (input-formats.md §4.3; issue 5 item 4): epoch ms and 19-digit ns stamps.
#include <catch2/catch.hpp>

#include "alerts_test_support.hpp"

using namespace retro;
using test::run_alerts;
using test::run_sources;

TEST_CASE("opsgenie corpus: nanosecond updatedAt read exactly, one event per action") {
    // create.json: updatedAt 1502709956288000110 ns = 2017-08-14T11:25:56.288000110Z (beyond 2^53: a
    // double would lose the last digits). acknowledge.json / unacknowledge.json share updatedAt
    // 1420452224764002246 = 2015-01-05T10:03:44.764002246Z but are different actions.
    const auto run = run_sources(
        {test::corpus_path("alerts/opsgenie/create.json"), test::corpus_path("alerts/opsgenie/acknowledge.json"),
         test::corpus_path("alerts/opsgenie/unacknowledge.json"), test::corpus_path("alerts/opsgenie/close.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) ==
          std::vector<std::string>{
              "opsgenie:052652ac-5d1c-464a-812a-7dd18bbfba8c/Acknowledge@2015-01-05T10:03:44.764002Z",
              "opsgenie:052652ac-5d1c-464a-812a-7dd18bbfba8c/UnAcknowledge@2015-01-05T10:03:44.764002Z",
              "opsgenie:052652ac-5d1c-464a-812a-7dd18bbfba8c/Close@2015-01-05T10:06:14.669001Z",
              "opsgenie:ec03dad6-62c8-4c94-b38b-d88f398e900f/Create@2017-08-14T11:25:56.288000Z"});
    CHECK(test::states(run) == std::vector<std::string>{"acknowledged", "firing", "resolved", "firing"});
    CHECK(run.events[0].time_raw == "1420452224764002246");
    CHECK(*run.events[3].alert == AlertInfo{"another alert", "alert-alias", "firing", "P3", ""});
    CHECK(run.events[3].actor.name == "test@example.com");
}

TEST_CASE("opsgenie corpus: an action without any time is a warning and a count") {
    const std::string path = test::corpus_path("alerts/opsgenie/escalate.json");
    const auto run = run_sources({path});
    CHECK(run.events.empty());
    CHECK(run.diagnostics ==
          std::vector<std::string>{path + ":1:1: warning: `Escalate` action carries no "
                                          "`updatedAt` or `createdAt`; not emitted [opsgenie.no-time]"});
    CHECK(run.dropped.at("opsgenie: action without a time") == 1);
}

TEST_CASE("opsgenie: createdAt in milliseconds when there is no updatedAt, notes kept in the text") {
    const char* line =
        R"j({"action":"AddNote","alert":{"alertId":"a1","message":"disk full","note":"looking","createdAt":1721902440456,"priority":"P2"}})j";
    const auto run = run_alerts(line, "opsgenie");
    REQUIRE(run.events.size() == 1);
    CHECK(format_utc(run.events[0].time) == "2024-07-25T10:14:00.456000Z");
    CHECK(run.events[0].text == "AddNote: disk full: looking");
    CHECK(run.events[0].alert->severity == "P2");
    CHECK(run.events[0].alert->state == "unknown");
}
