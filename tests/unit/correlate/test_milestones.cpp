// Correlation 5: milestones with evidence and method, config pins, and the metrics between them.
#include <catch2/catch.hpp>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

namespace {

const Milestone* find(const Timeline& t, std::string_view name) {
    for (const auto& m : t.milestones)
        if (m.name == name) return &m;
    return nullptr;
}

std::string hh_mm(const Milestone* m) {
    return m ? format_utc(m->time).substr(11, 5) : "none";
}

}  // namespace

TEST_CASE("milestones from alerts, status updates and keyword rules, each with its evidence") {
    Event report = message("10:00", "Ann Lee", "users cannot log in");
    Event fire = alert("10:14:03", "login-errors", "firing");
    Event ack = message("10:20", "Bob Ray", "I'm looking into it");
    Event opened = status("10:25", "investigating");
    Event monitoring = status("10:40", "monitoring");
    Event clear = alert("10:45:00", "login-errors", "resolved");
    Event closed = status("10:50", "resolved");
    auto t = run({report, fire, ack, opened, monitoring, clear, closed});

    struct Row {
        const char* name;
        const char* time;
        std::string evidence;
        const char* method;
        bool guess;
    };
    for (const Row& row : {
             Row{"started", "10:00", report.id, "first signal", false},
             Row{"reported", "10:00", report.id, "first human report", false},
             Row{"detected", "10:14", fire.id, "first alert", false},
             Row{"acknowledged", "10:20", ack.id, "keyword rule: looking into", true},
             Row{"status_opened", "10:25", opened.id, "status update", false},
             Row{"mitigated", "10:40", monitoring.id, "status update", false},
             Row{"status_closed", "10:50", closed.id, "status update", false},
             Row{"resolved", "10:50", closed.id, "status update", false},
         }) {
        const Milestone* m = find(t, row.name);
        INFO(row.name);
        REQUIRE(m);
        CHECK(hh_mm(m) == row.time);
        CHECK(m->evidence == std::vector<std::string>{row.evidence});
        CHECK(m->method == row.method);
        CHECK(m->guess == row.guess);
    }

    struct MetricRow {
        const char* name;
        std::int64_t seconds;
    };
    // started 10:00:00, detected 10:14:03, mitigated 10:40, resolved 10:50; the acknowledgement is a guess from
    // a keyword, so no time to acknowledge is measured from it.
    for (const MetricRow& row : {MetricRow{"time_to_detect", 14 * 60 + 3}, MetricRow{"time_to_mitigate", 40 * 60},
                                 MetricRow{"time_to_resolve", 50 * 60}, MetricRow{"alert_after_report", 14 * 60 + 3}}) {
        INFO(row.name);
        auto it = std::find_if(t.metrics.begin(), t.metrics.end(), [&](const Metric& m) { return m.name == row.name; });
        REQUIRE(it != t.metrics.end());
        CHECK(it->value.count() == row.seconds);
    }
    CHECK(std::none_of(t.metrics.begin(), t.metrics.end(),
                       [](const Metric& m) { return m.name == "time_to_acknowledge"; }));
}

TEST_CASE("without a status page, alerts resolve the incident, keywords are matched on word boundaries") {
    Event fire = alert("10:00:00", "api", "firing");
    Event feedback = message("10:05", "Ann Lee", "got feedback from users");  // "ack" inside a word: no match
    Event revert = message("10:10", "Bob Ray", "Reverted the deploy");
    Event clear = alert("10:30:00", "api", "resolved");
    auto t = run({fire, feedback, revert, clear});
    CHECK(find(t, "acknowledged") == nullptr);
    REQUIRE(find(t, "mitigated"));
    CHECK(find(t, "mitigated")->method == "keyword rule: reverted");
    REQUIRE(find(t, "resolved"));
    CHECK(hh_mm(find(t, "resolved")) == "10:30");
    CHECK(find(t, "resolved")->method == "alert state");
    CHECK(find(t, "resolved")->evidence == std::vector<std::string>{clear.id});
    CHECK(find(t, "status_opened") == nullptr);
}

TEST_CASE("an alert still firing leaves the incident unresolved unless someone says so") {
    auto t = run({alert("10:00:00", "api", "firing"), message("10:30", "Ann Lee", "api is back up and running")});
    REQUIRE(find(t, "resolved"));
    CHECK(find(t, "resolved")->method == "keyword rule: back up and running");
    t = run({alert("10:00:00", "api", "firing"), message("10:30", "Ann Lee", "still broken")});
    CHECK(find(t, "resolved") == nullptr);
}

TEST_CASE("a line that names no author is not the first report by a person") {
    // Another team's postmortem: its lines say what happened, not who noticed.
    Event deploy = message("13:58", "", "gateway v2.14 deployed to production");
    deploy.kind = EventKind::note;
    deploy.source.medium = Medium::document;
    deploy.actor = {};
    Event report = message("14:05", "Priya Shah", "customers report card payments failing");
    auto t = run({deploy, report});
    CHECK(hh_mm(find(t, "reported")) == "14:05");
    CHECK(hh_mm(find(t, "started")) == "13:58");
}

TEST_CASE("an acknowledged alert state beats keywords, [correlate] pins beat everything") {
    Event fire = alert("10:00:00", "api", "firing", "pagerduty.json", "pagerduty");
    Event acked = alert("10:03:00", "api", "acknowledged", "pagerduty.json", "pagerduty");
    auto t = run({fire, message("10:01", "Ann Lee", "on it"), acked});
    REQUIRE(find(t, "acknowledged"));
    CHECK(find(t, "acknowledged")->method == "alert state");
    CHECK(find(t, "acknowledged")->evidence == std::vector<std::string>{acked.id});

    CorrelateOptions o;
    o.pinned_milestones["started"] = at("2024-07-25T09:30:00Z");
    o.pinned_milestones["resolved"] = at("2024-07-25T10:01:00Z");
    t = run({fire, message("10:01", "Ann Lee", "on it"), acked}, o);
    CHECK(hh_mm(find(t, "started")) == "09:30");
    CHECK(find(t, "started")->method == "config");
    CHECK(find(t, "started")->evidence.empty());
    CHECK(find(t, "resolved")->evidence.size() == 1);  // what the timeline shows at 10:01
    auto ttr =
        std::find_if(t.metrics.begin(), t.metrics.end(), [](const Metric& m) { return m.name == "time_to_resolve"; });
    REQUIRE(ttr != t.metrics.end());
    CHECK(ttr->value.count() == 31 * 60);
}
