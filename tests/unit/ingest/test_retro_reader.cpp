// The retro reader, Markdown-to-text, and the retro/notes ingesters. Positions are 1-based line:byte-column,
// worked out by hand from the literals below.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "ingest/event_collector.hpp"
#include "ingest/retro/retro_document.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "ingest/retro/timeline_text.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::ingest;

namespace {

const char* const small_retro = R"(# Incident retro - search not available

**Incident from:** 2024-07-25

**Incident until:** 2024-07-25

**Retro held:** 2024-07-26

* [Timeline](#timeline)
* [Actions](#actions)

## Timeline

### Thursday 25 July

Morning: deploys paused

10.00 NP noticed errors\
second line <https://example.org/a>\
third `code` line

11:36 RC: reverted
- 11.40 AG list entry

```
{"status": 403}
```

## Actions

**LB**

* Review behaviour
* Review code

**SB**
)";

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

TEST_CASE("the retro reader finds title, metadata, links, days, entries and owners with positions") {
    const RetroDocument doc = read_retro_document(small_retro);
    REQUIRE(doc.title);
    CHECK(doc.title->text == "Incident retro - search not available");
    CHECK(doc.title->line == 1);
    CHECK(doc.title->column == 3);

    REQUIRE(doc.metadata.size() == 3);
    CHECK(doc.metadata[0].key == "Incident from");
    CHECK(doc.metadata[0].value == "2024-07-25");
    CHECK(doc.metadata[0].line == 3);
    CHECK(doc.metadata[0].value_column == 20);  // `**Incident from:** ` is 19 bytes
    CHECK(doc.metadata[2].key == "Retro held");
    CHECK(doc.metadata[2].value_column == 17);

    REQUIRE(doc.links.size() == 3);
    CHECK(doc.links[0].url == "#timeline");
    CHECK(doc.links[0].line == 9);
    CHECK(doc.links[0].column == 3);
    CHECK(doc.links[2].url == "https://example.org/a");
    CHECK(doc.links[2].line == 19);  // on the continuation line after a hard break
    CHECK(doc.links[2].column == 13);

    REQUIRE(doc.toc.size() == 2);
    CHECK(doc.toc[1].url == "#actions");
    CHECK(doc.toc[1].line == 10);
    REQUIRE(doc.sections.size() == 2);
    CHECK(doc.headings[doc.sections[0]].text == "Timeline");
    CHECK(doc.headings[doc.sections[1]].line == 29);

    REQUIRE(doc.timeline);
    REQUIRE(doc.days.size() == 1);
    const RetroDay& day = doc.days[0];
    CHECK(day.text == "Thursday 25 July");
    CHECK(day.line == 14);
    CHECK(day.column == 5);
    REQUIRE(day.date);
    CHECK(day.date->weekday == 4u);
    CHECK(day.date->month == 7u);
    CHECK(day.date->day == 25u);
    CHECK_FALSE(day.date->year);

    REQUIRE(day.entries.size() == 4);
    CHECK_FALSE(day.entries[0].is_timed);
    CHECK(day.entries[0].line == 16);

    const RetroEntry& e = day.entries[1];
    CHECK(e.is_timed);
    CHECK(e.time_text == "10.00");
    CHECK(e.initials == "NP");
    CHECK(e.initials_column == 7);
    REQUIRE(e.lines.size() == 3);
    CHECK(e.lines[0].text == "noticed errors");
    CHECK(e.lines[0].column == 10);
    CHECK(e.lines[1].line == 19);
    CHECK(e.lines[1].text == "second line <https://example.org/a>");
    CHECK(e.lines[2].line == 20);
    CHECK(e.lines[2].column == 1);

    CHECK(day.entries[2].time_text == "11:36");
    CHECK(day.entries[2].initials == "RC");
    CHECK(day.entries[2].lines[0].text == "reverted");
    const RetroEntry& item = day.entries[3];
    CHECK(item.time_text == "11.40");
    CHECK(item.line == 23);
    CHECK(item.column == 3);
    REQUIRE(item.lines.size() == 2);  // the fenced code belongs to the entry before it
    CHECK(item.lines[1].is_code);
    CHECK(item.lines[1].text == R"({"status": 403})");

    REQUIRE(doc.owners.size() == 2);
    CHECK(doc.owners[0].name == "LB");
    CHECK(doc.owners[0].line == 31);
    CHECK(doc.owners[0].actions.size() == 2);
    CHECK(doc.owners[0].actions[1].text == "Review code");
    CHECK(doc.owners[0].actions[1].column == 3);
    CHECK(doc.owners[1].name == "SB");
    CHECK(doc.owners[1].actions.empty());
}

TEST_CASE("day headings in the forms the published retros use") {
    struct Row {
        const char* text;
        int year;  // 0: none written
        unsigned month, day;
        int weekday;  // -1: none written
    };
    const Row rows[] = {
        {"Thursday 25 July", 0, 7, 25, 4}, {"20 May 2021", 2021, 5, 20, -1}, {"Tue 7 Jan 2020", 2020, 1, 7, 2},
        {"26 February", 0, 2, 26, -1},     {"25th July:", 0, 7, 25, -1},     {"July 25, 2024", 2024, 7, 25, -1},
        {"2024-07-25", 2024, 7, 25, -1},   {"Thurs 25 Sept", 0, 9, 25, 4},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        const auto d = parse_day_date(row.text);
        REQUIRE(d);
        CHECK(d->year.value_or(0) == row.year);
        CHECK(d->month == row.month);
        CHECK(d->day == row.day);
        CHECK(static_cast<int>(d->weekday.value_or(99)) == (row.weekday < 0 ? 99 : row.weekday));
    }
    for (const char* text : {"Timeline", "Thursday eve", "24 February January 2021", "Morning", "32 July", "Day"}) {
        INFO(text);
        CHECK_FALSE(parse_day_date(text));
    }
}

TEST_CASE("day-like lines that are not dates") {
    CHECK(looks_like_day_date("24 February January 2021"));
    CHECK(looks_like_day_date("Thursday 31 June"));
    CHECK_FALSE(looks_like_day_date("Morning"));
    CHECK_FALSE(looks_like_day_date("May be related"));
    CHECK_FALSE(looks_like_day_date("reindex run Monday 13 May"));
    CHECK_FALSE(looks_like_day_date("2024"));
}

TEST_CASE("timeline times: HH.MM, HH:MM, H.MM; not 1.5 or 14:30ish") {
    int h = 0, m = 0;
    CHECK(match_line_time("11.36 RC", h, m) == 5);
    CHECK((h == 11 && m == 36));
    CHECK(match_line_time("9.05 x", h, m) == 4);
    CHECK((h == 9 && m == 5));
    CHECK(match_line_time("14:42: The", h, m) == 5);
    CHECK(match_line_time("25.70 bad", h, m) == 5);
    CHECK((h == 25 && m == 70));
    CHECK(match_line_time("13.00", h, m) == 5);
    CHECK(match_line_time("14:30ish: DM", h, m) == 0);
    CHECK(match_line_time("1.5 apples", h, m) == 0);
    CHECK(match_line_time("2024-07-25", h, m) == 0);
    CHECK(match_line_time("c.15.30 x", h, m) == 0);
}

TEST_CASE("Markdown inline text becomes plain text with spans") {
    struct Row {
        const char* markdown;
        const char* text;
        std::vector<Span> spans;
    };
    const std::vector<Row> rows = {
        {R"(@weco\_devs starting)", "@weco_devs starting", {}},
        {R"(The last \[API] alerts)", "The last [API] alerts", {}},
        {R"(“D\&T Networks”)", "“D&T Networks”", {}},
        {"see <https://a.org/x>", "see https://a.org/x", {{4, 19, SpanType::link, "https://a.org/x"}}},
        // A converter escaped the hard-break backslash inside the autolink: the URL ends before it.
        {R"(<https://a.org/items\\>)", "https://a.org/items", {{0, 19, SpanType::link, "https://a.org/items"}}},
        {"run `ls -l` now", "run ls -l now", {{4, 9, SpanType::code, ""}}},
        {"[screenshot](https://s.org/p1) of CPU", "screenshot of CPU", {{0, 10, SpanType::link, "https://s.org/p1"}}},
        {"bare https://a.org/x.", "bare https://a.org/x.", {{5, 20, SpanType::link, "https://a.org/x"}}},
        {"**bold** and *it*", "bold and it", {{0, 4, SpanType::bold, ""}, {9, 11, SpanType::italic, ""}}},
        {"sierra_adapter_x stays", "sierra_adapter_x stays", {}},
        {"a &amp; b &#x41;", "a & b A", {}},
        {"one<br>two <!-- note -->", "one\ntwo ", {}},
    };
    for (const Row& row : rows) {
        INFO(row.markdown);
        PlainText out;
        append_markdown_inline(row.markdown, out);
        CHECK(out.text == row.text);
        CHECK(out.spans == row.spans);
    }
}

TEST_CASE("inline text nested 200,000 deep is read to a bounded depth, without exhausting the stack") {
    // Before issue 15 item 10 each link text was read by a recursive call: 200,000 levels overflowed the stack.
    const std::size_t n = 200000;
    std::string links, expected;
    for (std::size_t i = 0; i < n; ++i) links += '[';
    links += 'a';
    for (std::size_t i = 0; i < n; ++i) links += "](u)";
    PlainText out;
    append_markdown_inline(links, out);
    CHECK(out.text.size() > n);
    CHECK(out.spans.size() == 1);
    CHECK(out.spans[0].url == "u");
}

TEST_CASE("edge blanks written as character references come back as blanks") {
    PlainText out;
    append_markdown_inline("&#32;&#9;two  inner&#9;&#32;", out);
    CHECK(out.text == " \ttwo  inner\t ");
}

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
        options.day_hint = LocalDateTime{2024, 7, 25};
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

TEST_CASE("an HTML comment is skipped to its last line (cmark-gfm reports its end a line early)") {
    const char* notes = "<!--\nabout\n\n11.00 not an entry\n-->\n### Thursday 25 July 2024\n\n11.33 RC reported\n";
    const RetroDocument doc = read_notes_document(notes);
    CHECK(doc.is_html_line[4]);  // line 5, `-->`
    REQUIRE(doc.days.size() == 1);
    REQUIRE(doc.days[0].entries.size() == 1);
    CHECK(doc.days[0].entries[0].line == 8);

    // A one-line comment (retro's own machine-region markers) is no timeline entry either.
    const RetroDocument marked = read_notes_document(
        "<!-- retro:begin timeline -->\n\n### Thursday 25 July 2024\n\n"
        "11.33 RC reported\n\n<!-- retro:end timeline -->\n");
    CHECK(marked.is_html_line[0]);
    CHECK(marked.is_html_line[6]);
    REQUIRE(marked.days.size() == 1);
    REQUIRE(marked.days[0].entries.size() == 1);
    CHECK(marked.days[0].entries[0].lines.size() == 1);
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
