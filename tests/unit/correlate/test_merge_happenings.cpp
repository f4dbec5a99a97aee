// Correlation 1 and 2: stream order, and one happening seen in several records.
#include <catch2/catch.hpp>

#include <algorithm>

#include "correlate/steps.hpp"
#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

TEST_CASE("the timeline does not depend on the order events arrive in") {
    std::vector<Event> events{
        message("10:00", "Ann Lee", "the site is down"),
        alert("10:02:10", "api-5xx", "firing"),
        email("10:05", "Support Desk", "users report errors"),
        message("10:06", "Bob Ray", "looking into it"),
        alert("10:20:00", "api-5xx", "resolved"),
    };
    auto forward = run(events);
    std::reverse(events.begin(), events.end());
    auto backward = run(events);
    CHECK(lines(forward) == lines(backward));
    CHECK(lines(forward) == std::vector<std::string>{"10:00 AL the site is down", "10:02 api-5xx",
                                                     "10:05 SD users report errors", "10:06 BR looking into it"});
}

TEST_CASE("alarm history, an SNS copy and a Slack post of one transition are one entry") {
    struct Row {
        const char* what;
        std::vector<Event> events;
        std::size_t entries;
        std::vector<std::string> lead_ids;  // the first id is the earliest record's
    };
    Event history = alert("10:14:03", "lambda-errors", "firing", "history.json");
    Event sns = alert("10:14:03", "lambda-errors", "firing", "sns.ndjson", "sns");
    Event post = alert("10:14:40", "lambda-errors", "firing", "export.zip!/alerts/2024-07-25.json", "slack");
    Event late_post = alert("10:16:10", "lambda-errors", "firing", "export.zip!/alerts/2024-07-25.json", "slack");
    Event other_state = alert("10:14:40", "lambda-errors", "resolved", "export.zip!/alerts/2024-07-25.json", "slack");
    Event other_key = alert("10:14:40", "LAMBDA-ERRORS", "firing", "export.zip!/alerts/2024-07-25.json", "slack");
    auto rows = std::vector<Row>{
        {"three records", {history, sns, post}, 1, {history.id, sns.id, post.id}},
        {"post 2 min 7 s later: past the 2 min tolerance, a repeat", {history, late_post}, 1, {history.id}},
        {"another state is another happening", {history, other_state}, 1, {history.id}},
        {"keys compare without case", {history, other_key}, 1, {history.id, other_key.id}},
    };
    for (auto& row : rows) {
        SECTION(row.what) {
            auto t = run(row.events);
            REQUIRE(t.entries.size() == row.entries);
            const auto& ids = t.entries.front().event_ids;
            REQUIRE(ids.size() >= row.lead_ids.size());
            CHECK(std::vector<std::string>(ids.begin(), ids.begin() + row.lead_ids.size()) == row.lead_ids);
            CHECK(t.entries.front().text == history.text);  // the earliest record's text
            CHECK(t.ledger.balances());
        }
    }
}

TEST_CASE("a merged alert is shown in the Slack channel it was posted to") {
    Event history = alert("10:14:03", "lambda-errors", "firing", "history.json");
    Event post = alert("10:14:40", "lambda-errors", "firing", "export.zip!/alerts/2024-07-25.json", "slack");
    post.links = {"https://example.slack.com/archives/C2/p1721902480000000"};
    auto t = run({history, post});
    REQUIRE(t.entries.size() == 1);
    CHECK(t.entries[0].channel == "alerts");
    CHECK(t.entries[0].group->channel == "alerts");
    CHECK(t.entries[0].links == post.links);
    CHECK(t.ledger.dropped.at("merged into another record of the same happening") == 1);
}

TEST_CASE("two records from one file are two happenings even within the tolerance") {
    // A flap inside one alarm history: firing, resolved, firing again 90 s later.
    auto t = run({alert("10:00:00", "disk", "firing"), alert("10:00:40", "disk", "resolved"),
                  alert("10:01:30", "disk", "firing")});
    REQUIRE(t.groups.size() == 1);
    CHECK(t.groups[0].count == 2);
    CHECK(t.groups[0].flaps == 1);
    CHECK(t.ledger.dropped.count("merged into another record of the same happening") == 0);
}

