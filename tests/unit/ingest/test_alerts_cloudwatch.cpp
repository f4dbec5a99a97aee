// CloudWatch alarm state changes (input-formats.md §2; issue 5 item 2): SNS, Lambda Records, EventBridge,
// describe-alarm-history (CLI v1 and v2), embedded JSON positions, wrong-typed fields, the real corpus
// files and the 2024-07-25 sample.
#include <catch2/catch.hpp>

#include <map>

#include "alerts_test_support.hpp"

using namespace retro;
using test::run_alerts;
using test::run_sources;

namespace {

const char* sns_line =
    R"j({"Type":"Notification","MessageId":"m1","Subject":"ALARM: \"disk\" in EU (Ireland)","Message":"{\"AlarmName\":\"disk\",\"NewStateValue\":\"ALARM\",\"NewStateReason\":\"Threshold Crossed\",\"StateChangeTime\":\"2024-07-25T10:14:03.123+0000\",\"OldStateValue\":\"OK\"}","Timestamp":"2024-07-25T10:14:03.400Z"})j"
    "\n";

}  // namespace

TEST_CASE("cloudwatch: an SNS notification gives one transition, id to the millisecond") {
    const auto run = run_alerts(sns_line, "cloudwatch");
    REQUIRE(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    const Event& e = run.events[0];
    CHECK(e.id == "cloudwatch:disk/ALARM@2024-07-25T10:14:03.123Z");
    CHECK(format_utc(e.time) == "2024-07-25T10:14:03.123000Z");
    CHECK(e.time_raw == "2024-07-25T10:14:03.123+0000");
    CHECK(e.kind == EventKind::alert);
    CHECK(e.source.kind == "cloudwatch");
    CHECK(e.source.vendor == "cloudwatch");
    CHECK(e.source.origin == "in.json");
    CHECK(e.source.line == 1);
    CHECK(e.channel == "cloudwatch");
    CHECK(e.text == "ALARM: disk: Threshold Crossed");
    REQUIRE(e.alert);
    CHECK(*e.alert == AlertInfo{"disk", "", "firing", "", ""});
}

TEST_CASE("cloudwatch: states map ALARM/OK/INSUFFICIENT_DATA to firing/resolved/unknown") {
    struct Row {
        const char* value;
        const char* state;
    };
    for (const Row row : {Row{"ALARM", "firing"}, Row{"OK", "resolved"}, Row{"INSUFFICIENT_DATA", "unknown"}}) {
        const std::string line = std::string(R"j({"AlarmName":"a","NewStateValue":")j") + row.value +
                                 R"j(","StateChangeTime":"2024-07-25T10:00:00.000+0000"})j";
        const auto run = run_alerts(line, "cloudwatch");
        REQUIRE(run.events.size() == 1);
        CHECK(run.events[0].alert->state == row.state);
        CHECK(run.events[0].id == std::string("cloudwatch:a/") + row.value + "@2024-07-25T10:00:00.000Z");
    }
}

TEST_CASE("cloudwatch: the same transition from SNS and from the history (CLI v2 times) has one id") {
    const std::string history =
        R"j({"AlarmHistoryItems":[)j"
        R"j({"AlarmName":"disk","Timestamp":"2024-07-25T10:14:03.123000+00:00","HistoryItemType":"StateUpdate","HistorySummary":"Alarm updated from OK to ALARM","HistoryData":"{\"version\":\"1.0\",\"newState\":{\"stateValue\":\"ALARM\",\"stateReason\":\"Threshold Crossed\"}}"},)j"
        R"j({"AlarmName":"disk","Timestamp":"2024-07-25T10:14:03.303000+00:00","HistoryItemType":"Action","HistorySummary":"Successfully executed action arn:aws:sns:eu-west-1:1:t","HistoryData":"{}"},)j"
        R"j({"AlarmName":"disk","Timestamp":"2024-07-25T08:00:00.000000+00:00","HistoryItemType":"ConfigurationUpdate","HistorySummary":"Alarm \"disk\" updated","HistoryData":"{}"}]})j"
        "\n";
    const auto run = run_alerts(history + sns_line, "cloudwatch");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    CHECK(run.duplicates == 1);
    CHECK(run.events[0].id == "cloudwatch:disk/ALARM@2024-07-25T10:14:03.123Z");
    // Only StateUpdate items are transitions; the others are counted by type.
    CHECK(run.dropped.at("cloudwatch: Action history item") == 1);
    CHECK(run.dropped.at("cloudwatch: ConfigurationUpdate history item") == 1);
}

