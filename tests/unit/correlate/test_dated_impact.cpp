// "A message that says when the impact began earlier brings in the alerts of that time" (issue 18 item 1).
#include <catch2/catch.hpp>

#include "core/sentences.hpp"
#include "correlate/steps.hpp"
#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

namespace {

// The instants a sentence names, as UTC "YYYY-MM-DDTHH:MM", said at `said` and read in Europe/London.
std::vector<std::string> named(std::string_view sentence, std::string_view said = "2024-02-26T09:17:00Z") {
    std::vector<std::string> out;
    for (Instant t : correlation::times_a_sentence_names(sentence, at(said), *TimeZone::find("Europe/London")))
        out.push_back(format_utc(t).substr(0, 16));
    return out;
}

Event on(std::string_view iso, Event e, std::string text = {}) {
    e.time = at(iso);
    if (!text.empty()) e.text = std::move(text);
    e.id += std::string("@") + std::string(iso);
    return e;
}

// The 2024-02-26 retro: monitor posts on Sunday evening, the discussion on Monday morning says so.
std::vector<Event> weekend_story(std::string recap) {
    return {
        on("2024-02-25T17:05:00Z", alert("00:00", "disk-space", "firing")),
        on("2024-02-25T17:11:00Z", alert("00:00", "What's on", "firing", "export.zip", "slack"),
           ":x: Updown alert DOWN: What's on is down: 502 Bad Gateway"),
        on("2024-02-25T17:12:00Z", alert("00:00", "What's on", "resolved", "export.zip", "slack"),
           ":white_check_mark: Updown alert UP: What's on recovered after 1 minute down"),
        on("2024-02-25T17:30:00Z", message("00:00", "Dan Morris", "anyone around for a film tonight?")),
        on("2024-02-26T08:48:00Z", message("00:00", "Rob King", "Getting 50x for the collection search")),
        on("2024-02-26T08:52:00Z", alert("00:00", "search-5xx", "firing")),
        on("2024-02-26T09:07:00Z", message("00:00", "Rob King", "I killed the task, errors gone")),
        on("2024-02-26T09:17:00Z", message("00:00", "Rob King", std::move(recap))),
    };
}

}  // namespace

TEST_CASE("the times a sentence names") {
    // Said Monday 2024-02-26 09:17 (GMT, so UTC reads the same).
    CHECK(named("updown notifications at ~5pm and 10pm yesterday") ==
          std::vector<std::string>{"2024-02-25T17:00", "2024-02-25T22:00"});
    CHECK(named("from approximately 1:30am we start seeing errors") == std::vector<std::string>{"2024-02-26T01:30"});
    CHECK(named("errors since 08.15") == std::vector<std::string>{"2024-02-26T08:15"});
    CHECK(named("the oldest message on the queue is from Sunday 14.00") ==
          std::vector<std::string>{"2024-02-25T14:00"});
    CHECK(named("at 11pm") == std::vector<std::string>{"2024-02-25T23:00"});  // its latest past occurrence
    // Summer time: "5pm" in London is 16:00 UTC.
    CHECK(named("it broke at 5pm", "2024-07-25T18:00:00Z") == std::vector<std::string>{"2024-07-25T16:00"});
    // Not times: versions, counts, bare numbers, what is to come.
    CHECK(named("bumped next from 14.2.3 to 14.2.5").empty());
    CHECK(named("2 of the 3 tasks restarted").empty());
    CHECK(named("we saw 14.30 errors per second").empty());
    CHECK(named("retro tomorrow at 2pm").empty());
    CHECK(named("I will check again at 10am").empty());
    CHECK(named("13pm or 0am").empty());
    // Digits inside words and numbers start no time; one at the very start does.
    CHECK(named("auth0 and v2.5 broke yesterday, x86:10pm").empty());
    CHECK(named("5pm yesterday it broke") == std::vector<std::string>{"2024-02-25T17:00"});
    CHECK(named("(10pm yesterday)") == std::vector<std::string>{"2024-02-25T22:00"});
}

TEST_CASE("a message none of whose sentences can name a time is passed over whole, and only such a one") {
    using correlation::may_name_a_clock;
    CHECK_FALSE(may_name_a_clock("auth0 and v2.5 broke, x86:10"));
    CHECK(may_name_a_clock("from 14.2.3"));  // a version after a space: read on, clock_at says it is none
    CHECK_FALSE(may_name_a_clock("no digits at all"));
    CHECK(may_name_a_clock("since 10pm"));
    CHECK(may_name_a_clock("10pm"));
    // Sentences are split where the text has a space or a line break after their end, so a sentence starting
    // with a digit starts one in the text too: for every text here, a sentence that can name a time means the
    // text can.
    const char* const texts[] = {
        "It ended.10pm it came back",  "Done. 10pm it came back", "Done!\n10pm yesterday it broke",
        "Supplier: \"10pm it broke\"", "- 10pm: it broke\n- 11pm: back", "> 10pm quoted\nours at 11pm",
        "v2.5pm deployed", "auth0\n\n5pm yesterday", "e.g. 5pm", "Dr. Who at 5pm", "1.5 and 11.24",
        "x86:10pm",  "(10pm yesterday)", "it broke at 5pm. Back at 6pm!", "Hi all,\n10pm it broke",
    };
    for (std::string_view text : texts) {
        bool sentence_may = false;
        for (const Sentence& s : split_sentences(text)) sentence_may = sentence_may || may_name_a_clock(s.text);
        INFO(text);
        CHECK((!sentence_may || may_name_a_clock(text)));
    }
}

