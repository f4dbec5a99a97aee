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