TEST_CASE("cloudwatch: EventBridge routed through SNS (the event is the Message string)") {
    const char* line =
        R"j({"Type":"Notification","Message":"{\"version\":\"0\",\"detail-type\":\"CloudWatch Alarm State Change\",\"source\":\"aws.cloudwatch\",\"time\":\"2019-10-02T17:04:40Z\",\"detail\":{\"alarmName\":\"ServerCpuTooHigh\",\"state\":{\"value\":\"ALARM\",\"reason\":\"Threshold Crossed\",\"reasonData\":\"{\\\"version\\\":\\\"1.0\\\"}\",\"timestamp\":\"2019-10-02T17:04:40.989+0000\"}}}","Timestamp":"2019-10-02T17:04:41.000Z"})j";
    const auto run = run_alerts(line, "cloudwatch");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].id == "cloudwatch:ServerCpuTooHigh/ALARM@2019-10-02T17:04:40.989Z");
    CHECK(run.events[0].text == "ALARM: ServerCpuTooHigh: Threshold Crossed");
}

TEST_CASE("cloudwatch: a Message that does not parse keeps the outer record with a positioned warning") {
    // The Message string's value starts at column 117; inside it, the bad `}` is at offset 36.
    const char* line =
        R"j({"Type":"Notification","Subject":"ALARM: \"disk\" in EU (Ireland)","Timestamp":"2024-07-25T10:14:03.400Z","Message":"{\"AlarmName\":\"disk\",\"NewStateValue\":}"})j";
    const auto run = run_alerts(line, "cloudwatch");
    REQUIRE(run.diagnostics.size() == 1);
    CHECK(run.diagnostics[0] ==
          "in.json:1:117: warning: embedded JSON does not parse: expected a JSON value "
          "(in Message, offset 36) [cloudwatch.bad-embedded-json]");
    REQUIRE(run.events.size() == 1);
    const Event& e = run.events[0];
    CHECK(e.id == "cloudwatch:disk/ALARM@2024-07-25T10:14:03.400Z");
    CHECK(e.provenance.or_empty().time_fallback == "sns-timestamp");
    CHECK(e.text == "ALARM: disk: ALARM: \"disk\" in EU (Ireland)");
}

TEST_CASE("cloudwatch: a wrong-typed field is reported at its key and only that record is skipped") {
    const std::string input =
        std::string(R"j({"AlarmName":"a","NewStateValue":"ALARM","StateChangeTime":12345})j") + "\n" + sns_line;
    const auto run = run_alerts(input, "cloudwatch");
    CHECK(run.diagnostics ==
          std::vector<std::string>{"in.json:1:42: error: `StateChangeTime` is a number where a time string was "
                                   "expected; record skipped [cloudwatch.bad-field]"});
    CHECK(test::ids(run) == std::vector<std::string>{"cloudwatch:disk/ALARM@2024-07-25T10:14:03.123Z"});
    CHECK(run.dropped.at("cloudwatch: damaged record") == 1);
}

TEST_CASE("cloudwatch: a wrong-typed field inside HistoryData is positioned inside the string") {
    // Line 2 holds the item; `"HistoryData":` value starts at column 103. In the decoded HistoryData
    // `{"newState":{"stateValue":7}}`, the key "stateValue" starts at offset 13.
    const std::string input =
        "{\"AlarmHistoryItems\":[\n"
        R"j({"AlarmName":"a","Timestamp":"2024-07-25T10:14:03.123Z","HistoryItemType":"StateUpdate","HistoryData":"{\"newState\":{\"stateValue\":7}}"}]})j";
    const auto run = run_alerts(input, "cloudwatch");
    CHECK(run.diagnostics ==
          std::vector<std::string>{"in.json:2:103: error: `stateValue` is a number where a string was expected; "
                                   "record skipped (in HistoryData, offset 13) [cloudwatch.bad-field]"});
    CHECK(run.events.empty());
}

