// The retro and notes ingesters: timelines read by the retro reader (tests/unit/retrodoc) as events.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "ingest/event_collector.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "retrodoc/retro_samples.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::ingest;
using test::small_retro;

namespace {

std::vector<Event> ingest_bytes(std::string_view kind, std::string_view bytes, IngestOptions& options,
                                Diagnostics& diags, EventCollector& sink, const std::string& name = "r.md") {
    const IngestContext context{options, diags, sink};
    if (kind == "retro") {
        parse_retro(bytes, Origin{name, 1, 1}, context);
    } else {
        parse_notes(bytes, Origin{name, 1, 1}, context);
    }
    return sink.take_sorted();
}

TimeZone london() {
    return *TimeZone::find("Europe/London");
}

}  // namespace

TEST_CASE("retro events: times in --tz, minute and day precision, actors, continuation text") {
    IngestOptions options;
    options.tz = london();
    options.people.add("RC", Person{"Rachel Cooper", "RC"});
    auto diags = test::quiet_diagnostics();
    EventCollector sink;
    const auto events = ingest_bytes("retro", small_retro, options, diags, sink);
    CHECK(test::texts(diags).empty());
    REQUIRE(events.size() == 4);
    // 25 July 2024 is in BST (UTC+1): the untimed "Morning" line is the local day's start.
    CHECK(events[0].id == "retro:r.md#L16");
    CHECK(format_utc(events[0].time) == "2024-07-24T23:00:00.000000Z");
    CHECK(events[0].precision == Precision::day);
    CHECK(events[0].time_raw == "Thursday 25 July");
    CHECK(events[0].text == "Morning: deploys paused");

    CHECK(events[1].id == "retro:r.md#L18");
    CHECK(format_utc(events[1].time) == "2024-07-25T09:00:00.000000Z");
    CHECK(events[1].precision == Precision::minute);
    CHECK(events[1].kind == EventKind::note);
    CHECK(events[1].source.kind == "retro");
    CHECK(events[1].source.line == 18);
    CHECK(events[1].actor.initials == "NP");
    CHECK(events[1].text == "noticed errors\nsecond line https://example.org/a\nthird code line");
    CHECK(events[1].spans ==
          std::vector<Span>{{27, 48, SpanType::link, "https://example.org/a"}, {55, 59, SpanType::code, ""}});

    CHECK(format_utc(events[2].time) == "2024-07-25T10:36:00.000000Z");
    CHECK(events[2].actor.name == "Rachel Cooper");
    CHECK(events[2].text == "reverted");
    CHECK(events[3].text == "list entry\n{\"status\": 403}");
    CHECK(events[3].spans == std::vector<Span>{{11, 26, SpanType::pre, ""}});
}

TEST_CASE("the seed retro gives every timed line at its UTC instant") {
    const std::string path = test::seed_path("2024-07-25-retro-as-published.md");
    const std::string bytes = test::read_file(path);
    IngestOptions options;
    options.tz = london();
    auto diags = test::quiet_diagnostics();
    EventCollector sink;
    const auto events = ingest_bytes("retro", bytes, options, diags, sink, "seed.md");
    CHECK(test::texts(diags).empty());

    // Expected, independently of the reader: every line of the file starting `HH.MM ` is one event at
    // 2024-07-25 HH:MM BST, i.e. an hour earlier in UTC. The seed has 32 such lines (counted by hand:
    // 10.00 … 13.06) and two untimed lines before them (firewall migration, the Slack link).
    std::istringstream in(bytes);
    std::string line;
    std::map<std::string, std::string> expected;
    const std::regex timed(R"(^(\d\d)\.(\d\d) )");
    for (int n = 1; std::getline(in, line); ++n) {
        std::smatch m;
        if (std::regex_search(line, m, timed)) {
            const int hour = std::stoi(m[1].str()) - 1;
            expected["retro:seed.md#L" + std::to_string(n)] =
                fmt::format("2024-07-25T{:02}:{}:00.000000Z", hour, m[2].str());
        }
    }
    CHECK(expected.size() == 32);
    std::map<std::string, std::string> got;
    for (const Event& e : events) {
        if (e.precision == Precision::minute) got[e.id] = format_utc(e.time);
    }
    CHECK(got == expected);
    CHECK(events.size() == 34);
    CHECK(got.at("retro:seed.md#L44") == "2024-07-25T10:36:00.000000Z");  // 11.36 RC
    const auto rc =
        std::find_if(events.begin(), events.end(), [](const Event& e) { return e.id == "retro:seed.md#L44"; });
    CHECK(rc->actor.initials == "RC");
    CHECK(rc->text ==
          "@weco_devs starting a chat here; Logging in is down, and we're having issues with the Catalogue API");
}

TEST_CASE("DST gaps and overlaps in --tz are reported, bad times dropped") {
    const char* notes =
        "### Sunday 31 March 2024\n\n01.30 AB in the gap\n\n25.70 CD nonsense\n\n"
        "### Sunday 27 October 2024\n\n01.30 AB twice\n";
    IngestOptions options;
    options.tz = london();
    auto diags = test::quiet_diagnostics();
    EventCollector sink;
    const auto events = ingest_bytes("notes", notes, options, diags, sink, "n.md");
    CHECK(test::texts(diags) ==
          std::vector<std::string>{
              "n.md:3:1: warning: 2024-03-31 01.30 does not exist in Europe/London (clocks went forward); taken as "
              "the instant after the gap [notes.dst-gap]",
              "n.md:5:1: warning: `25.70` is not a time of day [notes.bad-time]",
              "n.md:9:1: warning: 2024-10-27 01.30 happens twice in Europe/London (clocks went back); taken as the "
              "earlier [notes.dst-overlap]"});
    REQUIRE(events.size() == 2);
    CHECK(format_utc(events[0].time) == "2024-03-31T01:00:00.000000Z");
    CHECK(format_utc(events[1].time) == "2024-10-27T00:30:00.000000Z");
    CHECK(sink.dropped().at("bad-time") == 1);
}

