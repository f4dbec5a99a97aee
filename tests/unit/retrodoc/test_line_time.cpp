// Times at the start of timeline lines (retrodoc/line_time.hpp): each written form, its zone, and the
// look-alikes that are no time.
#include <catch2/catch.hpp>

#include "retrodoc/line_time.hpp"

using namespace retro;
using namespace retro::retrodoc;

TEST_CASE("line times: forms, zones and dates") {
    struct Row {
        const char* text;
        std::size_t length;
        int hour, minute, second;
        std::optional<int> offset;
        std::optional<CalendarDate> date;
    };
    const Row rows[] = {
        {"11.36 RC text", 5, 11, 36, -1, std::nullopt, std::nullopt},
        {"9.05 x", 4, 9, 5, -1, std::nullopt, std::nullopt},
        {"14:42: The", 5, 14, 42, -1, std::nullopt, std::nullopt},
        {"21:17 UTC: the", 9, 21, 17, -1, 0, std::nullopt},
        {"12:17 UTC \xE2\x80\x93 The", 9, 12, 17, -1, 0, std::nullopt},
        {"10:23:45 GMT x", 12, 10, 23, 45, 0, std::nullopt},
        {"10:00 BST x", 9, 10, 0, -1, 60, std::nullopt},
        {"10:00 PST x", 9, 10, 0, -1, -480, std::nullopt},
        {"10:00+01:00 x", 11, 10, 0, -1, 60, std::nullopt},
        {"10:00 -0500 x", 11, 10, 0, -1, -300, std::nullopt},
        {"10:00Z x", 6, 10, 0, -1, 0, std::nullopt},
        {"10:00 (UTC) x", 11, 10, 0, -1, 0, std::nullopt},
        {"10:00 UTC+1: x", 11, 10, 0, -1, 60, std::nullopt},
        {"10:00 GMT-05:30 x", 15, 10, 0, -1, -330, std::nullopt},
        {"3:05 PM PST: x", 11, 15, 5, -1, -480, std::nullopt},
        {"12:05am x", 7, 0, 5, -1, std::nullopt, std::nullopt},
        {"2023-06-06 10:23 - User", 16, 10, 23, -1, std::nullopt, CalendarDate{2023, 6, 6}},
        {"2020-08-14T10:43", 16, 10, 43, -1, std::nullopt, CalendarDate{2020, 8, 14}},
        {"2019/10/20 00:55: x", 16, 0, 55, -1, std::nullopt, CalendarDate{2019, 10, 20}},
        {"10:23** paged", 5, 10, 23, -1, std::nullopt, std::nullopt},
        {"10.41](https://x)", 5, 10, 41, -1, std::nullopt, std::nullopt},
        {"25.70 bad", 5, 25, 70, -1, std::nullopt, std::nullopt},  // range unchecked: the caller says
        // Capitals after a time that are no zone are text (initials), and lower case is never a zone.
        {"10.00 NP x", 5, 10, 0, -1, std::nullopt, std::nullopt},
        {"10.00 utc x", 5, 10, 0, -1, std::nullopt, std::nullopt},
        {"10.00 PM reported", 5, 10, 0, -1, std::nullopt, std::nullopt},  // initials PM, not the afternoon
    };
    for (const Row& row : rows) {
        INFO(row.text);
        const auto t = match_timeline_time(row.text);
        REQUIRE(t);
        CHECK(t->length == row.length);
        CHECK(t->hour == row.hour);
        CHECK(t->minute == row.minute);
        CHECK(t->second == row.second);
        CHECK(t->utc_offset_minutes == row.offset);
        CHECK(t->date == row.date);
    }
}

TEST_CASE("line times: look-alikes are no time") {
    for (const char* text : {"1.5 apples", "14:30ish: DM", "1.10.2 released", "4.71K requests", "99.95% up",
                             "c.15.30 x", "2024-07-25", "2023-02-30 10:00 x", "123.45 x", "10:5 x", "", "10:",
                             "2023-06-06 x", "13:00pm x"}) {
        INFO(text);
        CHECK_FALSE(match_timeline_time(text));
    }
}

TEST_CASE("line times: a zone written on its own, as a table header gives it") {
    CHECK(written_zone_offset("UTC") == 0);
    CHECK(written_zone_offset("(UTC)") == 0);
    CHECK(written_zone_offset(" +01:00 ") == 60);
    CHECK(written_zone_offset("UTC+2") == 120);
    CHECK(written_zone_offset("CEST") == 120);
    CHECK_FALSE(written_zone_offset("Time"));
    CHECK_FALSE(written_zone_offset("utc"));
    CHECK_FALSE(written_zone_offset("UTC time"));
}
