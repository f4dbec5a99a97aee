// Correlation 7: the ledger accounts for every input event, and the summary fields.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

TEST_CASE("every input event is in the timeline or under one named reason") {
    Event post = alert("10:05:30", "api", "firing", "export.zip!/alerts/2024-07-25.json", "slack");
    std::vector<Event> events{
        message("06:00", "Ann Lee", "unrelated morning chat"),  // outside the window
        message("10:00", "Ann Lee", "site is down"),            // entry
        system_message("10:01", "Bob Ray", "@Bob Ray has joined the channel", SystemMessage::membership),  // noise
        alert("10:05:00", "api", "firing"),    // entry (a short flap: line by line)
        post,                                  // merged into the alarm
        alert("10:07:00", "api", "resolved"),  // grouped, behind the 10:05 line
        alert("10:09:00", "api", "firing"),    // entry (the flap's second line)
        message("10:10", "Bob Ray", "ok"),     // noise: one-word-ack
    };
    std::map<std::string, std::uint64_t, std::less<>> not_events{{"cloudwatch: history item not a StateUpdate", 3}};
    Diagnostics diags;
    auto t = correlate(events, {}, not_events, diags);
    const Ledger& l = t.ledger;
    CHECK(l.input == 8);
    CHECK(l.in_timeline == 3);
    CHECK(l.dropped == std::map<std::string, std::uint64_t>{{"outside the window", 1},
                                                            {"merged into another record of the same happening", 1},
                                                            {"grouped into an alert entry", 1},
                                                            {"noise: membership", 1},
                                                            {"noise: one-word-ack", 1}});
    CHECK(l.raw_alerts == 4);
    CHECK(l.alert_groups == 1);
    CHECK(l.not_events.at("cloudwatch: history item not a StateUpdate") == 3);
    CHECK(l.balances());
    // The entries' event ids are exactly the events in the timeline, merged or grouped.
    std::size_t ids = 0;
    for (const auto& e : t.entries) ids += e.event_ids.size();
    CHECK(ids == 2 + 1 + 2);
}

TEST_CASE("a ledger that does not add up does not balance") {
    Ledger l;
    l.input = 3;
    l.in_timeline = 1;
    l.dropped["noise: topic"] = 1;
    CHECK_FALSE(l.balances());
    l.dropped["outside the window"] = 1;
    CHECK(l.balances());
}

TEST_CASE("the discussion channel, its permalink and the title hint") {
    Event first = message("10:00", "Ann Lee", "Logins failing on the website\nsee graphs");
    first.links = {"https://example.slack.com/archives/C1/p1721901600000000"};
    auto t = run({message("09:58", "Bob Ray", "anyone else seeing errors?", "general"), first,
                  message("10:02", "Bob Ray", "yes, api 5xx"), message("10:03", "Cid Moe", "checking")});
    CHECK(t.discussion_channel == "incident");
    CHECK(t.discussion_link == "https://example.slack.com/archives/C1/p1721901600000000");
    CHECK(t.title_hint == "Logins failing on the website");
}

TEST_CASE("the discussion link is the channel's first pinned message when there is one") {
    Event first = message("10:00", "Ann Lee", "users report login errors");
    first.links = {"https://example.slack.com/archives/C1/p1721901600000000"};
    Event pinned = message("10:03", "Ann Lee", "starting a chat here");
    pinned.flags.pinned = true;
    pinned.links = {"https://example.slack.com/archives/C1/p1721901780000000"};
    auto t = run({first, pinned, message("10:05", "Bob Ray", "checking")});
    CHECK(t.discussion_link == "https://example.slack.com/archives/C1/p1721901780000000");
    CHECK(t.title_hint == "users report login errors");
}

TEST_CASE("the ledger names the first events of each judgement call, five per reason") {
    std::vector<Event> events{message("10:00", "Ann Lee", "site is down"), alert("10:05:00", "api", "firing")};
    for (int k = 0; k < 7; ++k) events.push_back(message(fmt::format("10:1{}", k), "Bob Ray", "thanks!"));
    events.push_back(message("10:20", "Cy Dee", ":+1:"));
    auto t = run(events);
    REQUIRE(t.ledger.dropped.at("noise: one-word-ack") == 7);
    std::vector<std::string> listed;
    for (const LeftOut& o : t.ledger.left_out)
        listed.push_back(format_utc(o.time).substr(11, 5) + " " + o.who + " " + o.text + " [" + o.reason + "]");
    CHECK(listed == std::vector<std::string>{
                        "10:10 Bob Ray thanks! [noise: one-word-ack]", "10:11 Bob Ray thanks! [noise: one-word-ack]",
                        "10:12 Bob Ray thanks! [noise: one-word-ack]", "10:13 Bob Ray thanks! [noise: one-word-ack]",
                        "10:14 Bob Ray thanks! [noise: one-word-ack]", "10:20 Cy Dee :+1: [noise: emoji-only]"});
}

TEST_CASE("the ledger lists five of each reason when the reasons alternate") {
    std::vector<Event> events{message("10:00", "Ann Lee", "site is down"), alert("10:05:00", "api", "firing")};
    for (int k = 0; k < 6; ++k) {
        events.push_back(message(fmt::format("10:{}", 10 + 2 * k), "Bob Ray", "thanks!"));
        events.push_back(message(fmt::format("10:{}", 11 + 2 * k), "Cy Dee", ":+1:"));
    }
    auto t = run(events);
    std::vector<std::string> listed;
    for (const LeftOut& o : t.ledger.left_out)
        listed.push_back(format_utc(o.time).substr(11, 5) + " [" + o.reason + "]");
    CHECK(listed == std::vector<std::string>{"10:10 [noise: one-word-ack]", "10:11 [noise: emoji-only]",
                                             "10:12 [noise: one-word-ack]", "10:13 [noise: emoji-only]",
                                             "10:14 [noise: one-word-ack]", "10:15 [noise: emoji-only]",
                                             "10:16 [noise: one-word-ack]", "10:17 [noise: emoji-only]",
                                             "10:18 [noise: one-word-ack]", "10:19 [noise: emoji-only]"});
}

TEST_CASE("correlate_keeping makes the timeline correlate makes and hands the events back in stream order") {
    std::vector<Event> events{message("10:07", "Bob Ray", "rolled back"), alert("10:05:00", "api", "firing"),
                              message("10:00", "Ann Lee", "site is down"), alert("10:09:00", "api", "resolved")};
    const Timeline made = run(events);
    Diagnostics diags;
    std::vector<Event> kept = events;
    const Timeline kept_made = correlate_keeping(kept, {}, {}, diags);
    CHECK(lines(kept_made) == lines(made));
    CHECK(kept_made.ledger.input == made.ledger.input);
    CHECK(kept_made.ledger.dropped == made.ledger.dropped);
    REQUIRE(kept.size() == events.size());
    CHECK(std::is_sorted(kept.begin(), kept.end(), event_order_less));
    CHECK(kept.front().text == "site is down");
}
