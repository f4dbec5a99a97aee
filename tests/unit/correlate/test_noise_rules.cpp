// Correlation 6: noise rules, and pinned or 📌-reacted events always kept.
#include <catch2/catch.hpp>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

TEST_CASE("noise rules drop joins, topic changes, emoji-only messages and one-word acks") {
    struct Row {
        const char* what;
        Event event;
        std::string reason;  // "" when kept
    };
    auto rows = std::vector<Row>{
        {"join", system_message("10:01", "Cid Moe", "@Cid Moe has joined the channel", SystemMessage::membership),
         "noise: membership"},
        {"leave", system_message("10:01", "Cid Moe", "@Cid Moe has left the channel", SystemMessage::membership),
         "noise: membership"},
        {"topic", system_message("10:01", "Cid Moe", "@Cid Moe set the channel topic: login outage", SystemMessage::topic),
         "noise: topic"},
        {"a join in French, told by its flag", system_message("10:01", "Cid Moe", "@Cid Moe a rejoint le canal",
                                                              SystemMessage::membership),
         "noise: membership"},
        {"a rename, told by its flag", system_message("10:01", "Cid Moe", "@Cid Moe a renommé le canal « incident »",
                                                       SystemMessage::topic),
         "noise: topic"},
        {"other system messages are kept", system_message("10:01", "Cid Moe", "@Cid Moe pinned a message",
                                                          SystemMessage::other),
         ""},
        {"a person writing a join's words is kept", message("10:01", "Cid Moe", "@Cid Moe has joined the channel"), ""},
        {"a person talking about joining is kept", message("10:01", "Cid Moe", "who has joined the channel?"), ""},
        {"emoji characters", message("10:01", "Cid Moe", "👍 🎉"), "noise: emoji-only"},
        {"emoji short codes", message("10:01", "Cid Moe", ":+1: :tada::skin-tone-2:"), "noise: emoji-only"},
        {"emoji and a word are kept", message("10:01", "Cid Moe", "👍 done deploying"), ""},
        {"one-word ack", message("10:01", "Cid Moe", "Thanks!"), "noise: one-word-ack"},
        {"ok", message("10:01", "Cid Moe", " ok "), "noise: one-word-ack"},
        {"two words are kept", message("10:01", "Cid Moe", "ok, reverting"), ""},
        {"a one-word message that is no ack is kept", message("10:01", "Cid Moe", "reverting"), ""},
        // thanks-only: every word thanks, praise or filler, one of them gratitude.
        {"thanks and an emoji", message("10:01", "Cid Moe", "Thank you :pray:"), "noise: thanks-only"},
        {"thanks with praise", message("10:01", "Cid Moe", "Okay great thank you!"), "noise: thanks-only"},
        {"thanks to everyone", message("10:01", "Cid Moe", "thanks all, much appreciated 🙏"), "noise: thanks-only"},
        {"thanks in capitals", message("10:01", "Cid Moe", "THANK YOU SO MUCH Y'ALL"), "noise: thanks-only"},
        {"thanks with news is kept", message("10:01", "Cid Moe", "thanks, that's fixed it"), ""},
        {"thanks to a named person is kept", message("10:01", "Cid Moe", "thanks Paul"), ""},
        {"thanks with a link is kept", message("10:01", "Cid Moe", "thanks https://example.org/x"), ""},
        {"praise without thanks is kept", message("10:01", "Cid Moe", "great job team"), ""},
        // no-text: nothing a draft could draw but `HH.MM XX`.
        {"empty message", message("10:01", "Cid Moe", ""), "noise: no-text"},
        {"blank message", message("10:01", "Cid Moe", " \n\t"), "noise: no-text"},
        {"a file with no permalink", [] {
             Event e = message("10:01", "Cid Moe", "file: items 403 (items-403.png)");
             e.spans.push_back(Span{6, 15, SpanType::attachment, ""});
             return e;
         }(),
         "noise: no-text"},
        {"a file with a permalink is kept", [] {
             Event e = message("10:01", "Cid Moe", "file: items 403 (items-403.png)");
             e.spans.push_back(Span{6, 15, SpanType::attachment, "https://example.slack.com/files/U1/F1/x.png"});
             return e;
         }(),
         ""},
        // robot-mail: mail the ingester marked as a list's or a robot's.
        {"robot mail", [] {
             Event e = email("10:01", "Buildkite", "Build #1046 passed");
             e.flags.bot = true;
             return e;
         }(),
         "noise: robot-mail"},
        {"a person's mail is kept", email("10:01", "Paul Butler", "The API is back"), ""},
    };
    for (auto& row : rows) {
        SECTION(row.what) {
            auto t = run({message("10:00", "Ann Lee", "site is down"), row.event});
            if (row.reason.empty()) {
                CHECK(t.entries.size() == 2);
                CHECK(t.ledger.dropped.empty());
            } else {
                CHECK(t.entries.size() == 1);
                CHECK(t.ledger.dropped.at(row.reason) == 1);
            }
            CHECK(t.ledger.balances());
        }
    }
}

TEST_CASE("pinned events and events reacted with a timeline emoji are always kept") {
    Event pinned = message("10:01", "Cid Moe", "ok");
    pinned.flags.pinned = true;
    Event reacted = message("10:02", "Cid Moe", "👍");
    reacted.flags.reactions = {"eyes", "pushpin"};
    Event other_reaction = message("10:03", "Cid Moe", "👍");
    other_reaction.flags.reactions = {"eyes"};
    auto t = run({message("10:00", "Ann Lee", "site is down"), pinned, reacted, other_reaction});
    REQUIRE(t.entries.size() == 3);
    CHECK(t.entries[1].pinned);
    CHECK(t.entries[2].pinned);

    CorrelateOptions o;
    o.timeline_emoji = {"star"};
    CHECK(run({message("10:00", "Ann Lee", "site is down"), reacted}, o).entries.size() == 1);
}

TEST_CASE("bot chatter after the incident's last signal is noise, bot posts during it are kept") {
    auto t = run({message("10:00", "Ann Lee", "site is down"), bot_message("10:05", "deploy of v1.2 started"),
                  message("10:20", "Ann Lee", "back up"), bot_message("10:50", "nightly backup finished")});
    CHECK(lines(t) ==
          std::vector<std::string>{"10:00 AL site is down", "10:05 D deploy of v1.2 started", "10:20 AL back up"});
    CHECK(t.ledger.dropped.at("noise: bot-chatter") == 1);
}

TEST_CASE("noise rules can be switched off and the ack words changed") {
    CorrelateOptions o;
    o.noise_rules = {"membership"};
    auto t = run({message("10:00", "Ann Lee", "site is down"), message("10:01", "Cid Moe", "ok"),
                  system_message("10:02", "Cid Moe", "@Cid Moe has joined the channel", SystemMessage::membership)},
                 o);
    CHECK(t.entries.size() == 2);
    o.noise_rules = {"one-word-ack"};
    o.ack_words = {"roger"};
    t = run({message("10:00", "Ann Lee", "site is down"), message("10:01", "Cid Moe", "ok"),
             message("10:02", "Cid Moe", "Roger.")},
            o);
    CHECK(lines(t) == std::vector<std::string>{"10:00 AL site is down", "10:01 CM ok"});
}
