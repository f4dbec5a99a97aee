// json-map (issue 5 item 5): any script's JSON read through `--map` / `[ingest.map]` field paths.
#include <catch2/catch.hpp>

#include "alerts_test_support.hpp"

using namespace retro;
using test::run_alerts;

namespace {

IngestOptions mapped() {
    IngestOptions options;
    options.json_map = {{"time", ".detail.at"}, {"title", ".name"}, {"state", "detail.state"}, {"severity", ".sev"}};
    return options;
}

}  // namespace

TEST_CASE("json-map: mapped fields, any time form, wrong types and missing times") {
    const std::string input =
        R"j({"name":"disk full","sev":"high","detail":{"at":"2024-07-25T11:14:00+01:00","state":"ALARM"}})j"
        "\n"
        R"j({"name":"naive","detail":{"at":"2024-07-25 10:20:00","state":"ok"}})j"
        "\n"
        R"j({"name":"nested","detail":{"at":{"x":1}}})j"
        "\n"
        R"j({"name":"no time"})j"
        "\n"
        R"j({"name":"epoch","detail":{"at":1721902440456}})j"
        "\n";
    const auto run = run_alerts(input, "json-map", mapped());
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "in.json:3:28: error: `.detail.at` (time) is an object where a string or number was expected; record "
              "skipped [json-map.bad-field]",
              "in.json:4:1: warning: record has no value at the mapped `time` path; not emitted [json-map.no-time]"});
    CHECK(test::ids(run) == std::vector<std::string>{"json-map:disk full/firing@2024-07-25T10:14:00.000000Z",
                                                     "json-map:epoch/unknown@2024-07-25T10:14:00.456000Z",
                                                     "json-map:naive/resolved@2024-07-25T10:20:00.000000Z"});
    CHECK(*run.events[0].alert == AlertInfo{"disk full", "", "firing", "high", ""});
    CHECK(run.events[0].time_raw == "2024-07-25T11:14:00+01:00");
    CHECK(run.events[0].source.kind == "json-map");
    CHECK(run.events[1].time_raw == "1721902440456");
    // A naive time is read in --assume-tz (UTC by default), and says so.
    CHECK(run.events[2].provenance.or_empty().tz_assumed == "UTC");
    CHECK(run.events[0].provenance.or_empty().tz_assumed.empty());
}

TEST_CASE("json-map: a mapped id is the native id, unknown map fields are reported once") {
    IngestOptions options;
    options.json_map = {{"time", ".t"}, {"id", ".uid"}, {"colour", ".c"}};
    const auto run = run_alerts(R"j({"t":"2024-07-25T10:00:00Z","uid":42})j", "json-map", options);
    CHECK(test::ids(run) == std::vector<std::string>{"json-map:42"});
    CHECK(run.diagnostics ==
          std::vector<std::string>{"in.json: warning: unknown json-map field `colour` (known: time, title, key, state, "
                                   "severity, service, id, fingerprint) [json-map.unknown-field]"});
}

TEST_CASE("json-map: forced without a map is an error, known shapes still read") {
    const auto run = run_alerts(
        R"j({"AlarmName":"a","NewStateValue":"OK","StateChangeTime":"2024-07-25T10:00:00.000+0000"})j", "json-map");
    CHECK(run.diagnostics == std::vector<std::string>{"in.json: error: json-map needs a field map: --map "
                                                      "time=.path,title=.path or [ingest.map] [json-map.no-map]"});
    CHECK(test::ids(run) == std::vector<std::string>{"cloudwatch:a/OK@2024-07-25T10:00:00.000Z"});
}
