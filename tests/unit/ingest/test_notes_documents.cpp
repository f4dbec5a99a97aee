// The notes kind on Markdown documents with a timeline inside (docs/sources/postmortems.md): one table row per
// time form, day heading form and trap, and detection staying quiet on READMEs, changelogs and docs.
#include <catch2/catch.hpp>

#include <filesystem>

#include "ingest/event_collector.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::ingest;

namespace {

struct Read {
    std::vector<Event> events;
    std::vector<std::string> diagnostics;
};

Read read_notes(std::string_view bytes, const char* tz = "UTC", std::optional<CalendarDate> day = std::nullopt) {
    IngestOptions options;
    options.tz = *TimeZone::find(tz);
    options.day_hint = day;
    auto diags = test::quiet_diagnostics();
    EventCollector sink;
    parse_notes(bytes, Origin{"d.md", 1, 1}, IngestContext{options, diags, sink});
    return Read{sink.take_sorted(), test::texts(diags)};
}

int score(std::string_view head) {
    return detect_notes(Probe{"d.md", head, nullptr});
}

// A postmortem around `timeline`: a title with the day, prose before and after.
std::string postmortem(std::string_view timeline) {
    return "# Outage on 2024-03-05\n\nOn that day the API was down for an hour.\n\n## Timeline\n\n" +
           std::string(timeline) + "\n\n## Action items\n\n- Add alerts.\n";
}

struct Form {
    const char* name;
    const char* timeline;
    const char* utc;  // the first event's instant
    const char* text;
    const char* time_raw;
};

}  // namespace

TEST_CASE("documents: each time form is one event at its instant, text after the separator") {
    const Form forms[] = {
        {"paragraph with zone", "21:17 UTC: the authors published them", "2024-03-05T21:17:00.000000Z",
         "the authors published them", "21:17 UTC"},
        {"list item with zone", "- 21:28 UTC: the author reports the issue", "2024-03-05T21:28:00.000000Z",
         "the author reports the issue", "21:28 UTC"},
        {"en dash", "- 12:17 UTC \xE2\x80\x93 The staging deployment was promoted", "2024-03-05T12:17:00.000000Z",
         "The staging deployment was promoted", "12:17 UTC"},
        {"date and time, hyphen", "- 2023-06-06 10:23 - User reported pods deleted", "2023-06-06T10:23:00.000000Z",
         "User reported pods deleted", "2023-06-06 10:23"},
        {"bold line", "- **01:38: alerts fired**", "2024-03-05T01:38:00.000000Z", "alerts fired", "01:38"},
        {"bold time", "**10:23** paged the on-call", "2024-03-05T10:23:00.000000Z", "paged the on-call", "10:23"},
        {"bold time and colon", "- **10:23**: paged the on-call", "2024-03-05T10:23:00.000000Z", "paged the on-call",
         "10:23"},
        {"dotted time", "10.23 paged the on-call", "2024-03-05T10:23:00.000000Z", "paged the on-call", "10.23"},
        {"seconds", "- 10:23:45 UTC restarted", "2024-03-05T10:23:45.000000Z", "restarted", "10:23:45 UTC"},
        {"PM and PST", "- 3:05 PM PST: paged", "2024-03-05T23:05:00.000000Z", "paged", "3:05 PM PST"},
        {"offset", "- 10:00 +01:00 rolled back", "2024-03-05T09:00:00.000000Z", "rolled back", "10:00 +01:00"},
        {"attached offset", "- 10:00+01:00 rolled back", "2024-03-05T09:00:00.000000Z", "rolled back", "10:00+01:00"},
        {"BST", "- 10:00 BST rolled back", "2024-03-05T09:00:00.000000Z", "rolled back", "10:00 BST"},
        {"zone in parentheses", "- 10:00 (UTC) rolled back", "2024-03-05T10:00:00.000000Z", "rolled back", "10:00 (UTC)"},
        {"UTC+1", "- 10:00 UTC+1: rolled back", "2024-03-05T09:00:00.000000Z", "rolled back", "10:00 UTC+1"},
        {"table with a time column", "| Time (UTC) | Event |\n|---|---|\n| 10:23 | paged the on-call |",
         "2024-03-05T10:23:00.000000Z", "paged the on-call", "10:23"},
        {"table with date, time and more columns",
         "| Date | Time | What | Where |\n|:--|:--|---|---|\n| 2024-03-06 | **09:10** | restarted | eu-west-1 |",
         "2024-03-06T09:10:00.000000Z", "restarted; eu-west-1", "09:10"},
        {"Z", "- 10:23Z paged", "2024-03-05T10:23:00.000000Z", "paged", "10:23Z"},
    };
    for (const Form& form : forms) {
        INFO(form.name);
        // --tz far from UTC: a zone-less time is read in it, a written zone wins.
        const Read r = read_notes(postmortem(form.timeline));
        CHECK(r.diagnostics.empty());
        REQUIRE(r.events.size() == 1);
        CHECK(format_utc(r.events[0].time) == form.utc);
        CHECK(r.events[0].text == form.text);
        CHECK(r.events[0].time_raw == form.time_raw);
        CHECK(r.events[0].source.kind == "notes");
        CHECK(r.events[0].source.medium == Medium::document);
        CHECK(r.events[0].kind == EventKind::note);
    }
}

