// Correlation 4: clusters, the chosen cluster, resolution plus tail, whole threads, --incident, --from/--until.
#include <catch2/catch.hpp>

#include "correlate/steps.hpp"
#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

namespace {

// Two incidents: a small one at 06:00 (one alert, one message), a larger one from 10:00.
std::vector<Event> two_incidents() {
    return {
        alert("06:00:00", "disk", "firing"),
        message("06:10", "Ann Lee", "disk alarm again, cleaning up"),
        message("10:00", "Ann Lee", "site is down"),
        alert("10:05:00", "api", "firing"),
        message("10:20", "Bob Ray", "found it, rolling back"),
        alert("10:40:00", "api", "resolved"),
    };
}

}  // namespace

TEST_CASE("signals cluster where gaps are at most an hour, the busiest cluster wins") {
    auto t = run(two_incidents());
    REQUIRE(t.clusters.size() == 2);
    CHECK(format_utc(t.clusters[0].first) == "2024-07-25T06:00:00.000000Z");
    CHECK(t.clusters[0].alerts == 1);
    CHECK(t.clusters[0].human == 1);
    CHECK(t.clusters[1].alerts == 2);
    CHECK(t.clusters[1].human == 2);
    CHECK(t.window.cluster == 2);
    CHECK(t.window.chosen_by == "cluster 2 of 2");
    CHECK(format_utc(t.window.from) == "2024-07-25T10:00:00.000000Z");
    // The last signal is the resolution at 10:40; a 60 min tail; `until` is exclusive.
    CHECK(format_utc(t.window.until) == "2024-07-25T11:40:00.000001Z");
    CHECK(lines(t) ==
          std::vector<std::string>{"10:00 AL site is down", "10:05 api", "10:20 BR found it, rolling back"});
    CHECK(t.ledger.dropped.at("outside the window") == 2);
    CHECK(t.ledger.balances());
}

TEST_CASE("a gap of 61 minutes splits clusters, 60 does not") {
    CHECK(run({message("10:00", "Ann Lee", "a"), message("11:00", "Ann Lee", "b")}).clusters.size() == 1);
    CHECK(run({message("10:00", "Ann Lee", "a"), message("11:01", "Ann Lee", "b")}).clusters.size() == 2);
}

TEST_CASE("ties between clusters go to the latest") {
    auto t = run({message("06:00", "Ann Lee", "first"), message("09:00", "Ann Lee", "second")});
    REQUIRE(t.clusters.size() == 2);
    CHECK(t.window.cluster == 2);
}

TEST_CASE("option incident N picks a cluster") {
    CorrelateOptions o;
    o.incident = 1;
    auto t = run(two_incidents(), o);
    CHECK(t.window.cluster == 1);
    CHECK(lines(t) == std::vector<std::string>{"06:00 disk", "06:10 AL disk alarm again, cleaning up"});
}

TEST_CASE("the window reaches the resolution of an alert still firing at the cluster's end") {
    // The alert fires at 10:00 and resolves at 12:30, after a gap of more than an hour: the window runs
    // to 12:30 plus the tail, and a message at 12:45 is inside it.
    auto t = run({alert("10:00:00", "api", "firing"), message("10:10", "Ann Lee", "api errors"),
                  message("10:20", "Bob Ray", "checking the load balancer"), alert("12:30:00", "api", "resolved"),
                  message("12:45", "Ann Lee", "all quiet now")});
    CHECK(t.clusters.size() == 2);
    CHECK(t.window.cluster == 1);
    CHECK(format_utc(t.window.until) == "2024-07-25T13:30:00.000001Z");
    CHECK(lines(t).back() == "12:45 AL all quiet now");
    REQUIRE(t.groups.size() == 1);
    CHECK(format_utc(*t.groups[0].resolved) == "2024-07-25T12:30:00.000000Z");
}

TEST_CASE("threads already in the window are kept whole") {
    Event root = message("10:00", "Ann Lee", "site is down");
    root.thread = "1721901600.000000";
    Event late_reply = message("14:00", "Bob Ray", "postmortem notes in the doc");
    late_reply.thread = root.thread;
    Event unrelated = message("14:01", "Bob Ray", "lunch?");
    auto t = run({root, message("10:05", "Bob Ray", "checking logs"), message("10:10", "Ann Lee", "still down"),
                  late_reply, unrelated});
    REQUIRE(t.window.cluster == 1);
    CHECK(lines(t) == std::vector<std::string>{"10:00 AL site is down", "10:05 BR checking logs", "10:10 AL still down",
                                               "14:00 BR postmortem notes in the doc"});
    CHECK(t.ledger.dropped.at("outside the window") == 1);
}

