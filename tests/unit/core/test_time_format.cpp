// Tests of src/core/time_format.cpp. Instants are raw epoch counts worked out by hand (and checked with
// Python's datetime): 1721903759 s is 2024-07-25T10:35:59Z, a Thursday, when London was on BST (+01:00).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "retro/time.hpp"

using namespace retro;
using std::chrono::microseconds;
using std::chrono::seconds;

namespace {

TimeZone zone(const char* name) {
    auto z = TimeZone::find(name);
    REQUIRE(z);
    return *z;
}

Instant micros(std::int64_t count) { return Instant{microseconds{count}}; }

}  // namespace

TEST_CASE("format_utc always writes six fractional digits", "[time]") {
    struct Case {
        Instant t;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {Instant{seconds{1721903759}}, "2024-07-25T10:35:59.000000Z"},
        {micros(1721903759248609), "2024-07-25T10:35:59.248609Z"},
        {micros(1721903759000001), "2024-07-25T10:35:59.000001Z"},
        {micros(0), "1970-01-01T00:00:00.000000Z"},
        {micros(-1), "1969-12-31T23:59:59.999999Z"},
        {Instant{seconds{-14182940}}, "1969-07-20T20:17:40.000000Z"},
        {Instant{seconds{-62135596800}}, "0001-01-01T00:00:00.000000Z"},
        {micros(253402300799999999), "9999-12-31T23:59:59.999999Z"},
        {Instant{seconds{951782400}}, "2000-02-29T00:00:00.000000Z"},
        // Beyond four-digit years: ISO 8601's expanded form, never a wrapped year.
        {Instant{seconds{253402300800}}, "+010000-01-01T00:00:00.000000Z"},
        {Instant{seconds{-62135596801}}, "0000-12-31T23:59:59.000000Z"},
        {Instant::max(), "+294247-01-10T04:00:54.775807Z"},
        {Instant::min(), "-290308-12-21T19:59:05.224192Z"},
    };
    for (const Case& c : cases) {
        INFO(c.expected);
        CHECK(format_utc(c.t) == c.expected);
        UtcText buffer;
        const std::string_view written = format_utc(c.t, buffer);  // the allocation-free form: the same text
        CHECK(written == c.expected);
        CHECK(written.data() == buffer.data());
    }
}

TEST_CASE("format_utc and parse_iso8601 round-trip", "[time]") {
    for (const std::int64_t count : {std::int64_t{0}, std::int64_t{1721903759248609}, std::int64_t{-14182940123456},
                                     std::int64_t{-62135596800000000}, std::int64_t{253402300799999999}}) {
        const Instant t = micros(count);
        const auto back = parse_iso8601(format_utc(t));
        REQUIRE(back);
        CHECK(back->time_since_epoch().count() == count);
    }
}

TEST_CASE("local formats truncate to the minute", "[time]") {
    const TimeZone london = zone("Europe/London");
    const Instant t{seconds{1721903759}};  // 11:35:59 BST
    CHECK(format_local_long(t, london) == "Thursday 25 July 2024 11.35 BST");
    CHECK(format_hh_mm(t, london) == "11.35");
    CHECK(format_hh_mm(micros(1721903759999999), london) == "11.35");
    CHECK(format_day_heading(t, london) == "Thursday 25 July");
    CHECK(format_day_heading(t, london, true) == "Thursday 25 July 2024");
    CHECK(format_local_date(t, london) == "2024-07-25");
    CHECK(format_hh_mm(t, TimeZone::utc()) == "10.35");
    CHECK(format_local_long(t, TimeZone::utc()) == "Thursday 25 July 2024 10.35 UTC");

    // 2024-01-25T11:35:00Z (1706182500 s): GMT in London, one-digit day numbers are not padded.
    CHECK(format_local_long(Instant{seconds{1706182500}}, london) == "Thursday 25 January 2024 11.35 GMT");
    // 2024-03-01T00:05:00Z (1709251500 s): early hours keep their leading zero.
    CHECK(format_hh_mm(Instant{seconds{1709251500}}, london) == "00.05");
    CHECK(format_day_heading(Instant{seconds{1709251500}}, london) == "Friday 1 March");
    // 2024-07-25T23:30:00Z (1721950200 s) is already Friday 26 July in London.
    CHECK(format_day_heading(Instant{seconds{1721950200}}, london) == "Friday 26 July");
    CHECK(format_local_date(Instant{seconds{1721950200}}, london) == "2024-07-26");
    CHECK(format_local_date(Instant{seconds{1721950200}}, TimeZone::utc()) == "2024-07-25");
    // 2024-10-27T00:30Z and 01:30Z are both 01.30 in London: BST, then GMT.
    CHECK(format_local_long(Instant{seconds{1729989000}}, london) == "Sunday 27 October 2024 01.30 BST");
    CHECK(format_local_long(Instant{seconds{1729992600}}, london) == "Sunday 27 October 2024 01.30 GMT");
    // Before 1970: 1969-07-20T20:17:40Z, a Sunday; London was on British Standard Time (+01:00, "BST").
    CHECK(format_local_long(Instant{seconds{-14182940}}, london) == "Sunday 20 July 1969 21.17 BST");
    CHECK(format_local_date(Instant{seconds{-62135596800}}, TimeZone::utc()) == "0001-01-01");
}
