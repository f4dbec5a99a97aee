// Tests of src/core/time_parse.cpp and time_zone.cpp: every timestamp form the inputs use.
// Expected instants were worked out by hand from the offsets (and checked against Python's datetime);
// they are compared as format_utc strings, which test_time_format.cpp pins to raw epoch counts.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "retro/time.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

std::string show(const std::optional<Instant>& t) { return t ? format_utc(*t) : "none"; }

// "<instant> [missing] [ambiguous] [unknown]", or "none".
std::string show(const std::optional<ParsedDate>& d) {
    if (!d) return "none";
    std::string out = format_utc(d->instant);
    if (d->zone_missing) out += " missing";
    if (d->zone_ambiguous) out += " ambiguous";
    if (d->zone_unknown) out += " unknown";
    return out;
}

struct Case {
    std::string input;
    std::string expected;
};

TimeZone zone(const char* name) {
    auto z = TimeZone::find(name);
    REQUIRE(z);
    return *z;
}

}  // namespace

TEST_CASE("parse_iso8601 accepts RFC 3339 and ISO 8601 offsets", "[time]") {
    const std::vector<Case> cases = {
        {"2024-07-25T10:36:12.248609Z", "2024-07-25T10:36:12.248609Z"},
        {"2024-07-25T10:36:12Z", "2024-07-25T10:36:12.000000Z"},
        {"2024-07-25t10:36:12z", "2024-07-25T10:36:12.000000Z"},
        {"2024-07-25 10:36:12Z", "2024-07-25T10:36:12.000000Z"},
        {"2024-07-25T10:36Z", "2024-07-25T10:36:00.000000Z"},
        // Nine fraction digits, truncated (…559 would round up to …078 if rounded), offset -05:00.
        {"2018-03-07T06:33:21.873077559-05:00", "2018-03-07T11:33:21.873077Z"},
        {"2018-03-07T06:33:21.999999999-05:00", "2018-03-07T11:33:21.999999Z"},
        {"2018-03-07T06:33:21.1234567890123-05:00", "2018-03-07T11:33:21.123456Z"},
        {"2017-01-12T16:30:42.236+0000", "2017-01-12T16:30:42.236000Z"},
        {"2014-04-09T18:59:06.442000+00:00", "2014-04-09T18:59:06.442000Z"},
        {"2014-04-09 18:59:06.442000+00:00", "2014-04-09T18:59:06.442000Z"},
        {"2014-04-09T18:59:06,5+00:00", "2014-04-09T18:59:06.500000Z"},
        {"2024-07-25T11:36:00+01", "2024-07-25T10:36:00.000000Z"},
        {"2024-07-25T05:06:00+05:30", "2024-07-24T23:36:00.000000Z"},
        {"2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00.000000Z"},
        {"2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000000Z"},
        {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000000Z"},
        {"9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z"},
        {"1969-07-20T20:17:40Z", "1969-07-20T20:17:40.000000Z"},
        // A leap second counts as the first second of the next minute.
        {"2016-12-31T23:59:60Z", "2017-01-01T00:00:00.000000Z"},
        // Rejected: impossible dates and times, malformed offsets, trailing garbage, empty.
        {"2024-02-30T00:00:00Z", "none"},
        {"2023-02-29T00:00:00Z", "none"},
        {"2024-13-01T00:00:00Z", "none"},
        {"2024-00-10T00:00:00Z", "none"},
        {"2024-07-25T25:00:00Z", "none"},
        {"2024-07-25T24:00:00Z", "none"},
        {"2024-07-25T10:60:00Z", "none"},
        {"2024-07-25T10:00:61Z", "none"},
        {"25:00", "none"},
        {"2024-07-25T10:36:12Zjunk", "none"},
        {"2024-07-25T10:36:12+01:00 ", "none"},
        {" 2024-07-25T10:36:12Z", "none"},
        {"2024-07-25T10:36:12", "none"},
        {"2024-07-25", "none"},
        {"2024-07-25T10:36:12.Z", "none"},
        {"2024-07-25T10:36:12+1", "none"},
        {"2024-07-25T10:36:12+24:00", "none"},
        {"2024-07-25T10:36:12+01:60", "none"},
        {"2024-7-25T10:36:12Z", "none"},
        {"2024-07-25X10:36:12Z", "none"},
        {"0000-01-01T00:00:00Z", "none"},
        {"0001-01-01T00:00:00+01:00", "none"},
        {"", "none"},
    };
    for (const Case& c : cases) {
        INFO(c.input);
        CHECK(show(parse_iso8601(c.input)) == c.expected);
    }
}

TEST_CASE("parse_iso8601 reads the form format_utc writes as any other: every field, and every damage", "[time]") {
    // Read at fixed places when the form is exact, by the scanner otherwise: the same answers.
    CHECK(show(parse_iso8601("2024-07-01T06:00:19.695822Z")) == "2024-07-01T06:00:19.695822Z");
    CHECK(show(parse_iso8601("0001-01-01T00:00:00.000000Z")) == "0001-01-01T00:00:00.000000Z");
    CHECK(show(parse_iso8601("9999-12-31T23:59:59.999999Z")) == "9999-12-31T23:59:59.999999Z");
    CHECK(show(parse_iso8601("2016-12-31T23:59:60.000000Z")) == "2017-01-01T00:00:00.000000Z");  // leap second
    CHECK(show(parse_iso8601("2024-07-01t06:00:19.695822z")) == "2024-07-01T06:00:19.695822Z");  // the scanner's
    CHECK(show(parse_iso8601("2024-02-29T12:00:00.000001Z")) == "2024-02-29T12:00:00.000001Z");
    CHECK(show(parse_iso8601("2023-02-29T12:00:00.000000Z")) == "none");  // no such day
    CHECK(show(parse_iso8601("2024-13-01T12:00:00.000000Z")) == "none");
    CHECK(show(parse_iso8601("2024-07-01T24:00:00.000000Z")) == "none");
    CHECK(show(parse_iso8601("2024-07-01T06:60:00.000000Z")) == "none");
    CHECK(show(parse_iso8601("2024-07-01T06:00:1x.695822Z")) == "none");  // a letter where a digit goes
    CHECK(show(parse_iso8601("2024-07-01T06:00:0:.695822Z")) == "none");  // ':' - '0' is 10: 00:00:10 if unchecked
    CHECK(show(parse_iso8601("202:-07-01T06:00:00.695822Z")) == "none");  // the year 2030 if unchecked
    CHECK(show(parse_iso8601("2024-07-01T06:00:19.69582xZ")) == "none");
    CHECK(show(parse_iso8601("2024-07-01T06:00:19.69582 Z")) == "none");
    CHECK(show(parse_iso8601("2024-07-01T06:00:19.-95822Z")) == "none");
    CHECK(show(parse_iso8601("-024-07-01T06:00:19.695822Z")) == "none");
}

TEST_CASE("parse_iso8601_local returns the wall-clock reading", "[time]") {
    CHECK(parse_iso8601_local("2024-07-25T11:36:00") == LocalDateTime{2024, 7, 25, 11, 36, 0, 0});
    CHECK(parse_iso8601_local("2024-07-25 11:36") == LocalDateTime{2024, 7, 25, 11, 36, 0, 0});
    CHECK(parse_iso8601_local("2024-07-25") == LocalDateTime{2024, 7, 25, 0, 0, 0, 0});
    CHECK(parse_iso8601_local("2024-07-25T11:36:07.1234567") == LocalDateTime{2024, 7, 25, 11, 36, 7, 123456});
    CHECK_FALSE(parse_iso8601_local("2024-07-25T11:36:00Z"));
    CHECK_FALSE(parse_iso8601_local("2024-07-25T11:36:00+01:00"));
    CHECK_FALSE(parse_iso8601_local("2024-02-30"));
    CHECK_FALSE(parse_iso8601_local("2024-07-25T"));
    CHECK_FALSE(parse_iso8601_local("2024-07-25T11"));
    CHECK_FALSE(parse_iso8601_local(""));
}

TEST_CASE("parse_epoch is exact in every unit", "[time]") {
    struct EpochCase {
        std::string input;
        EpochUnit unit;
        std::string expected;
    };
    const std::vector<EpochCase> cases = {
        // Slack ts: 1721903759 s is 2024-07-25T10:35:59Z; the six digits are microseconds.
        {"1721903759.248609", EpochUnit::seconds, "2024-07-25T10:35:59.248609Z"},
        {"1721903759.2", EpochUnit::seconds, "2024-07-25T10:35:59.200000Z"},
        {"1721903759.24860999", EpochUnit::seconds, "2024-07-25T10:35:59.248609Z"},
        {"1721903759", EpochUnit::seconds, "2024-07-25T10:35:59.000000Z"},
        {"0", EpochUnit::seconds, "1970-01-01T00:00:00.000000Z"},
        // 1502709956 s is 2017-08-14T11:25:56Z.
        {"1502709956288", EpochUnit::milliseconds, "2017-08-14T11:25:56.288000Z"},
        {"1502709956288.5", EpochUnit::milliseconds, "2017-08-14T11:25:56.288500Z"},
        {"1502709956288001", EpochUnit::microseconds, "2017-08-14T11:25:56.288001Z"},
        {"1502709956288000110", EpochUnit::nanoseconds, "2017-08-14T11:25:56.288000Z"},
        {"1502709956288000999", EpochUnit::nanoseconds, "2017-08-14T11:25:56.288000Z"},
        // 253402300799 s is 9999-12-31T23:59:59Z, the last second retro represents.
        {"253402300799", EpochUnit::seconds, "9999-12-31T23:59:59.000000Z"},
        {"253402300800", EpochUnit::seconds, "none"},
        {"9223372036854775807", EpochUnit::seconds, "none"},
        {"9223372036854775808", EpochUnit::nanoseconds, "none"},
        {"99999999999999999999999", EpochUnit::seconds, "none"},
        {"1e999", EpochUnit::seconds, "none"},
        {"NaN", EpochUnit::seconds, "none"},
        {"inf", EpochUnit::seconds, "none"},
        {"-1", EpochUnit::seconds, "none"},
        {"+1", EpochUnit::seconds, "none"},
        {"1.", EpochUnit::seconds, "none"},
        {".5", EpochUnit::seconds, "none"},
        {"1.2.3", EpochUnit::seconds, "none"},
        {"12 ", EpochUnit::seconds, "none"},
        {"0x10", EpochUnit::seconds, "none"},
        {"", EpochUnit::seconds, "none"},
    };
    for (const EpochCase& c : cases) {
        INFO(c.input);
        CHECK(show(parse_epoch(c.input, c.unit)) == c.expected);
    }
}

TEST_CASE("parse_epoch_auto tells the unit by magnitude", "[time]") {
    const std::vector<Case> cases = {
        {"1721903759", "2024-07-25T10:35:59.000000Z"},
        {"1721903759.248609", "2024-07-25T10:35:59.248609Z"},
        {"1566248777.677", "2019-08-19T21:06:17.677000Z"},
        {"1502709956288", "2017-08-14T11:25:56.288000Z"},
        {"1502709956288001", "2017-08-14T11:25:56.288001Z"},
        {"1502709956288000110", "2017-08-14T11:25:56.288000Z"},
        {"99999999999", "5138-11-16T09:46:39.000000Z"},  // just under 1e11: still seconds
        {"100000000000", "1973-03-03T09:46:40.000000Z"},  // 1e11 ms = 1e8 s
        {"1e999", "none"},
        {"NaN", "none"},
        {"-1721903759", "none"},
        {"", "none"},
    };
    for (const Case& c : cases) {
        INFO(c.input);
        CHECK(show(parse_epoch_auto(c.input)) == c.expected);
    }
}

TEST_CASE("epoch_from_integer rejects negatives and overflow", "[time]") {
    CHECK(show(epoch_from_integer(1721903759, EpochUnit::seconds)) == "2024-07-25T10:35:59.000000Z");
    CHECK(show(epoch_from_integer(1502709956288, EpochUnit::milliseconds)) == "2017-08-14T11:25:56.288000Z");
    CHECK(show(epoch_from_integer(1502709956288000110, EpochUnit::nanoseconds)) == "2017-08-14T11:25:56.288000Z");
    CHECK(show(epoch_from_integer(9223372036854775807, EpochUnit::nanoseconds)) == "2262-04-11T23:47:16.854775Z");
    CHECK(show(epoch_from_integer(9223372036854775807, EpochUnit::seconds)) == "none");
    CHECK(show(epoch_from_integer(9223372036854775807, EpochUnit::milliseconds)) == "none");
    CHECK(show(epoch_from_integer(-1, EpochUnit::seconds)) == "none");
    CHECK(show(epoch_from_integer(INT64_MIN, EpochUnit::nanoseconds)) == "none");
}

TEST_CASE("parse_rfc5322_date reads current and obsolete forms", "[time]") {
    const TimeZone london = zone("Europe/London");
    const std::vector<Case> cases = {
        {"Thu, 25 Jul 2024 11:35:59 +0100", "2024-07-25T10:35:59.000000Z"},
        {"25 Jul 2024 11:35:59 +0100", "2024-07-25T10:35:59.000000Z"},
        {"Thu, 25 Jul 2024 11:35 +0100", "2024-07-25T10:35:00.000000Z"},
        {"Thu, 25 Jul 2024 11:35:59 +0100 (BST)", "2024-07-25T10:35:59.000000Z"},
        {"Thu, 25 Jul 2024 11:35:59 +0200 (CEST)", "2024-07-25T09:35:59.000000Z"},
        {"Thu, 25 Jul 2024 11:35:59 +0200 (Central (European) Summer Time)", "2024-07-25T09:35:59.000000Z"},
        {"Thursday, 25 July 2024 11:35:59 +0100", "2024-07-25T10:35:59.000000Z"},
        // Obsolete forms (RFC 5322 §4.3): 2-digit year 92 → 1992, PDT = -0700.
        {"Fri, 25 Sep 92 14:13:02 PDT", "1992-09-25T21:13:02.000000Z"},
        {"Fri, 25 Sep 02 14:13:02 PDT", "2002-09-25T21:13:02.000000Z"},
        {"Fri, 25 Sep 49 14:13:02 GMT", "2049-09-25T14:13:02.000000Z"},
        {"Fri, 25 Sep 50 14:13:02 GMT", "1950-09-25T14:13:02.000000Z"},
        {"Wed, 25 Sep 102 14:13:02 GMT", "2002-09-25T14:13:02.000000Z"},
        {"Tue, 28 May 1996 12:24:23 cst", "1996-05-28T18:24:23.000000Z"},
        {"Tue, 28 May 1996 12:24:23 EST", "1996-05-28T17:24:23.000000Z"},
        {"Tue, 28 May 1996 12:24:23 EDT", "1996-05-28T16:24:23.000000Z"},
        {"Tue, 28 May 1996 12:24:23 MST", "1996-05-28T19:24:23.000000Z"},
        {"Tue, 28 May 1996 12:24:23 UT", "1996-05-28T12:24:23.000000Z"},
        {"Tue, 28 May 1996 12:24:23 GMT", "1996-05-28T12:24:23.000000Z"},
        {"Tue, 28 May 1996 12:24:23 UTC", "1996-05-28T12:24:23.000000Z"},
        {"Fri, 23 Aug 2002 2:32:53 -0400", "2002-08-23T06:32:53.000000Z"},
        {"Fri,23 Aug 2002 02:32:53 -0400", "2002-08-23T06:32:53.000000Z"},
        {"  Fri, 23\r\n Aug 2002\r\n\t02:32:53\r\n -0400\r\n", "2002-08-23T06:32:53.000000Z"},
        {"Fri , 23 Aug 2002 02:32:53 -0400", "2002-08-23T06:32:53.000000Z"},
        {"(sent) Fri, 23 Aug 2002 02:32:53 -0400", "2002-08-23T06:32:53.000000Z"},
        // A wrong weekday is ignored: 25 July 2024 was a Thursday.
        {"Mon, 25 Jul 2024 11:35:59 +0100", "2024-07-25T10:35:59.000000Z"},
        {"Thu, 25 jul 2024 11:35:59 +0100", "2024-07-25T10:35:59.000000Z"},
        {"Thu, 25 Sept 2024 11:35:59 +0100", "2024-09-25T10:35:59.000000Z"},
        {"Thu, 25 Jul 2024 11:35:59 +01:00", "2024-07-25T10:35:59.000000Z"},
        // -0000: UTC, the sender's zone unknown.
        {"Thu, 25 Jul 2024 10:35:59 -0000", "2024-07-25T10:35:59.000000Z unknown"},
        {"Thu, 25 Jul 2024 10:35:59 +0000", "2024-07-25T10:35:59.000000Z"},
        // Non-RFC abbreviations from the table.
        {"Thu, 25 Jul 2024 11:35:59 CEST", "2024-07-25T09:35:59.000000Z ambiguous"},
        {"Thu, 25 Jan 2024 11:35:59 CET", "2024-01-25T10:35:59.000000Z ambiguous"},
        {"Thu, 25 Jul 2024 16:05:59 IST", "2024-07-25T10:35:59.000000Z ambiguous"},
        {"Thu, 25 Jul 2024 11:35:59 BST", "2024-07-25T10:35:59.000000Z ambiguous"},
        // Military letters other than Z read as -0000 (§4.3); Z is UTC.
        {"Thu, 25 Jul 2024 10:35:59 A", "2024-07-25T10:35:59.000000Z unknown"},
        {"Thu, 25 Jul 2024 10:35:59 y", "2024-07-25T10:35:59.000000Z unknown"},
        {"Thu, 25 Jul 2024 10:35:59 Z", "2024-07-25T10:35:59.000000Z"},
        // No zone: the assumed zone (London, BST in July) and zone_missing.
        {"Thu, 25 Jul 2024 11:35:59", "2024-07-25T10:35:59.000000Z missing"},
        {"Thu, 25 Jul 2024 11:35:59 (no zone)", "2024-07-25T10:35:59.000000Z missing"},
        {"Thu, 25 Jan 2024 11:35:59", "2024-01-25T11:35:59.000000Z missing"},
        // Leap second.
        {"Sat, 31 Dec 2016 23:59:60 +0000", "2017-01-01T00:00:00.000000Z"},
        // Rejected.
        {"Thu, 30 Feb 2024 11:35:59 +0100", "none"},
        {"Thu, 25 Jul 2024 24:35:59 +0100", "none"},
        {"Thu, 25 Jul 2024 11:35:59 +0160", "none"},
        {"Thu, 25 Jul 2024 11:35:59 +01", "none"},
        {"Thu, 25 Jul 2024 11:35:59 J", "none"},
        {"Thu, 25 Jul 2024 11:35:59 XYZ", "none"},
        {"Thu, 25 Jul 2024 11:35:59 +0100 garbage", "none"},
        {"Thu, 25 Jul 2024 11:35:59 +0100 (unclosed", "none"},
        {"Thu, 25 Jul 2024 11:35:59+0100", "none"},
        {"Thu, 25 Foo 2024 11:35:59 +0100", "none"},
        {"Blursday, 25 Jul 2024 11:35:59 +0100", "none"},
        {"Thu, 25 Jul 2024", "none"},
        {"Thu, 25 Jul 20245 11:35:59 +0100", "none"},
        {"Thu, 25 Jul 2024 11:3 +0100", "none"},
        {"2024-07-25T10:35:59Z", "none"},
        {"", "none"},
    };
    for (const Case& c : cases) {
        INFO(c.input);
        CHECK(show(parse_rfc5322_date(c.input, london)) == c.expected);
    }
}

TEST_CASE("parse_asctime reads asctime, mbox From lines and Gmail's form", "[time]") {
    const TimeZone utc = TimeZone::utc();
    const TimeZone new_york = zone("America/New_York");
    CHECK(show(parse_asctime("Mon Jun  3 12:50:27 1996", utc)) == "1996-06-03T12:50:27.000000Z missing");
    CHECK(show(parse_asctime("Mon Jun 03 12:50:27 1996", utc)) == "1996-06-03T12:50:27.000000Z missing");
    // New York in June 1996 was on EDT (-04:00).
    CHECK(show(parse_asctime("Mon Jun  3 12:50:27 1996", new_york)) == "1996-06-03T16:50:27.000000Z missing");
    CHECK(show(parse_asctime("Mon Nov 06 04:42:58 +0000 2017", new_york)) == "2017-11-06T04:42:58.000000Z");
    CHECK(show(parse_asctime("Mon Nov 06 04:42:58 -0500 2017", utc)) == "2017-11-06T09:42:58.000000Z");
    CHECK(show(parse_asctime("Thu Jul 25 10:35:59 2024", utc)) == "2024-07-25T10:35:59.000000Z missing");
    CHECK(show(parse_asctime("Thu Jul 25 10:35:59 UTC 2024", new_york)) == "2024-07-25T10:35:59.000000Z");
    CHECK(show(parse_asctime("Thu Feb 30 10:35:59 2024", utc)) == "none");
    CHECK(show(parse_asctime("Thu Jul 25 10:35:59 2024 remote from x", utc)) == "none");
    CHECK(show(parse_asctime("Thu Jul 25 10:35:59 24", utc)) == "none");
    CHECK(show(parse_asctime("Jul 25 10:35:59 2024", utc)) == "none");
    CHECK(show(parse_asctime("", utc)) == "none");
}

TEST_CASE("parse_any_timestamp tries every form", "[time]") {
    const TimeZone london = zone("Europe/London");
    const std::vector<Case> cases = {
        {"2024-07-25T10:35:59.248609Z", "2024-07-25T10:35:59.248609Z"},
        {"2024-07-25T11:35:59+01:00", "2024-07-25T10:35:59.000000Z"},
        {"2024-07-25T11:35:59", "2024-07-25T10:35:59.000000Z missing"},
        {"2024-07-25", "2024-07-24T23:00:00.000000Z missing"},
        {"1721903759.248609", "2024-07-25T10:35:59.248609Z"},
        {"1721903759248", "2024-07-25T10:35:59.248000Z"},
        {"Thu, 25 Jul 2024 11:35:59 +0100", "2024-07-25T10:35:59.000000Z"},
        {"Thu Jul 25 11:35:59 2024", "2024-07-25T10:35:59.000000Z missing"},
        {"Mon Nov 06 04:42:58 +0000 2017", "2017-11-06T04:42:58.000000Z"},
        {"yesterday", "none"},
        {"1e999", "none"},
        {"2024-02-30", "none"},
        {"", "none"},
    };
    for (const Case& c : cases) {
        INFO(c.input);
        CHECK(show(parse_any_timestamp(c.input, london)) == c.expected);
    }
}

TEST_CASE("TimeZone::find knows IANA names only", "[time]") {
    CHECK(TimeZone::find("Europe/London"));
    CHECK(TimeZone::find("Europe/London")->name() == "Europe/London");
    CHECK(TimeZone::find("UTC"));
    CHECK(TimeZone::utc().name() == "UTC");
    CHECK(*TimeZone::find("Europe/London") == *TimeZone::find("Europe/London"));
    CHECK_FALSE(*TimeZone::find("Europe/London") == TimeZone::utc());
    CHECK_FALSE(TimeZone::find("Mars/Olympus_Mons"));
    CHECK_FALSE(TimeZone::find(""));
    CHECK_FALSE(TimeZone::find("BST"));
}

TEST_CASE("resolve_local reports DST gaps and overlaps", "[time]") {
    const TimeZone london = zone("Europe/London");
    // 2024-03-31: clocks went 01:00 GMT → 02:00 BST, so 01:30 never happened; the gap ends at 01:00Z.
    LocalResolution r = resolve_local({2024, 3, 31, 1, 30, 0, 0}, london);
    CHECK(r.kind == LocalKind::gap);
    CHECK(format_utc(r.instant) == "2024-03-31T01:00:00.000000Z");
    // 2024-10-27: clocks went 02:00 BST → 01:00 GMT, so 01:30 happened at 00:30Z and 01:30Z.
    r = resolve_local({2024, 10, 27, 1, 30, 0, 0}, london);
    CHECK(r.kind == LocalKind::overlap);
    CHECK(format_utc(r.instant) == "2024-10-27T00:30:00.000000Z");
    r = resolve_local({2024, 7, 25, 11, 35, 59, 248609}, london);
    CHECK(r.kind == LocalKind::unique);
    CHECK(format_utc(r.instant) == "2024-07-25T10:35:59.248609Z");
    r = resolve_local({2024, 1, 25, 11, 35, 0, 0}, london);
    CHECK(r.kind == LocalKind::unique);
    CHECK(format_utc(r.instant) == "2024-01-25T11:35:00.000000Z");
    r = resolve_local({2024, 3, 31, 0, 59, 59, 999999}, london);
    CHECK(r.kind == LocalKind::unique);
    CHECK(format_utc(r.instant) == "2024-03-31T00:59:59.999999Z");
    r = resolve_local({2024, 3, 31, 2, 0, 0, 0}, london);
    CHECK(r.kind == LocalKind::unique);
    CHECK(format_utc(r.instant) == "2024-03-31T01:00:00.000000Z");
    // New York: 2024-03-10 02:30 does not exist (EST → EDT at 07:00Z).
    r = resolve_local({2024, 3, 10, 2, 30, 0, 0}, zone("America/New_York"));
    CHECK(r.kind == LocalKind::gap);
    CHECK(format_utc(r.instant) == "2024-03-10T07:00:00.000000Z");
    r = resolve_local({2024, 3, 31, 1, 30, 0, 0}, TimeZone::utc());
    CHECK(r.kind == LocalKind::unique);
    CHECK(format_utc(r.instant) == "2024-03-31T01:30:00.000000Z");
}

TEST_CASE("to_local and zone_abbreviation follow the zone's rules", "[time]") {
    const TimeZone london = zone("Europe/London");
    const Instant t{std::chrono::seconds{1721903759}};  // 2024-07-25T10:35:59Z
    CHECK(to_local(t, london) == LocalDateTime{2024, 7, 25, 11, 35, 59, 0});
    CHECK(to_local(t, TimeZone::utc()) == LocalDateTime{2024, 7, 25, 10, 35, 59, 0});
    CHECK(to_local(t, zone("Asia/Kolkata")) == LocalDateTime{2024, 7, 25, 16, 5, 59, 0});
    CHECK(zone_abbreviation(t, london) == "BST");
    CHECK(zone_abbreviation(Instant{std::chrono::seconds{1706182500}}, london) == "GMT");  // 2024-01-25
    CHECK(zone_abbreviation(t, TimeZone::utc()) == "UTC");
    // Before 1970: 1969-07-20T20:17:40Z is -14182940 s; London was on BST all year then (+01:00).
    CHECK(to_local(Instant{std::chrono::seconds{-14182940}}, london) == LocalDateTime{1969, 7, 20, 21, 17, 40, 0});
    CHECK(to_local(Instant{std::chrono::microseconds{-1}}, TimeZone::utc()) ==
          LocalDateTime{1969, 12, 31, 23, 59, 59, 999999});
    // The extremes do not overflow.
    CHECK(to_local(Instant::max(), london).year > 9999);
    CHECK(to_local(Instant::min(), london).year < 0);
}

TEST_CASE("calendar helpers", "[time]") {
    CHECK(is_valid_date(2024, 2, 29));
    CHECK_FALSE(is_valid_date(2023, 2, 29));
    CHECK_FALSE(is_valid_date(1900, 2, 29));
    CHECK(is_valid_date(2000, 2, 29));
    CHECK_FALSE(is_valid_date(2024, 4, 31));
    CHECK_FALSE(is_valid_date(2024, 13, 1));
    CHECK_FALSE(is_valid_date(2024, 0, 1));
    CHECK_FALSE(is_valid_date(2024, 257, 1));  // would wrap to 1 in an unsigned char
    CHECK_FALSE(is_valid_date(2024, 1, 0));
    CHECK_FALSE(is_valid_date(2024, 1, 288));
    CHECK_FALSE(is_valid_date(100000, 1, 1));
    // Weekdays checked against a calendar: 0 = Sunday.
    CHECK(weekday_of(2024, 7, 25) == 4);
    CHECK(weekday_of(1992, 9, 25) == 5);
    CHECK(weekday_of(1970, 1, 1) == 4);
    CHECK(weekday_of(2000, 2, 29) == 2);
    CHECK(weekday_of(2024, 7, 28) == 0);
}

TEST_CASE("calendar dates: YYYY-MM-DD naming a real day, ordered, written back", "[time]") {
    CHECK(parse_iso_date(" 2024-07-25 ") == CalendarDate{2024, 7, 25});
    CHECK(parse_iso_date("2024-02-29") == CalendarDate{2024, 2, 29});
    for (const char* text : {"2023-02-29", "2024-13-01", "2024-7-25", "2024-07-25T10:00", "25-07-2024", ""}) {
        INFO(text);
        CHECK_FALSE(parse_iso_date(text));
    }
    CHECK(CalendarDate{2023, 12, 31} < CalendarDate{2024, 1, 1});
    CHECK(format_iso_date(CalendarDate{987, 1, 2}) == "0987-01-02");
    CHECK(date_of(LocalDateTime{2024, 7, 25, 23, 59, 0, 0}) == CalendarDate{2024, 7, 25});
    CHECK(is_valid_date(CalendarDate{2024, 2, 29}));
    CHECK(weekday_of(CalendarDate{2024, 7, 25}) == 4);
}

namespace {

// What follows each occurrence of `prefix` in `text`, up to the first of `stops` (or the end).
std::vector<std::string> values_after(const std::string& text, const std::string& prefix, const char* stops) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while ((pos = text.find(prefix, pos)) != std::string::npos) {
        const std::size_t start = pos + prefix.size();
        std::size_t end = text.find_first_of(stops, start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        pos = end;
    }
    return out;
}

}  // namespace

TEST_CASE("real Date headers and Opsgenie stamps from the corpus", "[time][corpus]") {
    // MimeKit's disposition-notification.txt has two Date headers with a comment before the offset:
    // "Wed, 20 Sep 1995 00:19:00 (EDT) -0400" is 04:19Z, "Tue, 19 Sep 1995 13:30:00 (EDT) -0400" 17:30Z.
    const std::string mail = test::read_file(test::corpus_path("email/mimekit/messages/disposition-notification.txt"));
    const std::vector<std::string> dates = values_after("\n" + mail, "\nDate: ", "\r\n");
    REQUIRE(dates.size() == 2);
    CHECK(show(parse_rfc5322_date(dates[0], TimeZone::utc())) == "1995-09-20T04:19:00.000000Z");
    CHECK(show(parse_rfc5322_date(dates[1], TimeZone::utc())) == "1995-09-19T17:30:00.000000Z");

    // Opsgenie's create.json: createdAt in ms (1502709956288), updatedAt and insertedAt in ns
    // (1502709956288000110); 1502709956 s is 2017-08-14T11:25:56Z, so all three are ...56.288000Z.
    const std::string json = test::read_file(test::corpus_path("alerts/opsgenie/create.json"));
    std::vector<std::string> stamps;
    for (const char* key : {"\"createdAt\":", "\"updatedAt\":", "\"insertedAt\":"})
        for (const std::string& value : values_after(json, key, ",\r\n}")) stamps.push_back(value);
    REQUIRE(stamps.size() == 3);
    for (const std::string& stamp : stamps) {
        INFO(stamp);
        CHECK(show(parse_epoch_auto(stamp)) == "2017-08-14T11:25:56.288000Z");
    }
}