TEST_CASE("a thread outside the window whose tag equals one inside it stays outside") {
    // The brief's 16-bit thread tags collide for some roots; a collision only means the thread is compared.
    const std::string inside_root = "1721901600.000000";
    std::string other_root;
    for (int k = 0; other_root.empty() && k < 10'000'000; ++k) {
        const std::string candidate = "1721900000." + std::to_string(100000 + k);
        if (retro::correlation::thread_tag_of("incident", candidate) ==
            retro::correlation::thread_tag_of("incident", inside_root))
            other_root = candidate;
    }
    REQUIRE(!other_root.empty());  // 65,536 tags: one in about as many roots shares the window thread's
    Event root = message("10:00", "Ann Lee", "site is down");
    root.thread = inside_root;
    Event reply = message("14:00", "Bob Ray", "postmortem notes in the doc");
    reply.thread = root.thread;
    Event stranger = message("14:02", "Cid Moe", "who moved my desk?");
    stranger.thread = other_root;
    auto t = run({root, message("10:05", "Bob Ray", "checking logs"), message("10:10", "Ann Lee", "still down"), reply,
                  stranger});
    CHECK(lines(t) == std::vector<std::string>{"10:00 AL site is down", "10:05 BR checking logs", "10:10 AL still down",
                                               "14:00 BR postmortem notes in the doc"});
    CHECK(t.ledger.dropped.at("outside the window") == 1);
}

TEST_CASE("thanks in a thread after the window is after the incident, news in it is not") {
    Event root = message("10:00", "Ann Lee", "site is down");
    root.thread = "1721901600.000000";
    Event thanks = message("23:14", "Bob Ray", "Oohh ok thank you.");  // the next morning in Slack's zone: late
    thanks.thread = root.thread;
    Event news = message("18:46", "Bob Ray", "reindex done, deployed the new index, the issues persist");
    news.thread = root.thread;
    Event inside = message("10:20", "Cid Moe", "thanks, that's fixed it");  // in the window: a confirmation
    inside.thread = root.thread;
    auto t = run({root, message("10:05", "Bob Ray", "checking logs"), inside, news, thanks});
    CHECK(lines(t) == std::vector<std::string>{"10:00 AL site is down", "10:05 BR checking logs",
                                               "10:20 CM thanks, that's fixed it",
                                               "18:46 BR reindex done, deployed the new index, the issues persist"});
    CHECK(t.ledger.dropped.at("after the incident (thanks in a thread after the window)") == 1);
    CHECK(t.ledger.balances());
}

TEST_CASE("opening with thanks: after a few interjections, not after news") {
    CHECK(retro::correlation::opens_with_thanks("Thanks for helping me"));
    CHECK(retro::correlation::opens_with_thanks("thank you it worked :pray:"));
    CHECK(retro::correlation::opens_with_thanks("Oohh ok thank you."));
    CHECK(retro::correlation::opens_with_thanks("OK GREAT, CHEERS"));
    CHECK_FALSE(retro::correlation::opens_with_thanks("it works now, thanks"));
    CHECK_FALSE(retro::correlation::opens_with_thanks("thankfully it is back"));
    CHECK_FALSE(retro::correlation::opens_with_thanks(""));
}

TEST_CASE("options from and until set the window: from inclusive, until exclusive, no clustering") {
    CorrelateOptions o;
    o.from = at("2024-07-25T06:10:00Z");
    o.until = at("2024-07-25T10:05:00Z");
    auto t = run(two_incidents(), o);
    CHECK(t.window.chosen_by == "--from/--until");
    CHECK(t.window.cluster == 0);
    CHECK(lines(t) == std::vector<std::string>{"06:10 AL disk alarm again, cleaning up", "10:00 AL site is down"});
    CHECK(t.ledger.dropped.at("outside the window") == 4);
}

TEST_CASE("no signals at all: the window is every event") {
    auto t = run({bot_message("10:00", "deployed v1.2"), bot_message("10:30", "deployed v1.3")});
    CHECK(t.clusters.empty());
    CHECK(t.window.chosen_by == "all events");
    CHECK(t.entries.size() == 2);
}

TEST_CASE("an empty stream gives an empty timeline that balances") {
    auto t = run({});
    CHECK(t.entries.empty());
    CHECK(t.ledger.input == 0);
    CHECK(t.ledger.balances());
}
