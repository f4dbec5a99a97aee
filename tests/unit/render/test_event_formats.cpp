// `retro events --format`: the table's rows, and that each writes what its writer writes.
#include <catch2/catch.hpp>

#include "format_table_checks.hpp"
#include "render/event_formats.hpp"
#include "render/redaction.hpp"
#include "render/timesketch.hpp"
#include "retro/event_json.hpp"

using namespace retro;
using namespace retro::render;

namespace {

Event mail_event() {
    Event e;
    e.id = "notes:1";
    e.time = *parse_iso8601("2024-07-25T10:36:12Z");
    e.kind = EventKind::message;
    e.source.kind = "notes";
    e.source.origin = "notes.md";
    e.source.line = 3;
    e.text = "write to rachel.cooper@wellcome.ac.uk";
    return e;
}

}  // namespace

TEST_CASE("event formats: ndjson first, names unique, every row found by its name", "[render][formats]") {
    test::check_format_table(event_formats(), {"ndjson", "timesketch"});
    for (const EventFormat& row : event_formats()) CHECK(row.write != nullptr);
}

TEST_CASE("event formats: each row writes its format", "[render][formats]") {
    const Event e = mail_event();
    People people;
    std::string want;
    std::string got;

    write_event_json(e, want);
    find_format(event_formats(), "ndjson")->write(e, {true, &people}, got);
    CHECK(got == want);  // retro.event/1 is never redacted

    const EventFormat& timesketch = *find_format(event_formats(), "timesketch");
    want.clear();
    got.clear();
    write_timesketch_json(e, want);
    timesketch.write(e, {false, nullptr}, got);
    CHECK(got == want);

    want.clear();
    got.clear();
    RedactionCounts counts;
    write_timesketch_json(redact_event(e, people, counts), want);
    timesketch.write(e, {true, &people}, got);
    CHECK(got == want);
    CHECK(got.find("rachel.cooper@wellcome.ac.uk") == std::string::npos);
}
