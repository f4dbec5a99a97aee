// The retro reader: a retro or notes file read into its parts. Positions are 1-based line:byte-column,
// worked out by hand from the literals below.
#include <catch2/catch.hpp>

#include "retrodoc/retro_document.hpp"
#include "retrodoc/retro_samples.hpp"

using namespace retro;
using namespace retro::retrodoc;
using test::small_retro;

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
TEST_CASE("timeline times: HH.MM, HH:MM, H.MM, not 1.5 or 14:30ish") {
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