TEST_CASE("cloudwatch corpus: describe-alarm-history (CLI v1 times, newest first)") {
    // describe-alarm-history.json (aws-cli example): two StateUpdate items of `myalarm`, newest first:
    // 18:59:06.442Z "from ALARM to OK" and 18:59:05.805Z "from OK to ALARM". Sorted: ALARM then OK.
    const auto run = run_sources({test::corpus_path("alerts/cloudwatch/describe-alarm-history.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"cloudwatch:myalarm/ALARM@2014-04-09T18:59:05.805Z",
                                                     "cloudwatch:myalarm/OK@2014-04-09T18:59:06.442Z"});
    CHECK(test::states(run) == std::vector<std::string>{"firing", "resolved"});
    CHECK(run.events[0].text == "ALARM: myalarm: testing purposes");
}

TEST_CASE("cloudwatch corpus: SNS in Lambda Records, EventBridge and metric-math payloads") {
    struct Row {
        const char* file;
        const char* id;
    };
    // Ids from each file's AlarmName / detail.alarmName, NewStateValue / state.value and StateChangeTime /
    // detail.state.timestamp, read by eye.
    const Row rows[] = {
        {"alerts/cloudwatch/test-event.json", "cloudwatch:Example alarm name/ALARM@2017-01-12T16:30:42.236Z"},
        {"alerts/cloudwatch/cloudwatch-alarm-sns-payload-single-metric.json",
         "cloudwatch:EXAMPLE/ALARM@2015-06-03T17:43:27.123Z"},
        {"alerts/cloudwatch/cloudwatch-alarm-sns-payload-multiple-metrics.json",
         "cloudwatch:EXAMPLE/ALARM@2015-06-03T17:43:27.123Z"},
        {"alerts/cloudwatch/cloudwatch-and-eventbridge.single-metric-alarm.json",
         "cloudwatch:ServerCpuTooHigh/ALARM@2019-10-02T17:04:40.989Z"},
        {"alerts/cloudwatch/cloudwatch-and-eventbridge.metric-math-alarm.json",
         "cloudwatch:TotalNetworkTrafficTooHigh/ALARM@2019-10-02T17:20:48.554Z"},
        {"alerts/cloudwatch/cloudwatch-and-eventbridge.anomaly-detection-alarm.json",
         "cloudwatch:EC2 CPU Utilization Anomaly/ALARM@2019-10-03T16:00:04.653Z"},
    };
    for (const Row& row : rows) {
        INFO(row.file);
        const auto run = run_sources({test::corpus_path(row.file)});
        CHECK(run.diagnostics.empty());
        CHECK(test::ids(run) == std::vector<std::string>{row.id});
        CHECK(test::states(run) == std::vector<std::string>{"firing"});
    }
}

TEST_CASE("cloudwatch sample: the 2024-07-25 alarm history and its SNS copies") {
    // make_alarm_samples.py writes 4 sierra-reader alarms × (ALARM, OK) + 14 catalogue ALARM/OK pairs +
    // identity-api ALARM/OK + 6 failed-login ALARM/OK pairs = 8 + 28 + 2 + 12 = 50 StateUpdate items,
    // one Action item per ALARM (4 + 14 + 1 + 6 = 25) and one ConfigurationUpdate.
    const auto history = run_sources({test::source_path("samples/2024-07-25-login/alarm-history.json")});
    CHECK(history.diagnostics.empty());
    REQUIRE(history.events.size() == 50);
    CHECK(history.dropped.at("cloudwatch: Action history item") == 25);
    CHECK(history.dropped.at("cloudwatch: ConfigurationUpdate history item") == 1);
    // The seed's 11.14 (BST) is 10:14 UTC: the first sierra-reader alarm.
    CHECK(history.events.front().id ==
          "cloudwatch:platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-orders/ALARM@"
          "2024-07-25T10:14:03.123Z");
    CHECK(history.events.front().time_raw == "2024-07-25T10:14:03.123000+00:00");
    // The last: the sierra readers clearing at 12.36 BST.
    CHECK(format_utc(history.events.back().time) == "2024-07-25T11:36:27.567000Z");
    CHECK(history.events.back().alert->state == "resolved");

    // Against the seed retro (BST, UTC+1), to the minute: sierra readers 11.14, catalogue API errors first
    // 11.15 and last 12.17, identity-api-prod-5xx-alarm 11.19, failed logins last 12.11.
    struct Span {
        std::string first, last;
        int firings = 0;
    };
    std::map<std::string, Span> firing;
    for (const Event& e : history.events) {
        if (e.alert->state != "firing") continue;
        Span& span = firing[e.alert->key];
        const std::string minute = format_utc(e.time).substr(11, 5);
        if (span.firings++ == 0) span.first = minute;
        span.last = minute;
    }
    CHECK(firing.size() == 7);
    for (const char* reader : {"orders", "holdings", "items", "bibs"}) {
        const Span& span =
            firing[std::string("platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-") + reader];
        CHECK(span.first == "10:14");
        CHECK(span.firings == 1);
    }
    CHECK(firing["catalogue-api-prod-5xx-alarm"].first == "10:15");
    CHECK(firing["catalogue-api-prod-5xx-alarm"].last == "11:17");
    CHECK(firing["identity-api-prod-5xx-alarm"].first == "10:19");
    CHECK(firing["identity-prod-failed-login-alarm"].last == "11:11");

    // The two SNS copies repeat two of those transitions: still 50 events, 2 duplicates removed.
    const auto both = run_sources({test::source_path("samples/2024-07-25-login/sns-copies.ndjson"),
                                   test::source_path("samples/2024-07-25-login/alarm-history.json")});
    CHECK(both.diagnostics.empty());
    CHECK(both.events.size() == 50);
    CHECK(both.duplicates == 2);
}

TEST_CASE("cloudwatch: the Lambda alarm action form and non-alarm SNS notifications") {
    const char* action =
        R"j({"source":"aws.cloudwatch","alarmArn":"arn:aws:cloudwatch:us-east-1:1:alarm:lambda-demo","accountId":"1","time":"2023-08-04T12:36:15.490+0000","region":"us-east-1","alarmData":{"alarmName":"lambda-demo","state":{"value":"ALARM","reason":"test","timestamp":"2023-08-04T12:36:15.490+0000"}}})j";
    const auto run = run_alerts(action, "cloudwatch");
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"cloudwatch:lambda-demo/ALARM@2023-08-04T12:36:15.490Z"});

    // A plain-text SNS message is no alarm: a warning at its Message, counted, nothing emitted.
    const auto text =
        run_alerts(R"j({"Type":"Notification","Message":"hello","Timestamp":"2024-07-25T10:00:00Z"})j", "cloudwatch");
    CHECK(text.events.empty());
    CHECK(text.diagnostics == std::vector<std::string>{"in.json:1:24: warning: SNS notification does not carry a "
                                                       "CloudWatch alarm; not emitted [cloudwatch.not-alarm]"});
    CHECK(text.dropped.at("cloudwatch: SNS notification without an alarm") == 1);
}

