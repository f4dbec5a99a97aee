// The five published postmortems under ../shared/corpus/third-party/markdown/, read through detection as the
// `notes` kind. Every expected count, instant, text and name below was worked out by reading the files
// (third-party/SOURCES.md: zone-less MoJ times are read as UTC, i.e. --tz UTC), not from retro's output.
#include <catch2/catch.hpp>

#include <algorithm>

#include "alerts_test_support.hpp"

using namespace retro;
using test::run_sources;

namespace {

std::string markdown_sample(std::string_view name) {
    return test::corpus_path("third-party/markdown/" + std::string(name));
}

const Event& at_line(const test::AlertRun& run, std::uint64_t line) {
    const auto it = std::find_if(run.events.begin(), run.events.end(),
                                 [&](const Event& e) { return e.source.line == line; });
    REQUIRE(it != run.events.end());
    return *it;
}

std::vector<std::uint64_t> lines_of(const test::AlertRun& run) {
    std::vector<std::uint64_t> out;
    for (const Event& e : run.events) out.push_back(e.source.line);
    std::sort(out.begin(), out.end());
    return out;
}

void check_note_events(const test::AlertRun& run) {
    for (const Event& e : run.events) {
        CHECK(e.source.kind == "notes");
        CHECK(e.source.medium == Medium::document);
        CHECK(e.kind == EventKind::note);
        CHECK(e.precision == Precision::minute);
    }
}

}  // namespace