TEST_CASE("a human message quoted in an e-mail stays two entries") {
    auto t = run({message("10:00", "Ann Lee", "Logging in is down"),
                  email("10:01", "Ann Lee", "Fwd: Logging in is down\n> Logging in is down")});
    CHECK(t.entries.size() == 2);
}

TEST_CASE("a Statuspage update seen as webhook and as e-mail is one entry") {
    Event hook = status("10:30", "investigating", "statuspage.json");
    Event mail = status("10:31", "investigating", "inbox.mbox");
    auto t = run({message("10:00", "Ann Lee", "site down"), hook, mail});
    REQUIRE(t.entries.size() == 2);
    CHECK(t.entries[1].event_ids == std::vector<std::string>{hook.id, mail.id});
}

TEST_CASE("interleaved happenings each keep their own records, in stream order") {
    const std::string post_file = "export.zip!/alerts/2024-07-25.json";
    Event a_history = alert("10:14:03", "lambda-errors", "firing", "history.json");
    Event a_sns = alert("10:14:06", "lambda-errors", "firing", "sns.ndjson", "sns");
    Event b_history = alert("10:15:01", "api-5xx", "firing", "history.json");
    Event a_post = alert("10:15:30", "lambda-errors", "firing", post_file, "slack");
    Event b_post = alert("10:15:40", "api-5xx", "firing", post_file, "slack");
    Event b_sns = alert("10:15:50", "api-5xx", "firing", "sns.ndjson", "sns");
    auto t = run({a_post, b_sns, a_history, b_post, a_sns, b_history});
    REQUIRE(t.entries.size() == 2);
    CHECK(t.entries[0].event_ids == std::vector<std::string>{a_history.id, a_sns.id, a_post.id});
    CHECK(t.entries[1].event_ids == std::vector<std::string>{b_history.id, b_post.id, b_sns.id});
    CHECK(t.ledger.balances());
}

TEST_CASE("an alert's key is matched trimmed, without the punctuation around it, in lower case, through aliases", "[merge]") {
    correlation::Work w;
    CHECK(correlation::canonical_key(w, "  API-5xx High (Prod)! ") == "api-5xx high (prod)");
    CHECK(correlation::canonical_key(w, "ÉTAT DB") == "État db");  // ASCII letters only are lowered
    std::string key = "ALERT\x1f";
    correlation::append_canonical_key(w, "Disk Full.", key);  // appended after what the buffer holds, untouched
    CHECK(key == "ALERT\x1f" "disk full");
    w.aliases["db-primary-cpu"] = "database cpu";
    CHECK(correlation::canonical_key(w, "DB-Primary-CPU") == "database cpu");
    key = "alert\x1f";
    correlation::append_canonical_key(w, " db-primary-cpu ", key);
    CHECK(key == "alert\x1f" "database cpu");
    CHECK(correlation::canonical_key(w, "db-primary-cpu-2") == "db-primary-cpu-2");
}

TEST_CASE("a happening seen in three files still takes no second record from any of them") {
    // The first two origins are held in place, later ones apart: a second post in the third file is a new
    // happening, while a fourth file's copy still joins.
    const std::string post_file = "export.zip!/alerts/2024-07-25.json";
    Event history = alert("10:14:03", "lambda-errors", "firing", "history.json");
    Event sns = alert("10:14:04", "lambda-errors", "firing", "sns.ndjson", "sns");
    Event post = alert("10:14:40", "lambda-errors", "firing", post_file, "slack");
    Event second_post = alert("10:14:50", "lambda-errors", "firing", post_file, "slack");
    Event bridge = alert("10:14:55", "lambda-errors", "firing", "eventbridge.json", "eventbridge");
    auto t = run({history, sns, post, second_post, bridge});
    // sns, post and bridge merged into history's happening; second_post leads one of its own.
    CHECK(t.ledger.dropped.at("merged into another record of the same happening") == 3);
    CHECK(t.ledger.balances());
}