TEST_CASE("documents: a written zone wins over --tz, a zone-less time is read in --tz") {
    const Read zoned = read_notes(postmortem("- 10:00 UTC a\n- 11:00 b"), "America/New_York");
    REQUIRE(zoned.events.size() == 2);
    CHECK(format_utc(zoned.events[0].time) == "2024-03-05T10:00:00.000000Z");
    CHECK(format_utc(zoned.events[1].time) == "2024-03-05T16:00:00.000000Z");  // EST, UTC-5
    CHECK(zoned.events[1].precision == Precision::minute);
    const Read seconds = read_notes(postmortem("- 10:23:45 UTC restarted"));
    REQUIRE(seconds.events.size() == 1);
    CHECK(seconds.events[0].precision == Precision::exact);
}

TEST_CASE("documents: day headings in the usual forms set the day") {
    struct Day {
        const char* doc;
        const char* utc;
    };
    const Day days[] = {
        {"# Report\n\n## Timeline\n\n### 2020-02-20\n\n- 21:28 UTC: reported\n", "2020-02-20T21:28:00.000000Z"},
        {"# Outage of 24 July 2023\n\n## Tuesday 25 July\n\n- 10:00 restarted\n", "2023-07-25T10:00:00.000000Z"},
        {"# Report\n\n## Timeline\n\nMonday, June 5th 2023\n\n- 10:00 restarted\n", "2023-06-05T10:00:00.000000Z"},
        {"# Report\n\n## Timeline\n\n**Monday, June 5th 2023**\n\n- 10:00 restarted\n", "2023-06-05T10:00:00.000000Z"},
        {"# Report\n\n## Timeline\n\n- **5 June 2023**\n- 10:00 restarted\n", "2023-06-05T10:00:00.000000Z"},
        {"# Report\n\n### Thursday, 20 February 2020:\n\n10:00 restarted\n", "2020-02-20T10:00:00.000000Z"},
    };
    for (const Day& day : days) {
        INFO(day.doc);
        const Read r = read_notes(day.doc);
        CHECK(r.diagnostics.empty());
        REQUIRE(r.events.size() == 1);
        CHECK(format_utc(r.events[0].time) == day.utc);
    }
}

TEST_CASE("documents: the date from a heading, else the title, else the first sentence that states it") {
    // A heading stating a date (not a day heading) is the document's date.
    CHECK(format_utc(read_notes("# Incident on 2020-08-14 - pods\n\n## Timeline\n\n- 10:43 detected\n").events.at(0).time) ==
          "2020-08-14T10:43:00.000000Z");
    // Front matter: the title, and no setext heading made of the YAML.
    const Read fm = read_notes("---\ntitle: Incident on 2020-08-14\nweight: 27\n---\n\n## Timeline\n\n- 10:43 detected\n");
    REQUIRE(fm.events.size() == 1);
    CHECK(format_utc(fm.events[0].time) == "2020-08-14T10:43:00.000000Z");
    CHECK(fm.events[0].source.line == 8);
    const Read toml = read_notes("+++\ntitle = \"crates.io incident report for 2020-02-20\"\n+++\n\n## Timeline\n\n- 21:17 UTC: published\n");
    REQUIRE(toml.events.size() == 1);
    CHECK(format_utc(toml.events[0].time) == "2020-02-20T21:17:00.000000Z");
    // The first sentence stating a date, not a line that carries its own.
    const Read prose = read_notes(
        "# docs.rs outage\n\nAt 2019-10-21 01:38 UTC the site went down.\n\n## Timeline\n\n"
        "- **2019-10-20 00:55: builds started failing**\n- **01:38: alerts fired**\n");
    REQUIRE(prose.events.size() == 2);
    CHECK(format_utc(prose.events[0].time) == "2019-10-20T00:55:00.000000Z");
    CHECK(format_utc(prose.events[1].time) == "2019-10-21T01:38:00.000000Z");
    const Read words = read_notes("# Outage\n\nOn March 5, 2024 the API was down.\n\n## Timeline\n\n- 10:00 paged\n");
    REQUIRE(words.events.size() == 1);
    CHECK(format_utc(words.events[0].time) == "2024-03-05T10:00:00.000000Z");
}

