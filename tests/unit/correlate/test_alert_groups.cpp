// Correlation 3: alert grouping per key with group_interval, flapping, and same-minute continuations.
#include <catch2/catch.hpp>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

namespace {

struct Expect {
    std::string first, last;  // HH:MM:SS UTC
    std::uint64_t count, flaps;
    std::string resolved;  // "" when open
};

std::vector<Expect> groups_of(const Timeline& t) {
    std::vector<Expect> out;
    for (const auto& g : t.groups)
        out.push_back({format_utc(g.first).substr(11, 8), format_utc(g.last).substr(11, 8), g.count, g.flaps,
                       g.resolved ? format_utc(*g.resolved).substr(11, 8) : ""});
    return out;
}

bool operator==(const Expect& a, const Expect& b) {
    return a.first == b.first && a.last == b.last && a.count == b.count && a.flaps == b.flaps &&
           a.resolved == b.resolved;
}

}  // namespace

TEST_CASE("repeats under group_interval collapse, a later repeat starts a new group") {
    struct Row {
        const char* what;
        std::vector<Event> events;
        std::vector<Expect> groups;
    };
    auto rows = std::vector<Row>{
        {"repeats 5 min apart: one group",
         {alert("10:00:00", "api", "firing"), alert("10:05:00", "api", "firing"), alert("10:10:00", "api", "firing")},
         {{"10:00:00", "10:10:00", 3, 0, ""}}},
        {"exactly group_interval apart: a new group (gaps must be under it)",
         {alert("10:00:00", "api", "firing"), alert("10:10:00", "api", "firing")},
         {{"10:00:00", "10:00:00", 1, 0, ""}, {"10:10:00", "10:10:00", 1, 0, ""}}},
        {"flapping: firing/resolved pairs minutes apart collapse with their count",
         {alert("10:00:00", "api", "firing"), alert("10:02:00", "api", "resolved"), alert("10:05:00", "api", "firing"),
          alert("10:07:00", "api", "resolved"), alert("10:10:00", "api", "firing"),
          alert("10:12:00", "api", "resolved")},
         {{"10:00:00", "10:10:00", 3, 2, "10:12:00"}}},
        {"resolved, then firing again after the interval: a new entry",
         {alert("10:00:00", "api", "firing"), alert("10:02:00", "api", "resolved"), alert("10:12:30", "api", "firing")},
         {{"10:00:00", "10:00:00", 1, 0, "10:02:00"}, {"10:12:30", "10:12:30", 1, 0, ""}}},
        {"a resolution long after the firing still closes its group",
         {alert("10:00:00", "api", "firing"), alert("10:50:00", "api", "resolved")},
         {{"10:00:00", "10:00:00", 1, 0, "10:50:00"}}},
        {"one group per key",
         {alert("10:00:00", "api", "firing"), alert("10:01:00", "db", "firing"), alert("10:02:00", "api", "firing")},
         {{"10:00:00", "10:02:00", 2, 0, ""}, {"10:01:00", "10:01:00", 1, 0, ""}}},
        {"a resolution with nothing open is its own entry",
         {alert("10:00:00", "api", "resolved")},
         {{"10:00:00", "10:00:00", 0, 0, "10:00:00"}}},
    };
    for (auto& row : rows) {
        SECTION(row.what) {
            auto t = run(row.events);
            CHECK(groups_of(t) == row.groups);
            CHECK(t.ledger.raw_alerts == row.events.size());
            CHECK(t.ledger.alert_groups == row.groups.size());
            CHECK(t.ledger.balances());
        }
    }
}

TEST_CASE("group_interval comes from the options") {
    CorrelateOptions o;
    o.group_interval = std::chrono::minutes(3);
    auto t = run({alert("10:00:00", "api", "firing"), alert("10:05:00", "api", "firing")}, o);
    CHECK(t.groups.size() == 2);
}

TEST_CASE("alerts of one channel in the same minute are one entry with continuation lines") {
    // The seed's 11.14: four sierra-reader lambdas in one minute; a fifth alarm the next minute stands alone,
    // and an alarm in the same minute on another channel is its own entry.
    auto t = run({alert("10:14:03", "reader-orders", "firing"), alert("10:14:10", "reader-holdings", "firing"),
                  alert("10:14:17", "reader-items", "firing"), alert("10:14:24", "reader-bibs", "firing"),
                  alert("10:15:41", "catalogue-api", "firing"),
                  alert("10:14:30", "other", "firing", "export.zip!/ops/2024-07-25.json", "slack")});
    REQUIRE(t.entries.size() == 3);
    CHECK(t.entries[0].group->key == "reader-orders");
    REQUIRE(t.entries[0].continuations.size() == 3);
    CHECK(t.entries[0].continuations[0].group->key == "reader-holdings");
    CHECK(t.entries[0].continuations[2].group->key == "reader-bibs");
    CHECK(t.entries[1].group->key == "other");
    CHECK(t.entries[1].continuations.empty());
    CHECK(t.entries[2].group->key == "catalogue-api");
    CHECK(t.ledger.in_timeline == 6);  // continuations are lines of the timeline too
    CHECK(t.ledger.balances());
}

TEST_CASE("a second report of a resolution joins the group it closed") {
    // The Slack "OK" post comes 4 min before the alarm history's OK: past the merge tolerance, still one entry.
    auto t = run({alert("10:19:27", "identity-5xx", "firing"),
                  alert("11:14:30", "identity-5xx", "resolved", "export.zip!/alerts/2024-07-25.json", "slack"),
                  alert("11:18:33", "identity-5xx", "resolved")});
    REQUIRE(t.entries.size() == 1);
    REQUIRE(t.groups.size() == 1);
    CHECK(format_utc(*t.groups[0].resolved) == "2024-07-25T11:14:30.000000Z");
    CHECK(t.entries[0].event_ids.size() == 3);
}

