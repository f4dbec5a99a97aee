// --color and NO_COLOR (cli/color.hpp): when severities are painted, and how.
#include <catch2/catch.hpp>

#include "cli/color.hpp"

using namespace retro;
using namespace retro::cli;

TEST_CASE("auto paints a terminal whose TERM takes escapes, unless NO_COLOR is set and not empty") {
    CHECK(decide_color(ColorChoice::automatic, true, nullptr, "xterm-256color"));
    CHECK_FALSE(decide_color(ColorChoice::automatic, false, nullptr, "xterm"));  // a pipe or a file
    CHECK_FALSE(decide_color(ColorChoice::automatic, true, nullptr, "dumb"));
    CHECK_FALSE(decide_color(ColorChoice::automatic, true, nullptr, nullptr));
    CHECK_FALSE(decide_color(ColorChoice::automatic, true, nullptr, ""));
    CHECK_FALSE(decide_color(ColorChoice::automatic, true, "1", "xterm"));
    CHECK(decide_color(ColorChoice::automatic, true, "", "xterm"));  // no-color.org: empty is unset
}

TEST_CASE("always paints even a pipe and wins over NO_COLOR, never paints nothing") {
    CHECK(decide_color(ColorChoice::always, false, "1", "dumb"));
    CHECK_FALSE(decide_color(ColorChoice::never, true, nullptr, "xterm"));
}

TEST_CASE("a diagnostic's severity word is painted, nothing else") {
    CHECK(paint_severity("a.ndjson:3:2: error: bad [events.bad-json]") ==
          "a.ndjson:3:2: \033[1;31merror\033[0m: bad [events.bad-json]");
    CHECK(paint_severity("f: warning: empty input; nothing to read [ingest.empty]") ==
          "f: \033[1;33mwarning\033[0m: empty input; nothing to read [ingest.empty]");
    CHECK(paint_severity("retro: note: 3 more [x] not shown [diagnostics.limit]") ==
          "retro: \033[36mnote\033[0m: 3 more [x] not shown [diagnostics.limit]");
    // The label is the first one: a message quoting another severity keeps it plain.
    CHECK(paint_severity("f:1:1: warning: says \"x: error: y\" [c]") ==
          "f:1:1: \033[1;33mwarning\033[0m: says \"x: error: y\" [c]");
    CHECK(paint_severity("no label here") == "no label here");
}

TEST_CASE("a lint finding's severity and caret are painted in the severity's colour") {
    const std::string text = "r.md:3:5: error: bad day [RETRO007 day-heading]\n### Mon 25 July\n    ^\n";
    CHECK(
        paint_finding(text, 4, Severity::error) ==
        "r.md:3:5: \033[1;31merror\033[0m: bad day [RETRO007 day-heading]\n### Mon 25 July\n    \033[1;31m^\033[0m\n");
    // No source line: only the label.
    CHECK(paint_finding("r.md: warning: no title [RETRO001 title]\n", 4, Severity::warning) ==
          "r.md: \033[1;33mwarning\033[0m: no title [RETRO001 title]\n");
    // A file named like a label: the search starts after the name.
    CHECK(paint_finding("a: note: b.md:1:1: note: x [R n]\n", 12, Severity::note) ==
          "a: note: b.md:1:1: \033[36mnote\033[0m: x [R n]\n");
}
