// Relevance (issue 18 item 2): a person's message in another channel than the discussion and the alerts, in
// no thread of the incident, sharing no uncommon word with what the incident says, is noise `off-topic`.
#include <catch2/catch.hpp>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

TEST_CASE("chatter in another channel is off-topic, a word of the incident keeps a message") {
    Event fire = alert("10:00:00", "homepage-5xx", "firing");
    fire.text = "Homepage (origin) is down: 502 Bad Gateway";
    Event report = message("10:02", "Ann Lee", "the homepage is giving a 502 for everyone", "wc-platform");
    Event reply = message("10:04", "Bob Ray", "looking at the load balancer", "wc-platform");
    Event lunch = message("10:05", "Cid Moe", "sudo snap install curl", "wc-random");
    Event asked = message("10:06", "Dee Fox", "is the homepage down for you too?", "wc-random");  // homepage
    Event forms = message("10:07", "Eve Gil", "deployment erroring on my laptop", "wc-dev");  // forms of "erroring deploys"
    Event deploy = message("10:08", "Fay Hu", "erroring deploys again", "wc-platform");  // the discussion's own words
    Event stem = message("10:09", "Gus Ivy", "the homepages look broken", "wc-dev");     // "homepages": a form of it
    Event pinned = message("10:10", "Hal Jo", "lunch at one?", "wc-random");
    pinned.flags.pinned = true;
    auto t = run({fire, report, reply, lunch, asked, forms, deploy, stem, pinned});
    std::vector<std::string> texts;
    for (const auto& e : t.entries) texts.push_back(e.text);
    CHECK(texts == std::vector<std::string>{"Homepage (origin) is down: 502 Bad Gateway",
                                            "the homepage is giving a 502 for everyone",
                                            "looking at the load balancer", "is the homepage down for you too?",
                                            "deployment erroring on my laptop", "erroring deploys again",
                                            "the homepages look broken", "lunch at one?"});
    CHECK(t.ledger.dropped.at("noise: off-topic") == 1);
    CHECK(t.ledger.balances());
}

TEST_CASE("with one chat channel nothing is off-topic, and the rule can be turned off") {
    Event fire = alert("10:00:00", "homepage-5xx", "firing");
    auto one = run({fire, message("10:02", "Ann Lee", "the homepage is down", "wc-platform"),
                    message("10:05", "Cid Moe", "sudo snap install curl", "wc-platform")});
    CHECK(one.entries.size() == 3);
    CorrelateOptions o;
    o.noise_rules = {};
    auto off = run({fire, message("10:02", "Ann Lee", "the homepage is down", "wc-platform"),
                    message("10:05", "Cid Moe", "sudo snap install curl", "wc-random")},
                   o);
    CHECK(off.entries.size() == 3);
}

TEST_CASE("chatter before or after the incident's busiest burst, sharing no word with it, does not start or end it") {
    std::vector<Event> events{
        message("08:30", "Cid Moe", "sudo snap install curl"),
        message("09:10", "Dee Fox", "anyone going downtown to the meeting?"),
        message("09:40", "Eve Gil", "the homepage felt slow earlier"),  // says "homepage": the incident starts here
        message("10:00", "Ann Lee", "the homepage is down"),
        message("10:03", "Bob Ray", "502 on the homepage for me too"),
        message("10:05", "Ann Lee", "rolling back the deploy"),
        message("10:12", "Bob Ray", "homepage is back"),
        message("10:50", "Cid Moe", "I may have succeeded with the installation, how do I know?"),
    };
    auto t = run(events);
    CHECK(lines(t).front() == "09:40 EG the homepage felt slow earlier");
    CHECK(lines(t).back() == "10:12 BR homepage is back");
    CHECK(t.ledger.dropped.at("noise: edge-chatter") == 3);
    CHECK(t.ledger.balances());

    // A burst of two says too little to tell chatter from it; the rule can be turned off.
    auto small = run({message("09:10", "Dee Fox", "anyone going downtown?"), message("10:00", "Ann Lee", "site is down"),
                      message("10:03", "Bob Ray", "back up")});
    CHECK(lines(small).size() == 3);
    CorrelateOptions o;
    o.noise_rules = {"membership"};
    CHECK(lines(run(events, o)).size() == events.size());
}