TEST_CASE("notes without a day heading need --from") {
    const char* notes = "10.00 NP mentioned Sierra issues in stand up\n11.33 RC reported users couldn't log in\n";
    {
        IngestOptions options;
        auto diags = test::quiet_diagnostics();
        EventCollector sink;
        CHECK(ingest_bytes("notes", notes, options, diags, sink, "n.md").empty());
        CHECK(test::texts(diags) ==
              std::vector<std::string>{"n.md:1:1: error: timeline line has no day: add a day heading such as "
                                       "`### Thursday 25 July 2024` or give --from [notes.no-day]"});
        CHECK(sink.dropped().at("no-day") == 2);
    }
    {
        IngestOptions options;
        options.tz = london();
        options.day_hint = CalendarDate{2024, 7, 25};
        auto diags = test::quiet_diagnostics();
        EventCollector sink;
        const auto events = ingest_bytes("notes", notes, options, diags, sink, "n.md");
        REQUIRE(events.size() == 2);
        CHECK(events[0].id == "retro:n.md#L1");
        CHECK(events[0].source.kind == "notes");
        CHECK(format_utc(events[1].time) == "2024-07-25T10:33:00.000000Z");
    }
}

TEST_CASE("detection: retro by its title, notes by timeline lines") {
    auto probe = [](std::string_view head) { return Probe{"x.md", head, nullptr}; };
    CHECK(detect_retro(probe("# Incident retro - x\n")) == 90);
    CHECK(detect_retro(probe("<!-- draft -->\n\n# Incident retro - x\n")) == 90);
    CHECK(detect_retro(probe("# Something else\n")) == 0);
    CHECK(detect_notes(probe("### Thursday 25 July 2024\n\n10.00 NP a\n11.33 RC b\n")) == 60);
    CHECK(detect_notes(probe("Just some prose.\nMore prose.\n10.00 one line\n")) == 0);
    CHECK(detect_notes(probe("{\"schema\":\"retro.event/1\"}\n")) == 0);
}

TEST_CASE("a published retro with plain-line days, HH:MM times and untimed lines") {
    // corpus/wellcome-retros/2022-09-22_…: read by hand. `## Timeline` is line 13; the day lines are
    // `22 September 2022` (15) and `23 September 2022` (42). Timed lines: 13.00 (19), 13:23 (21, with a
    // continuation and two list items), 13:41 (26), 14.00 (28), 14.02 (30), 14:42: (32), 15:17 (34),
    // 18:46 (36), 19:55 (38): 9. Untimed: `See https://…` (17), `Thursday eve: …` (40), `Morning AC …` (44).
    // September 2022 in London is BST, UTC+1.
    const std::string bytes = test::read_file(test::corpus_path(
        "wellcome-retros/2022-09-22_increased-rate-of-errors-in-searches-on-wellcomecollection-dot-org.md"));
    IngestOptions options;
    options.tz = london();
    auto diags = test::quiet_diagnostics();
    EventCollector sink;
    const auto events = ingest_bytes("retro", bytes, options, diags, sink, "r.md");
    CHECK(test::texts(diags).empty());
    REQUIRE(events.size() == 12);
    std::map<std::string, std::string> got;
    for (const Event& e : events) got[e.id] = format_utc(e.time) + " " + std::string(to_string(e.precision));
    CHECK(got == std::map<std::string, std::string>{
                     {"retro:r.md#L17", "2022-09-21T23:00:00.000000Z day"},
                     {"retro:r.md#L19", "2022-09-22T12:00:00.000000Z minute"},
                     {"retro:r.md#L21", "2022-09-22T12:23:00.000000Z minute"},
                     {"retro:r.md#L26", "2022-09-22T12:41:00.000000Z minute"},
                     {"retro:r.md#L28", "2022-09-22T13:00:00.000000Z minute"},
                     {"retro:r.md#L30", "2022-09-22T13:02:00.000000Z minute"},
                     {"retro:r.md#L32", "2022-09-22T13:42:00.000000Z minute"},
                     {"retro:r.md#L34", "2022-09-22T14:17:00.000000Z minute"},
                     {"retro:r.md#L36", "2022-09-22T17:46:00.000000Z minute"},
                     {"retro:r.md#L38", "2022-09-22T18:55:00.000000Z minute"},
                     {"retro:r.md#L40", "2022-09-21T23:00:00.000000Z day"},
                     {"retro:r.md#L44", "2022-09-22T23:00:00.000000Z day"},
                 });
    const auto e1323 =
        std::find_if(events.begin(), events.end(), [](const Event& e) { return e.id == "retro:r.md#L21"; });
    CHECK(e1323->actor.initials == "AC");
    CHECK(
        e1323->text.ends_with("Other debugging at this stage:\nNothing obvious in Google/Twitter/GitHub to suggest "
                              "other people have similar issues\nNo significant activity in the pipeline that might "
                              "be stressing the cluster"));
}
