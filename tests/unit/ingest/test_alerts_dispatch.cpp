// The alert shape dispatcher (issue 5 items 1 and 6): every input shape (one document, an array, NDJSON,
// concatenated pretty documents), vendors mixed, `KIND:` forcing, unrecognised shapes, invalid JSON, and
// every file of the real corpus.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "alerts_test_support.hpp"
#include "ingest/alerts/alert_context.hpp"

using namespace retro;
using test::run_alerts;
using test::run_sources;
namespace fs = std::filesystem;

namespace {

const char* cloudwatch_line =
    R"j({"AlarmName":"disk","NewStateValue":"ALARM","StateChangeTime":"2024-07-25T10:14:03.123+0000"})j";
const char* alertmanager_line =
    R"j({"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"Up"},"startsAt":"2024-07-25T10:15:00Z","fingerprint":"f1"}]})j";
const char* opsgenie_line = R"j({"action":"Create","alert":{"alertId":"o1","message":"m","createdAt":1721902500000}})j";

std::vector<std::string> kinds(const test::AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(e.source.kind.str());
    return out;
}

}  // namespace

TEST_CASE("dispatch: NDJSON mixing vendors goes object by object, unknown shapes are reported once each") {
    const std::string input = std::string(cloudwatch_line) + "\n" + R"j({"foo":1,"bar":2})j" + "\n" +
                              alertmanager_line + "\n" + R"j({"bar":3,"foo":4})j" + "\n" + opsgenie_line + "\n" +
                              "[1]\n";
    const auto run = run_alerts(input, "cloudwatch");
    CHECK(kinds(run) == std::vector<std::string>{"cloudwatch", "alertmanager", "opsgenie"});
    CHECK(run.diagnostics == std::vector<std::string>{
                                 "in.json:2:1: warning: unrecognised alert object {bar, foo}: 2 objects skipped (first "
                                 "here) [alerts.unknown-shape]",
                                 "in.json:6:2: warning: unrecognised alert object a number: 1 object skipped (first "
                                 "here) [alerts.unknown-shape]"});
    CHECK(run.dropped.at("alerts: unrecognised shape") == 3);
}

TEST_CASE("dispatch: unrecognised shapes across many batches are tallied in input order") {
    // 30,000 lines (over 2 MB: several 1 MB batches, on every worker); shape {x} first on line 5 and again on
    // line 29,000, shape {y} first on line 20,000: the warnings name the earliest of each, {x} first.
    std::string input;
    for (int line = 1; line <= 30000; ++line) {
        if (line == 5 || line == 29000)
            input += R"j({"x":1})j";
        else if (line == 20000)
            input += R"j({"y":2})j";
        else
            input += opsgenie_line;
        input += '\n';
    }
    REQUIRE(input.size() > (std::size_t{2} << 20));
    const auto run = run_alerts(input, "opsgenie");
    CHECK(run.diagnostics == std::vector<std::string>{
                                 "in.json:5:1: warning: unrecognised alert object {x}: 2 objects skipped (first here) "
                                 "[alerts.unknown-shape]",
                                 "in.json:20000:1: warning: unrecognised alert object {y}: 1 object skipped (first "
                                 "here) [alerts.unknown-shape]"});
    CHECK(run.dropped.at("alerts: unrecognised shape") == 3);
}

TEST_CASE("dispatch: a top-level array and concatenated pretty-printed documents") {
    const std::string array = std::string("[") + cloudwatch_line + ",\n" + opsgenie_line + "]";
    const auto from_array = run_alerts(array, "opsgenie");
    CHECK(kinds(from_array) == std::vector<std::string>{"cloudwatch", "opsgenie"});
    CHECK(from_array.diagnostics.empty());

    const std::string pretty =
        "{\n  \"AlarmName\": \"a\",\n  \"NewStateValue\": \"OK\",\n"
        "  \"StateChangeTime\": \"2024-07-25T10:00:00.000+0000\"\n}\n"
        "{\n  \"AlarmName\": \"b\",\n  \"NewStateValue\": \"OK\",\n"
        "  \"StateChangeTime\": \"2024-07-25T10:01:00.000+0000\"\n}\n";
    const auto from_pretty = run_alerts(pretty, "cloudwatch");
    CHECK(test::ids(from_pretty) == std::vector<std::string>{"cloudwatch:a/OK@2024-07-25T10:00:00.000Z",
                                                             "cloudwatch:b/OK@2024-07-25T10:01:00.000Z"});
    // Each record's events say where the record starts.
    CHECK(from_pretty.events[1].source.line == 6);
}

TEST_CASE("dispatch: invalid JSON costs only its own line") {
    const std::string input = std::string("{\"AlarmName\": oops}\n") + cloudwatch_line + "\n";
    const auto run = run_alerts(input, "cloudwatch");
    REQUIRE(run.diagnostics.size() == 1);
    CHECK(run.diagnostics[0].starts_with("in.json:1:15: error: "));
    CHECK(run.diagnostics[0].ends_with("[alerts.bad-json]"));
    CHECK(run.events.size() == 1);
}

TEST_CASE("dispatch: detection picks the vendor from content, a KIND: prefix forces one") {
    const fs::path file = fs::temp_directory_path() / ("retro-alerts-" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << alertmanager_line << "\n" << cloudwatch_line << "\n";
    const auto detected = run_sources({file.string()});
    CHECK(detected.diagnostics.empty());
    CHECK(kinds(detected) == std::vector<std::string>{"cloudwatch", "alertmanager"});
    // A Grafana-forced Alertmanager payload is read as Grafana's; the CloudWatch line keeps its own vendor.
    const auto forced = run_sources({"grafana:" + file.string()});
    CHECK(kinds(forced) == std::vector<std::string>{"cloudwatch", "grafana"});
    CHECK(forced.events[1].id == "grafana:f1@2024-07-25T10:15:00.000000Z");
    fs::remove(file);
}

TEST_CASE("dispatch: every file of the real alert corpus is read, with only the expected warnings") {
    // Files whose payloads carry no time (SOURCES.md "No timestamp at all"), Sentry issue actions without a
    // time of their own and the resolved-without-endsAt alert warn; nothing is an error.
    std::size_t files = 0, events = 0;
    for (const auto& entry : fs::recursive_directory_iterator(test::corpus_path("alerts"))) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const auto run = run_sources({entry.path().string()});
        INFO(entry.path().string());
        for (const auto& d : run.diagnostics) CHECK(d.find(": error: ") == std::string::npos);
        events += run.events.size();
    }
    CHECK(files == 42);  // 3 alertmanager, 7 cloudwatch, 8 grafana, 8 opsgenie, 9 pagerduty, 4 sentry, 3 statuspage
    // Per vendor, from the tests beside this one: cloudwatch 8 (2 history + 6 single), alertmanager 4,
    // grafana 6 (alert-9 1, alert-9-resolved 2, alert_v8 2, v11 1), pagerduty 10 (v3 4, v1 1+2+1, v2 1+1),
    // opsgenie 7 (8 files, escalate has no time), statuspage 4 (1 + 2 + 1 component), sentry 2.
    CHECK(events == 8 + 4 + 6 + 10 + 7 + 4 + 2);
}

TEST_CASE("paths of members and elements are written as diagnostics name them") {
    using ingest::alerts::element_path;
    using ingest::alerts::member_path;
    CHECK(member_path("", "alerts") == ".alerts");
    CHECK(element_path(member_path("", "alerts"), 12) == ".alerts[12]");
    CHECK(element_path("", 0) == "[0]");
    CHECK(member_path(element_path("", 18446744073709551615u), "Sns") == "[18446744073709551615].Sns");
}
