// The alert vendor rows (issue 16 item 2): names unique, every row's `KIND:` prefix forces it, detection
// follows the array's order, and a row added in a test is dispatched to and sniffed without touching any
// other file.
#include <catch2/catch.hpp>

#include <set>

#include "alerts_test_support.hpp"
#include "ingest/alerts/alert_vendors.hpp"
#include "ingest/detect.hpp"

using namespace retro;
using namespace retro::ingest::alerts;
using test::run_sources;

namespace {

std::vector<std::string> names(AlertVendors rows) {
    std::vector<std::string> out;
    for (const AlertVendor* row : rows) out.emplace_back(row->name);
    return out;
}

std::vector<std::string> kinds(const test::AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(e.source.kind.str());
    return out;
}

// A corpus file of each vendor, detected as that vendor's row.
const std::vector<std::pair<std::string, std::string>> samples = {
    {"cloudwatch", "alerts/cloudwatch/describe-alarm-history.json"},
    {"statuspage", "alerts/statuspage/incident_created.json"},
    {"opsgenie", "alerts/opsgenie/create.json"},
    {"sentry", "alerts/sentry/issue_created_for_exception.json"},
    {"pagerduty", "alerts/pagerduty/triggered_v3.json"},
    {"grafana", "alerts/grafana/alert_v8.json"},
    {"alertmanager", "alerts/alertmanager/alert.json"},
};

// A vendor of test objects `{"fake": …, "at": "<ISO time>"}`, marked by `"fake"`.
bool has_fake_shape(json::Element value, const IngestOptions&) {
    return json::member(value, "fake").has_value();
}

void parse_fake(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, "fake");
    auto time = r.iso_time(value, path, "at");
    if (!time) return ctx.sink.drop("fake: no time");
    Event e = make_alert_event("fake", text);
    e.id = "fake:" + format_utc(*time);
    e.time = *time;
    ctx.sink.add(std::move(e));
}

constexpr std::string_view fake_markers[] = {R"("fake")"};
const AlertVendor fake_vendor{"fake", has_fake_shape, parse_fake, fake_markers};

test::AlertRun run_rows(std::string_view bytes, const AlertVendor& preferred, AlertVendors rows) {
    auto diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    Input input;
    input.name = "in.json";
    input.head = std::string(bytes);
    ingest_alert_input(input, {IngestOptions{}, diags, sink}, preferred, rows);
    return test::collect(sink, diags);
}

}  // namespace

TEST_CASE("alert vendor rows: names are unique, in detection order, json-map last") {
    const auto rows = names(alert_vendors());
    CHECK(rows == std::vector<std::string>{"cloudwatch", "statuspage", "opsgenie", "sentry", "pagerduty", "grafana",
                                           "alertmanager", "json-map"});
    CHECK(std::set<std::string>(rows.begin(), rows.end()).size() == rows.size());
    for (const AlertVendor* row : alert_vendors()) {
        CHECK(row->has_shape != nullptr);
        CHECK(row->parse != nullptr);
        CHECK(find_alert_vendor(row->name) == row);
    }
    CHECK(find_alert_vendor("alerts") == nullptr);
}

TEST_CASE("alert vendor rows: the registry has one row per vendor, in the array's order") {
    std::vector<std::string> registered;
    for (const Ingester& row : ingesters())
        if (find_alert_vendor(row.kind)) registered.emplace_back(row.kind);
    CHECK(registered == names(alert_vendors()));
    for (const AlertVendor* row : alert_vendors()) {
        const SourceSpec spec = parse_source_spec(std::string(row->name) + ":in.json");
        CHECK(spec.kind == row->name);
        CHECK(spec.path == "in.json");
    }
}

TEST_CASE("alert vendor rows: each vendor's file is detected as its row, and its KIND: prefix forces it") {
    for (const auto& [kind, file] : samples) {
        CAPTURE(kind);
        const std::string path = test::corpus_path(file);
        const auto detected = run_sources({path});
        REQUIRE_FALSE(detected.events.empty());
        CHECK(detected.events.front().source.kind == kind);
        const auto forced = run_sources({kind + ":" + path});
        CHECK(kinds(forced) == kinds(detected));
    }
    // A preferred row wins for objects it accepts: Alertmanager's payload read as grafana.
    const auto as_grafana = run_sources({"grafana:" + test::corpus_path("alerts/alertmanager/alert.json")});
    REQUIRE_FALSE(as_grafana.events.empty());
    CHECK(as_grafana.events.front().source.kind == "grafana");
    // json-map is never detected; forced, with a map, it reads any object.
    IngestOptions options;
    options.json_map = {{"time", ".alert.createdAt"}, {"title", ".alert.message"}};
    const auto as_json_map = run_sources({"json-map:" + test::corpus_path("alerts/opsgenie/create.json")}, options);
    CHECK(kinds(as_json_map) == std::vector<std::string>{"json-map"});
}

