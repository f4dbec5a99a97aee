// `retro timeline --format`: the table's rows, and that each renders what its renderer renders.
#include <catch2/catch.hpp>

#include "format_table_checks.hpp"
#include "render/timeline_formats.hpp"
#include "render/timeline_output.hpp"

using namespace retro;
using namespace retro::render;

TEST_CASE("timeline formats: text first, names unique, every row found by its name", "[render][formats]") {
    test::check_format_table(timeline_formats(), {"text", "json"});
    for (const TimelineFormat& row : timeline_formats()) CHECK(row.render != nullptr);
}

TEST_CASE("timeline formats: text follows --list-incidents and --stats, JSON is the whole timeline",
          "[render][formats]") {
    Timeline t;
    t.clusters.push_back({*parse_iso8601("2024-07-25T10:00:00Z"), *parse_iso8601("2024-07-25T11:00:00Z"), 2, 3, 0});
    t.window.cluster = 1;
    t.ledger.input = 5;
    t.ledger.dropped["outside the window"] = 5;
    const TimeZone tz = TimeZone::utc();
    const TimelineFormat& text = *find_format(timeline_formats(), "text");
    const TimelineFormat& json = *find_format(timeline_formats(), "json");

    CHECK(text.render(t, {tz, false, false}) == render_timeline_text(t, tz));
    CHECK(text.render(t, {tz, false, true}) == render_timeline_text(t, tz) + "\nLedger\n\n" + render_stats_text(t, tz));
    CHECK(text.render(t, {tz, true, true}) == render_incidents_text(t, tz));
    for (const bool list_incidents : {false, true}) {
        for (const bool stats : {false, true}) CHECK(json.render(t, {tz, list_incidents, stats}) == render_timeline_json(t, tz));
    }
}

TEST_CASE("a long timeline's text: every entry in order, each day's heading once, across the slices it is made in",
          "[render][formats]") {
    // 3,000 entries, rendered 1,024 at a time: the day changes at entry 1,024 (a slice's first) and at 1,500 and
    // 2,500 (inside slices); at 2,048 a slice starts inside a day, whose heading must not come again.
    Timeline t;
    const Instant start = *parse_iso8601("2024-07-25T10:00:00Z");
    const std::size_t day_starts[] = {0, 1024, 1500, 2500};
    std::size_t day = 0;
    for (std::size_t i = 0; i < 3000; ++i) {
        while (day + 1 < std::size(day_starts) && i >= day_starts[day + 1]) ++day;
        TimelineEntry e;
        e.time = start + std::chrono::hours(24) * static_cast<int>(day) + std::chrono::seconds(i);
        e.initials = "AB";
        e.text = "line " + std::to_string(i);
        if (i % 700 == 0) e.continuations.push_back(TimelineEntry{});
        t.entries.push_back(std::move(e));
    }
    const std::string text = render_timeline_text(t, TimeZone::utc());
    std::size_t at = 0, headings = 0;
    for (std::size_t i = 0; i < 3000; ++i) {
        const std::string line = " AB line " + std::to_string(i) + "\n";
        const std::size_t found = text.find(line, at);
        REQUIRE(found != std::string::npos);
        REQUIRE(text.rfind(line) == found);  // once: no entry made by two slices
        at = found;
    }
    for (const char* heading : {"\nThursday 25 July 2024\n\n", "\nFriday 26 July 2024\n\n",
                                "\nSaturday 27 July 2024\n\n", "\nSunday 28 July 2024\n\n"}) {
        CHECK(text.find(heading) != std::string::npos);
        CHECK(text.find(heading) == text.rfind(heading));
        ++headings;
    }
    std::size_t blank_pairs = 0;
    for (std::size_t p = text.find("\n\n"); p != std::string::npos; p = text.find("\n\n", p + 2)) ++blank_pairs;
    CHECK(blank_pairs == 2 * headings);  // a heading's blank lines, and no others
}
