// Day headings as written, and the year a heading without one takes in its timeline.
#include <catch2/catch.hpp>

#include "retrodoc/day_date.hpp"

using namespace retro;
using namespace retro::retrodoc;

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

TEST_CASE("a day heading without a year takes its timeline's, the next one across New Year") {
    const CalendarDate december{2023, 12, 30};
    CHECK(date_in_timeline(DayDate{std::nullopt, 12, 31, std::nullopt}, december) == CalendarDate{2023, 12, 31});
    CHECK(date_in_timeline(DayDate{std::nullopt, 1, 2, std::nullopt}, december) == CalendarDate{2024, 1, 2});
    // Six months before the start is still the start's year; seven is the next.
    CHECK(date_in_timeline(DayDate{std::nullopt, 6, 1, std::nullopt}, december) == CalendarDate{2023, 6, 1});
    CHECK(date_in_timeline(DayDate{std::nullopt, 5, 31, std::nullopt}, december) == CalendarDate{2024, 5, 31});
    // A written year wins; without one and without a start there is none. Not checked against the calendar.
    CHECK(date_in_timeline(DayDate{2021, 2, 30, std::nullopt}, december) == CalendarDate{2021, 2, 30});
    CHECK_FALSE(date_in_timeline(DayDate{std::nullopt, 7, 25, 4u}, std::nullopt));
}