TEST_CASE("alert aliases join a Slack post naming an alarm by its description to the alarm") {
    CorrelateOptions o;
    o.alert_aliases["Catalogue API errors"] = "catalogue-api-prod-5xx-alarm";
    std::vector<Event> events{
        alert("10:15:40", "Catalogue API errors", "firing", "export.zip!/alerts/2024-07-25.json", "slack"),
        alert("10:15:41", "catalogue-api-prod-5xx-alarm", "firing"),
        alert("10:17:31", "catalogue-api-prod-5xx-alarm", "resolved"),
        alert("10:20:40", "Catalogue API errors", "firing", "export.zip!/alerts/2024-07-25.json", "slack"),
        alert("10:20:41", "catalogue-api-prod-5xx-alarm", "firing"),
    };
    auto t = run(events, o);
    REQUIRE(t.groups.size() == 1);
    // Shown as the Slack post shows it, in its channel; two firings, each seen twice, one flap.
    CHECK(t.groups[0].key == "Catalogue API errors");
    CHECK(t.groups[0].channel == "alerts");
    CHECK(t.groups[0].count == 2);
    CHECK(t.groups[0].flaps == 1);
    CHECK(t.ledger.dropped.at("merged into another record of the same happening") == 2);
    CHECK(run(events).groups.size() == 2);  // without the alias: two alerts
}

TEST_CASE("a monitor's post that the checks are up again is a line of its own, an alarm's OK is not") {
    // The Wellcome retros' "14.44 Updown alert UP for: …": nine checks down at 14.37 and up at 14.44.
    auto posted = [](std::string hh_mm_ss, std::string key, std::string state, std::string text) {
        Event e = alert(std::move(hh_mm_ss), std::move(key), std::move(state), "export.zip!/alerts/2024-07-25.json",
                        "slack");
        e.text = std::move(text);
        return e;
    };
    auto t = run({posted("13:37:02", "Works API", "firing", ":x: Updown alert DOWN: Works API is down: 502"),
                  posted("13:37:04", "Images API", "firing", ":x: Updown alert DOWN: Images API is down: 502"),
                  posted("13:44:01", "Works API", "resolved", ":white_check_mark: Updown alert UP: Works API recovered"),
                  posted("13:44:03", "Images API", "resolved", ":white_check_mark: Updown alert UP: Images API recovered"),
                  posted("13:40:00", "api-5xx", "firing", "ALARM: api-5xx"),
                  posted("13:45:00", "api-5xx", "resolved", "OK: api-5xx Threshold no longer crossed")});
    REQUIRE(t.entries.size() == 3);
    CHECK(t.entries[0].group->key == "Works API");
    CHECK(t.entries[0].continuations.size() == 1);
    CHECK(t.entries[1].group->key == "api-5xx");
    CHECK(!t.entries[2].group);  // the recovery: its own line, the two posts of one minute folded
    CHECK(t.entries[2].text == ":white_check_mark: Updown alert UP: Works API recovered");
    REQUIRE(t.entries[2].continuations.size() == 1);
    // The groups are closed by the recoveries all the same.
    REQUIRE(t.groups.size() == 3);
    CHECK(t.groups[0].key == "Works API");
    CHECK(format_utc(*t.groups[0].resolved) == "2024-07-25T13:44:01.000000Z");
    CHECK(t.ledger.in_timeline == 5);  // the OK joined its group, behind the api-5xx line
    CHECK(t.ledger.dropped.at("grouped into an alert entry") == 1);
    CHECK(t.ledger.balances());
}

TEST_CASE("a short flap is listed line by line, a longer one is a storm of one line") {
    // Down, up, down again within the interval: two firings, each its own line with the resolution after it.
    auto t = run({alert("10:00:00", "api", "firing"), alert("10:02:00", "api", "resolved"),
                  alert("10:05:00", "api", "firing"), alert("10:07:00", "api", "resolved"),
                  message("10:03", "Ann Lee", "api flapping")});
    CHECK(lines(t) == std::vector<std::string>{"10:00 api", "10:03 AL api flapping", "10:05 api"});
    REQUIRE(t.entries.front().group);
    CHECK(t.entries.front().group->count == 1);
    CHECK(format_utc(*t.entries.front().group->resolved) == "2024-07-25T10:02:00.000000Z");
    CHECK(groups_of(t) == std::vector<Expect>{{"10:00:00", "10:05:00", 2, 1, "10:07:00"}});  // one group all the same
    CHECK(t.ledger.in_timeline == 3);
    CHECK(t.ledger.balances());
    // Three firings: a storm, one line (the default `flap_lines` is 2).
    auto storm = run({alert("10:00:00", "api", "firing"), alert("10:02:00", "api", "resolved"),
                      alert("10:05:00", "api", "firing"), alert("10:07:00", "api", "resolved"),
                      alert("10:09:00", "api", "firing")});
    CHECK(lines(storm) == std::vector<std::string>{"10:00 api"});
    CorrelateOptions o;
    o.flap_lines = 3;
    CHECK(lines(run({alert("10:00:00", "api", "firing"), alert("10:02:00", "api", "resolved"),
                     alert("10:05:00", "api", "firing"), alert("10:07:00", "api", "resolved"),
                     alert("10:09:00", "api", "firing")},
                    o))
              .size() == 3);
}