TEST_CASE("documents: no date anywhere needs --from, as notes do") {
    const char* doc = "# Outage\n\nThe API was down.\n\n## Timeline\n\n- 10:00 paged\n- 10:05 restarted\n";
    const Read none = read_notes(doc);
    CHECK(none.events.empty());
    CHECK(none.diagnostics == std::vector<std::string>{"d.md:7:3: error: timeline line has no day: add a day heading "
                                                       "such as `### Thursday 25 July 2024` or give --from [notes.no-day]"});
    const Read hinted = read_notes(doc, "UTC", CalendarDate{2024, 3, 5});
    REQUIRE(hinted.events.size() == 2);
    CHECK(format_utc(hinted.events[1].time) == "2024-03-05T10:05:00.000000Z");
}

TEST_CASE("documents: actors are initials or a handle the line opens with, never a zone word") {
    const Read r = read_notes(postmortem(
        "- 10:00 UTC: checked\n- 10:01 GMT restarted\n- 10:02 NP restarted\n"
        "- 10:03: [alice] joined\n- 10:04 @bob_b joined\n- 10:05: [QuietMisdreavus](https://github.com/QuietMisdreavus) found it\n"
        "- 10:06 [PR 2207][fix] opened\n\n[alice]: https://github.com/alice\n[fix]: https://example.org/2207\n"));
    REQUIRE(r.events.size() == 7);
    CHECK(r.events[0].actor.initials.empty());
    CHECK(r.events[0].actor.name.empty());
    CHECK(r.events[1].actor.initials.empty());
    CHECK(r.events[1].text == "restarted");
    CHECK(r.events[2].actor.initials == "NP");
    CHECK(r.events[3].actor.name == "alice");
    CHECK(r.events[3].text == "alice joined");
    REQUIRE(r.events[3].spans.size() == 1);
    CHECK(r.events[3].spans[0].url == "https://github.com/alice");
    CHECK(r.events[4].actor.name == "bob_b");
    CHECK(r.events[5].actor.name == "QuietMisdreavus");
    CHECK(r.events[6].actor.name.empty());
    CHECK(r.events[6].text == "PR 2207 opened");
}

TEST_CASE("documents: prose is no event, a timed item's continuation is") {
    const Read r = read_notes(postmortem(
        "On 2024-03-05 at 21:28 UTC we received a report.\n\n"
        "At 17:41 UTC on 2024-03-04 a pull request was merged.\n\n"
        "- a bullet point without a time\n"
        "- 10:00 UTC: paged, and the on-call\n  looked at the dashboards\n\n  saw errors\n"
        "  - checked the database\n"
        "- another bullet point\n\n"
        "11:00 UTC: a paragraph line\nthat goes on\n\nA paragraph after it.\n\n"
        "```\n12:00 UTC: inside a code block\n```\n\n"
        "- 1.10.2 released\n- 4.71K requests a second\n- 99.95% of requests\n- 25:70 no time\n"
        "- 12:00 UTC the day's last line\n"));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].text == "paged, and the on-call\nlooked at the dashboards\nsaw errors\nchecked the database");
    CHECK(r.events[1].text == "a paragraph line\nthat goes on");
    CHECK(r.events[2].text == "the day's last line");
}