TEST_CASE("cloudwatch: damaged HistoryData keeps the item, its state read from HistorySummary") {
    // The HistoryData value starts at column 103; the decoded text `{"newState":` ends at offset 12.
    const char* item =
        R"j({"AlarmName":"a","Timestamp":"2024-07-25T10:14:03.123Z","HistoryItemType":"StateUpdate","HistoryData":"{\"newState\":","HistorySummary":"Alarm updated from ALARM to OK"})j";
    const auto run = run_alerts(item, "cloudwatch");
    REQUIRE(run.diagnostics.size() == 1);
    CHECK(run.diagnostics[0].starts_with("in.json:1:103: warning: embedded JSON does not parse: "));
    CHECK(run.diagnostics[0].ends_with(" (in HistoryData, offset 12) [cloudwatch.bad-embedded-json]"));
    CHECK(test::ids(run) == std::vector<std::string>{"cloudwatch:a/OK@2024-07-25T10:14:03.123Z"});
    CHECK(run.events[0].text == "OK: a: Alarm updated from ALARM to OK");
}

TEST_CASE("cloudwatch third-party corpus: every file, one transition each") {
    struct Row {
        const char* file;
        const char* id;
        const char* time;
    };
    // Read by eye from each file (issue 19 item 2): the alarm name, the new state and its time.
    const Row rows[] = {
        // SNS HTTP notification: Message.AlarmName, NewStateValue, StateChangeTime 2015-12-04T07:22:14.394+0000.
        {"lita-aws-cloudwatch-sns-http-notification.json", "cloudwatch:api-1 - Network In/ALARM@2015-12-04T07:22:14.394Z",
         "2015-12-04T07:22:14.394000Z"},
        // Lambda alarm action, composite: alarmData.state.timestamp 12:56:46.138 (previousState 12:54:46.138).
        {"powertools-cloudWatchAlarmEventCompositeMetric.json", "cloudwatch:CompositeDemo.Main/ALARM@2023-08-04T12:56:46.138Z",
         "2023-08-04T12:56:46.138000Z"},
        // Lambda alarm action, metric math: state.timestamp 11:53:08.431 (reasonData.queryDate 11:53:08.423).
        {"powertools-cloudWatchAlarmEventSingleMetric.json", "cloudwatch:Test alert/ALARM@2024-02-17T11:53:08.431Z",
         "2024-02-17T11:53:08.431000Z"},
        // EventBridge envelope (detail-type, time 15:57:45Z to the second) with the body under `alarmData`.
        {"rust-runtime-example-cloudwatch-alarm-composite-with-suppressor-alarm.json",
         "cloudwatch:ServiceAggregatedAlarm/ALARM@2022-07-22T15:57:45.394Z", "2022-07-22T15:57:45.394000Z"},
        // AWS documentation sample: `2023-08-04T12: 36: 15.490+0000`, spaces inside the time.
        {"rust-runtime-example-cloudwatch-alarm-metric.json",
         "cloudwatch:lambda-demo-metric-alarm/ALARM@2023-08-04T12:36:15.490Z", "2023-08-04T12:36:15.490000Z"},
    };
    for (const Row& row : rows) {
        INFO(row.file);
        const auto run = run_sources({test::corpus_path(std::string("third-party/cloudwatch/") + row.file)});
        CHECK(test::ids(run) == std::vector<std::string>{row.id});
        CHECK(test::times(run) == std::vector<std::string>{row.time});
        CHECK(test::states(run) == std::vector<std::string>{"firing"});
        if (std::string_view(row.file) != "rust-runtime-example-cloudwatch-alarm-metric.json") CHECK(run.diagnostics.empty());
    }
}

