// Every real DiscordChatExporter export under ../shared/corpus/third-party/discord/ (the
// DiscordChatExporter-frontend example guild), read through detection to the events it holds; expectations
// worked out by reading the files (third-party/SOURCES.md), and no other corpus file claimed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "change_json_test_support.hpp"

using namespace retro;
using test::by_id;
using test::names_of;

namespace {

std::string sample(std::string_view name) {
    return test::corpus_path("third-party/discord/" + std::string(name));
}

}  // namespace

TEST_CASE("discord corpus: general, 35 messages with joins, a thread start, files, a sticker and a reply chain",
          "[discord]") {
    const auto run = test::run_sources({sample("dcef-example-guild-general.json")});
    CHECK(run.diagnostics.empty());
    CHECK(run.dropped.empty());
    REQUIRE(run.events.size() == 35);
    const Event& first = run.events.front();
    CHECK(first.id == "discord:1012224565567721552/1045178587575242772");
    CHECK(format_utc(first.time) == "2023-01-06T14:03:03.853000Z");
    CHECK(first.time_raw == "2023-01-06T14:03:03.853+00:00");
    CHECK(first.source.line == 20);
    CHECK(first.channel == "general");
    CHECK(first.actor == Actor{"521486476985155645", "Adam", "A", ""});
    CHECK(first.text == "Welcome to the **DiscordChatExporter-frontend** example!");
    CHECK(first.links == std::vector<std::string>{
                             "https://discord.com/channels/748545324524575035/1012224565567721552/1045178587575242772"});
    CHECK(format_utc(run.events.back().time) == "2023-01-06T16:05:35.860000Z");
    CHECK(run.events.back().source.line == 950);
    // The spam account says isBot false: it is read as a person.
    CHECK(names_of(run) == std::set<std::string>{"Adam", "Patrick", "RICK NITRO", "Thomas"});
    CHECK(std::none_of(run.events.begin(), run.events.end(), [](const Event& e) { return e.flags.bot; }));

    std::size_t joins = 0;
    for (const Event& e : run.events) joins += e.flags.system == SystemMessage::membership;
    CHECK(joins == 3);
    const Event& thread_start = by_id(run, "discord:1012224565567721552/1060927310439657577");
    CHECK(thread_start.flags.system == SystemMessage::other);
    CHECK(thread_start.text == "Started a thread.");
    CHECK(thread_start.thread == "discord:1012224565567721552/1060927310439657577");

    // Messages with nothing but a sticker or a file are a line naming it.
    const Event& sticker = by_id(run, "discord:1012224565567721552/1045179638760091709");
    CHECK(sticker.text == "sticker: pepecute");
    CHECK(sticker.spans == std::vector<Span>{{9, 17, SpanType::attachment, ""}});
    CHECK(by_id(run, "discord:1012224565567721552/1060926845832409158").text == "file: dce-export-more.png");
    CHECK(by_id(run, "discord:1012224565567721552/1060927205481402388").text ==
          "Have you seen this impressive book scanner?\nfile: book_scanner.mp4");
    CHECK(by_id(run, "discord:1012224565567721552/1060926487911485582").flags.edited);
    const Event& mention = by_id(run, "discord:1012224565567721552/1060927310439657532");
    CHECK(mention.spans == std::vector<Span>{{0, 7, SpanType::mention, ""}});

    // "How so?" ← "You will understand it later" ← "How do I get started?" (Default messages with a reference).
    const std::string chain = "discord:1012224565567721552/1060926317920538735";
    CHECK(by_id(run, chain).thread == chain);
    CHECK(by_id(run, "discord:1012224565567721552/1060926346089476176").thread == chain);
    CHECK(by_id(run, "discord:1012224565567721552/1060926395313827840").thread == chain);
    CHECK(by_id(run, "discord:1012224565567721552/1060926346089476176").flags.reactions ==
          std::vector<std::string>{"👀"});
}

TEST_CASE("discord corpus: chill talk, 6 of the 35 messages its count claims, a reply to the spammer",
          "[discord]") {
    const std::string path = sample("dcef-example-guild-chill-talk.json");
    const auto run = test::run_sources({path});
    CHECK(run.diagnostics == std::vector<std::string>{
                                 path + ":191:3: warning: `messageCount` says 35 but the export holds 6 messages; "
                                        "read what it holds [discord.message-count]"});
    REQUIRE(run.events.size() == 6);
    CHECK(format_utc(run.events.front().time) == "2023-01-06T16:11:26.414000Z");
    CHECK(run.events.front().text == "It's a little cold in here 🥶");
    CHECK(run.events.front().channel == "chill talk");
    CHECK(names_of(run) == std::set<std::string>{"Adam", "Patrick", "RICK NITRO", "Thomas"});
    const std::string spam = "discord:1012224565567875236/1060954094627463098";
    const Event& reply = by_id(run, "discord:1012224565567875236/1060954094627463198");
    CHECK(reply.text == "@Adam delete this please");
    CHECK(reply.spans == std::vector<Span>{{0, 5, SpanType::mention, ""}});
    CHECK(reply.thread == spam);
    CHECK(by_id(run, spam).thread == spam);
    CHECK(by_id(run, spam).actor.name == "RICK NITRO");
    CHECK(by_id(run, "discord:1012224565567875236/1060954419862188072").flags.edited);
}

TEST_CASE("discord corpus: the thread export is in general, with general's thread start", "[discord]") {
    const auto run = test::run_sources({sample("dcef-example-guild-thread-thomas-is-thomas.json")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 5);
    CHECK(format_utc(run.events.front().time) == "2023-01-06T14:26:58.031000Z");
    CHECK(run.events.front().text == "Here you are 🙂");
    CHECK(format_utc(run.events.back().time) == "2023-01-06T14:27:26.980000Z");
    CHECK(names_of(run) == std::set<std::string>{"Adam", "Patrick", "Thomas"});
    for (const Event& e : run.events) {
        CHECK(e.channel == "general");
        CHECK(e.thread == "discord:1012224565567721552/1060927310439657577");
        CHECK(e.id.starts_with("discord:1060927310439657577/"));
    }
    CHECK(run.events.back().links == std::vector<std::string>{"https://discord.com/channels/748545324524575035/"
                                                              "1060927310439657577/1060927583467876363"});

    // Read with general: the thread start and the thread's five messages are one thread of one channel.
    const auto both = test::run_sources(
        {sample("dcef-example-guild-general.json"), sample("dcef-example-guild-thread-thomas-is-thomas.json")});
    std::size_t in_thread = 0;
    for (const Event& e : both.events)
        in_thread += e.channel == "general" && e.thread == "discord:1012224565567721552/1060927310439657577";
    CHECK(in_thread == 6);
    CHECK(both.events.size() == 40);
}

TEST_CASE("discord detection claims its three samples and no other corpus file", "[discord]") {
    CHECK(test::own_scores("discord", "third-party/discord") == std::vector<int>{100, 100, 100});
    CHECK(test::foreign_files_claimed("discord", "/discord/").empty());
}