TEST_CASE("documents: key events carry a date and time at their end") {
    const Read r = read_notes(
        "# Incident\n\n- **Key events**\n  - First detected 2020-08-14 10:43\n  - Incident declared: 2020-08-14 11:01\n"
        "  - We looked at it for a long while and then it was fine 2020-08-14 11:20\n"
        "  - Resolved 2020-08-14\n\n- **Time to repair**: 0h 37m\n");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].text == "First detected");
    CHECK(r.events[0].time_raw == "2020-08-14 10:43");
    CHECK(r.events[0].source.line == 4);
    CHECK(r.events[1].text == "Incident declared");
    CHECK(format_utc(r.events[1].time) == "2020-08-14T11:01:00.000000Z");
}

TEST_CASE("documents: a notes file is still read as one, untimed lines as day events") {
    const Read r = read_notes("### Thursday 25 July 2024\n\n10.00 NP a\n\nMorning\n\n11.33 RC b\n");
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].precision == Precision::day);  // "Morning": the day's start, first
    // ... and a zone in a notes file wins too, never initials.
    const Read z = read_notes("### 2020-02-20\n\n- 21:28 UTC: reported\n- 21:31 UTC: GitHub updates\n", "Europe/Paris");
    REQUIRE(z.events.size() == 2);
    CHECK(format_utc(z.events[0].time) == "2020-02-20T21:28:00.000000Z");
    CHECK(z.events[0].actor.initials.empty());
    CHECK(z.events[0].text == "reported");
}

TEST_CASE("detection: a document with a timeline, not a README, a changelog or docs") {
    CHECK(score("# Outage\n\nProse.\n\n## Timeline\n\n- 10:00 UTC: paged\n") == 40);
    CHECK(score("# Outage\n\nProse.\n\n- **Key events**\n  - First detected 2020-08-14 10:43\n") == 40);
    CHECK(score("# Outage\n\nProse.\n\n## What happened\n\nMore prose.\n\n- 10:00 a\n- 10:05 b\n- 10:10 c\n") == 40);
    CHECK(score("# Outage\n\nProse.\n\n## What happened\n\nMore prose.\n\n- 10:00 a\n- 10:05 b\n") == 0);
    // A title, day headings and mostly timed lines: a notes file (untimed lines are day events there).
    CHECK(score("# Outage\n\n### Thursday 25 July 2024\n\n10.00 NP a\n11.33 RC b\nMorning\n") == 60);
    CHECK(score("# Tool\n\nUsage:\n\n```\n10:00 UTC: paged\n10:05 UTC: b\n10:10 UTC: c\n```\n\nMore prose.\n") == 0);
    CHECK(score("# Changelog\n\n## [1.2.0] - 2023-06-06\n\n- Added a thing.\n\n## [1.1.0] - 2023-05-01\n\n- Fixed.\n") == 0);
    CHECK(score("2023-06-06 10:23:45 INFO started\n2023-06-06 10:23:46 INFO ready\n2023-06-06 10:24:00 WARN slow\n"
                "a log line\nanother\n") == 0);
    CHECK(score("{\"a\": \"# Timeline\\n- 10:00 UTC x\"}") == 0);
    CHECK(score("### Thursday 25 July 2024\n\n10.00 NP a\n11.33 RC b\n") == 60);
}

TEST_CASE("detection is quiet on the project's own Markdown and the corpus's non-timeline .md files") {
    std::vector<std::string> files = {test::source_path("README.md"), test::source_path("tests/golden/README.md"),
                                      test::source_path("fuzz/README.md")};
    for (const auto& entry : std::filesystem::directory_iterator(test::source_path("docs"))) {
        if (entry.path().extension() == ".md") files.push_back(entry.path().string());
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_path("docs/sources"))) {
        if (entry.path().extension() == ".md") files.push_back(entry.path().string());
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::corpus_path(""))) {
        const std::string path = entry.path().string();
        if (entry.path().extension() != ".md" || path.find("third-party/markdown/") != std::string::npos ||
            path.find("wellcome-retros/") != std::string::npos) {
            continue;
        }
        files.push_back(path);
    }
    CHECK(files.size() > 10);
    for (const std::string& path : files) {
        INFO(path);
        const std::string bytes = test::read_file(path);
        CHECK(score(std::string_view(bytes).substr(0, 64 * 1024)) == 0);
    }
}