TEST_CASE("alert vendor rows: an object of several shapes goes to the earliest row") {
    const char* both = R"j({"fake":1,"AlarmName":"disk","NewStateValue":"ALARM","at":"2024-07-25T10:00:00Z",)j"
                       R"j("StateChangeTime":"2024-07-25T10:14:03.123+0000"})j";
    const AlertVendor* cloudwatch = find_alert_vendor("cloudwatch");
    const AlertVendor* fake_first[] = {&fake_vendor, cloudwatch};
    const AlertVendor* fake_last[] = {cloudwatch, &fake_vendor};
    const AlertVendor* json_map = find_alert_vendor("json-map");
    CHECK(kinds(run_rows(both, *json_map, fake_first)) == std::vector<std::string>{"fake"});
    CHECK(kinds(run_rows(both, *json_map, fake_last)) == std::vector<std::string>{"cloudwatch"});
    // Grafana's unified payload is also Alertmanager-shaped: grafana's row comes first.
    auto diags = test::quiet_diagnostics();
    json::DomParser parser;
    auto root = parser.parse(R"j({"alerts":[],"orgId":1})j", Origin{"x", 1, 1}, diags, "alerts.bad-json");
    REQUIRE(root);
    CHECK(detect_alert_vendor(*root, IngestOptions{}, alert_vendors()) == find_alert_vendor("grafana"));
}

TEST_CASE("alert vendor rows: a row added in a test is dispatched to and sniffed") {
    std::vector<const AlertVendor*> rows(alert_vendors().begin(), alert_vendors().end());
    rows.insert(rows.begin(), &fake_vendor);
    const std::string input =
        std::string(
            R"j({"AlarmName":"disk","NewStateValue":"ALARM","StateChangeTime":"2024-07-25T10:14:03.123+0000"})j") +
        "\n" + R"j({"fake":true,"at":"2024-07-25T10:20:00Z"})j" + "\n" + R"j({"fake":true})j" + "\n";
    const auto run = run_rows(input, *find_alert_vendor("cloudwatch"), rows);
    CHECK(test::ids(run) == std::vector<std::string>{"cloudwatch:disk/ALARM@2024-07-25T10:14:03.123Z",
                                                     "fake:2024-07-25T10:20:00.000000Z"});
    CHECK(run.dropped.at("fake: no time") == 1);
    CHECK(run.diagnostics.empty());
    // Without the row, its objects are an unknown shape.
    CHECK(test::ids(run_rows(input, *find_alert_vendor("cloudwatch"), alert_vendors())) ==
          std::vector<std::string>{"cloudwatch:disk/ALARM@2024-07-25T10:14:03.123Z"});

    CHECK(sniff_alert_vendor(Probe{"x", R"j({"fake":1})j"}, rows) == &fake_vendor);
    CHECK(sniff_alert_vendor(Probe{"x", R"j({"fake":1})j"}) == nullptr);
    // A head cut off inside its first record: the earliest marker of any row.
    CHECK(sniff_alert_vendor(Probe{"x", R"j({"fake":1,"AlarmName":"disk","a":[)j"}, rows) == &fake_vendor);
    CHECK(sniff_alert_vendor(Probe{"x", R"j({"AlarmName":"disk","fake":1,"a":[)j"}, rows) ==
          find_alert_vendor("cloudwatch"));
}

TEST_CASE("alert vendor rows: detection through the registry asks the family once and names the row") {
    Input input;
    input.name = "x.json";
    input.head = R"j({"alerts":[{"labels":{"alertname":"Up"},"startsAt":"2024-07-25T10:15:00Z"}],"orgId":1})j";
    const Ingester* row = detect_ingester(input);
    REQUIRE(row);
    CHECK(row->kind == "grafana");
    input.head = R"j({"unknown":1})j";
    CHECK(detect_ingester(input) == nullptr);
}