TEST_CASE("postmortems: docs.rs outage, a bold `- **01:38: …**` list, the day stated in prose", "[notes]") {
    // Timed lines 56-72 (13). Line 56 carries its own date (2019-10-20 00:55); the rest take 2019-10-21, which
    // no heading or title states and the first sentence does ("At 2019-10-21 01:38 UTC …"). All UTC.
    const auto run = run_sources({markdown_sample("rust-blog-docsrs-outage-postmortem.md")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 13);
    check_note_events(run);
    CHECK(lines_of(run) == std::vector<std::uint64_t>{56, 57, 59, 60, 61, 63, 65, 66, 67, 68, 69, 70, 72});
    CHECK(format_utc(run.events.front().time) == "2019-10-20T00:55:00.000000Z");
    CHECK(run.events.front().text == "crate builds started failing due to the low disk space");
    CHECK(run.events.front().time_raw == "2019-10-20 00:55");
    CHECK(format_utc(run.events.back().time) == "2019-10-21T19:27:00.000000Z");
    CHECK(run.events.back().text == "builds of the crates failed during the outage finished");
    // The 01:38 item runs on to line 58; the GitHub handle it opens with is the actor of line 59.
    CHECK(at_line(run, 57).text == "alerts fired for the docs.rs website being down, ashleygwilliams\n(backup contact) got paged");
    CHECK(at_line(run, 57).actor.name.empty());
    CHECK(at_line(run, 57).spans.size() == 3);  // bold on each of its two lines, the handle's link
    CHECK(at_line(run, 59).actor.name == "QuietMisdreavus");
    CHECK(at_line(run, 59).text == "QuietMisdreavus joins into the operations channel");
    CHECK(at_line(run, 69).actor.name == "Mark-Simulacrum");
    CHECK(format_utc(at_line(run, 68).time) == "2019-10-21T02:06:00.000000Z");
    CHECK(at_line(run, 70).text == "pietroalbini added builds failed during the outage back into the\nqueue");
}

TEST_CASE("postmortems: crates.io incident report, `### 2020-02-20` days and `- 21:28 UTC: …`", "[notes]") {
    // 14 lines under `### 2020-02-20` (81-98), 3 under `### 2020-02-21` (102-106). Every time says UTC.
    const auto run = run_sources({markdown_sample("rust-blog-crates-io-incident-report.md")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 17);
    check_note_events(run);
    CHECK(format_utc(run.events.front().time) == "2020-02-20T21:17:00.000000Z");
    CHECK(run.events.front().time_raw == "21:17 UTC");
    CHECK(run.events.front().actor.initials.empty());  // `UTC` is a zone, never initials
    CHECK(format_utc(at_line(run, 85).time) == "2020-02-20T21:31:00.000000Z");
    CHECK(at_line(run, 85).text == "GitHub updates their status page to report an outage");
    CHECK(at_line(run, 98).text == "Fix deployed on production");
    CHECK(format_utc(run.events.back().time) == "2020-02-21T14:10:00.000000Z");
    CHECK(at_line(run, 93).text == "Sean opens up PR 2207 with the fix");
    REQUIRE(at_line(run, 93).spans.size() == 1);
    CHECK(at_line(run, 93).spans[0].url == "https://github.com/rust-lang/crates.io/pull/2207");
}

TEST_CASE("postmortems: a written zone wins over --tz", "[notes]") {
    IngestOptions options;
    options.tz = *TimeZone::find("America/New_York");
    const auto run = run_sources({markdown_sample("rust-blog-crates-io-incident-report.md")}, options);
    REQUIRE(run.events.size() == 17);
    CHECK(format_utc(run.events.front().time) == "2020-02-20T21:17:00.000000Z");
    // A zone-less MoJ time is read in --tz: 10:23 in London in June is BST, 09:23 UTC.
    options.tz = *TimeZone::find("Europe/London");
    const auto moj = run_sources({markdown_sample("moj-cloud-platform-2023-06-06-user-services-down.md")}, options);
    REQUIRE(moj.events.size() == 12);
    CHECK(format_utc(moj.events.front().time) == "2023-06-06T09:23:00.000000Z");
}

TEST_CASE("postmortems: crates.io postmortem, Atlassian template, `- 12:17 UTC – …` (en dash)", "[notes]") {
    // `### 2023-07-19`: 75, 76; `### 2023-07-20`: 80-93 (14). The summary's "between 12:17 and 12:30 UTC" and
    // the lead-up's "At 17:41 UTC on 2023-07-19" are prose; the five whys and the code block hold no times.
    const auto run = run_sources({markdown_sample("rust-blog-crates-io-postmortem.md")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 16);
    check_note_events(run);
    CHECK(lines_of(run) == std::vector<std::uint64_t>{75, 76, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93});
    CHECK(format_utc(run.events.front().time) == "2023-07-19T12:32:00.000000Z");
    CHECK(format_utc(at_line(run, 84).time) == "2023-07-20T12:17:00.000000Z");
    CHECK(at_line(run, 84).text == "The staging deployment was promoted to the production environment");
    CHECK(at_line(run, 89).text == "The deployment was rolled back, temporarily fixing the issue for our users.");
    CHECK(format_utc(run.events.back().time) == "2023-07-20T14:10:00.000000Z");
}

TEST_CASE("postmortems: MoJ 2023-06-06, key events and `- 2023-06-06 10:23 - …` context lines", "[notes]") {
    // Key events on lines 9-12 (10:26, 11:00, 11:21, 11:21) and context 23-30 (10:23 … 13:11): 12, no zone.
    const auto run = run_sources({markdown_sample("moj-cloud-platform-2023-06-06-user-services-down.md")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 12);
    check_note_events(run);
    CHECK(lines_of(run) == std::vector<std::uint64_t>{9, 10, 11, 12, 23, 24, 25, 26, 27, 28, 29, 30});
    CHECK(format_utc(run.events.front().time) == "2023-06-06T10:23:00.000000Z");
    CHECK(run.events.front().text == "User reported that their production pods are deleted all at once");
    CHECK(at_line(run, 9).text == "First detected");
    CHECK(format_utc(at_line(run, 9).time) == "2023-06-06T10:26:00.000000Z");
    CHECK(at_line(run, 11).text == "Repaired");
    CHECK(format_utc(run.events.back().time) == "2023-06-06T13:11:00.000000Z");
    CHECK(run.events.back().text == "Incident resolved");
}

TEST_CASE("postmortems: MoJ 2020-08-14, three key events and nothing else", "[notes]") {
    // `First detected 2020-08-14 10:43`, `Incident declared … 11:01`, `Resolved … 11:38`; the `Timeline :` link
    // and `Time to repair` are not events.
    const auto run = run_sources({markdown_sample("moj-cloud-platform-2020-08-14-ingress-controllers-crashlooping.md")});
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 3);
    check_note_events(run);
    CHECK(test::times(run) == std::vector<std::string>{"2020-08-14T10:43:00.000000Z", "2020-08-14T11:01:00.000000Z",
                                                       "2020-08-14T11:38:00.000000Z"});
    CHECK(run.events[0].text == "First detected");
    CHECK(run.events[1].text == "Incident declared");
    CHECK(run.events[2].text == "Resolved");
    CHECK(run.events[0].id == "retro:" + markdown_sample("moj-cloud-platform-2020-08-14-ingress-controllers-crashlooping.md") + "#L9");
}