TEST_CASE("a message that dates the impact earlier brings in the alerts of that time") {
    auto t = run(weekend_story("To recap - over the weekend there were updown notifications at ~5pm yesterday"));
    CHECK(format_utc(t.window.from) == "2024-02-25T17:11:00.000000Z");
    CHECK(t.window.chosen_by == "cluster 2 of 2, from 17.11 as a message at 09.17 dates it");
    const auto l = lines(t);
    CHECK(l.front() == "17:11 What's on");
    // Only the alerts the sentence names: not the unrelated disk alarm beside them, not Sunday's chatter.
    CHECK(std::find(l.begin(), l.end(), "17:05 disk-space") == l.end());
    CHECK(std::none_of(l.begin(), l.end(), [](const std::string& s) { return s.find("film") != std::string::npos; }));
    CHECK(t.ledger.balances());
}

TEST_CASE("a message naming no alert of that time leaves the start where the signals put it") {
    auto t = run(weekend_story("I was at the cinema at ~5pm yesterday"));
    CHECK(format_utc(t.window.from) == "2024-02-26T08:48:00.000000Z");
    CHECK(t.window.chosen_by == "cluster 2 of 2");
}

TEST_CASE("an alert with the key of one in the window is named by that") {
    std::vector<Event> events = weekend_story("it started around 10pm yesterday");
    events.push_back(on("2024-02-25T22:08:00Z", alert("00:00", "search-5xx", "firing")));
    auto t = run(events);
    CHECK(format_utc(t.window.from) == "2024-02-25T22:08:00.000000Z");
}

TEST_CASE("option dated_reach sets how near the named time an alert must be") {
    CorrelateOptions o;
    o.dated_reach = std::chrono::minutes{5};
    auto t = run(weekend_story("there were updown notifications at ~5pm yesterday"), o);
    CHECK(format_utc(t.window.from) == "2024-02-26T08:48:00.000000Z");  // 17.11 is 11 minutes from 5pm
}

TEST_CASE("an alert exactly dated_reach from the named time is within it, a minute more is not") {
    CorrelateOptions o;
    o.dated_reach = std::chrono::minutes{11};
    auto t = run(weekend_story("there were updown notifications at ~5pm yesterday"), o);
    CHECK(format_utc(t.window.from) == "2024-02-25T17:11:00.000000Z");
    o.dated_reach = std::chrono::minutes{10};
    t = run(weekend_story("there were updown notifications at ~5pm yesterday"), o);
    CHECK(format_utc(t.window.from) == "2024-02-26T08:48:00.000000Z");
    // Alerts before the named time: 17.11 is 9 minutes before 5.20pm, 17.12 (its resolution) 8 minutes.
    o.dated_reach = std::chrono::minutes{9};
    t = run(weekend_story("there were updown notifications at ~5:20pm yesterday"), o);
    CHECK(format_utc(t.window.from) == "2024-02-25T17:11:00.000000Z");
    o.dated_reach = std::chrono::minutes{8};
    t = run(weekend_story("there were updown notifications at ~5:20pm yesterday"), o);
    CHECK(format_utc(t.window.from) == "2024-02-25T17:12:00.000000Z");
    o.dated_reach = std::chrono::minutes{-30};  // no alert is within a negative reach
    t = run(weekend_story("there were updown notifications at ~5pm yesterday"), o);
    CHECK(format_utc(t.window.from) == "2024-02-26T08:48:00.000000Z");
}

TEST_CASE("each sentence naming a time brings in its alerts, and the earliest sets the start") {
    std::vector<Event> events =
        weekend_story("search-5xx errors began at 10pm yesterday. Also updown notifications at ~5pm yesterday");
    events.push_back(on("2024-02-25T22:08:00Z", alert("00:00", "search-5xx", "firing")));
    auto t = run(events);
    CHECK(format_utc(t.window.from) == "2024-02-25T17:11:00.000000Z");
    const auto l = lines(t);
    CHECK(std::find(l.begin(), l.end(), "22:08 search-5xx") != l.end());
    CHECK(std::find(l.begin(), l.end(), "17:05 disk-space") == l.end());
    CHECK(t.ledger.balances());
}