TEST_CASE("cloudwatch: AWS documentation times with spaces are read with a warning at the field") {
    const std::string path = test::corpus_path("third-party/cloudwatch/rust-runtime-example-cloudwatch-alarm-metric.json");
    const auto run = run_sources({path});
    // `"timestamp"` of alarmData.state is on line 12, column 13.
    CHECK(run.diagnostics ==
          std::vector<std::string>{path + ":12:13: warning: `timestamp` holds `2023-08-04T12: 36: 15.490+0000`, with "
                                          "spaces inside the time (as AWS's documentation samples write it); read as "
                                          "`2023-08-04T12:36:15.490+0000` [cloudwatch.spaced-time]"});
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].time_raw == "2023-08-04T12: 36: 15.490+0000");
    CHECK(run.events[0].text == "ALARM: lambda-demo-metric-alarm: test");

    // Only that form is repaired: other damage stays an error, and the space-free form gives no warning.
    const auto other = run_alerts(
        R"j({"AlarmName":"a","NewStateValue":"ALARM","StateChangeTime":"2023-08-04T12 :36:15.490+0000"})j", "cloudwatch");
    CHECK(other.events.empty());
    REQUIRE(other.diagnostics.size() == 1);
    CHECK(other.diagnostics[0].ends_with("[cloudwatch.bad-time]"));
    const auto history = run_alerts(
        R"j({"AlarmName":"a","Timestamp":"2024-07-25T10: 14: 03.123Z","HistoryItemType":"StateUpdate","HistorySummary":"Alarm updated from OK to ALARM"})j",
        "cloudwatch");
    CHECK(test::ids(history) == std::vector<std::string>{"cloudwatch:a/ALARM@2024-07-25T10:14:03.123Z"});
    REQUIRE(history.diagnostics.size() == 1);
    CHECK(history.diagnostics[0].starts_with("in.json:1:18: warning: `Timestamp` holds `2024-07-25T10: 14: 03.123Z`"));
}

TEST_CASE("cloudwatch: an EventBridge envelope needs `detail` or `alarmData`") {
    const auto run = run_alerts(
        R"j({"detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","time":"2022-07-22T15:57:45Z"})j",
        "cloudwatch");
    CHECK(run.events.empty());
    CHECK(run.diagnostics == std::vector<std::string>{"in.json:1:1: warning: EventBridge alarm event without `detail` "
                                                      "or `alarmData`; not emitted [cloudwatch.incomplete]"});
}
