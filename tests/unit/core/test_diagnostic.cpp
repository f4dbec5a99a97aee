#include <catch2/catch.hpp>

#include "retro/diagnostic.hpp"
#include "test_support.hpp"

using namespace retro;

TEST_CASE("diagnostics print as path:line:col: severity: message [code]") {
    Diagnostic d{Severity::error, "events.bad-json", {"a.ndjson", 3, 2}, "invalid JSON: expected a string key"};
    CHECK(format_text(d) == "a.ndjson:3:2: error: invalid JSON: expected a string key [events.bad-json]");
    d.where = {"export.zip!/general/2024-07-25.json", 14, 3};
    d.severity = Severity::warning;
    d.code = "slack.bad-ts";
    d.message = "bad ts";
    CHECK(format_text(d) == "export.zip!/general/2024-07-25.json:14:3: warning: bad ts [slack.bad-ts]");
    d.where = {"<stdin>", 0, 0};
    CHECK(format_text(d) == "<stdin>: warning: bad ts [slack.bad-ts]");
}

TEST_CASE("diagnostics as JSON carry the six fields in order") {
    Diagnostic d{Severity::note, "x.y", {"f \"q\".json", 1, 7}, "tab\there"};
    CHECK(format_json(d) ==
          R"({"file":"f \"q\".json","line":1,"column":7,"severity":"note","code":"x.y","message":"tab\there"})");
}

TEST_CASE("locate maps byte offsets to line and column from the record's origin") {
    const Origin origin{"f", 10, 5};
    const std::string_view bytes = "ab\ncd\r\nef\rgh";
    CHECK(locate(origin, bytes, 0).line == 10);
    CHECK(locate(origin, bytes, 0).column == 5);
    CHECK(locate(origin, bytes, 1).column == 6);
    CHECK(locate(origin, bytes, 3).line == 11);
    CHECK(locate(origin, bytes, 3).column == 1);
    CHECK(locate(origin, bytes, 7).line == 12);  // after CRLF
    CHECK(locate(origin, bytes, 10).line == 13);  // after a lone CR
    CHECK(locate(origin, bytes, 999).line == 13);
}

TEST_CASE("the sink counts every diagnostic but prints at most the limit per code") {
    std::vector<std::string> printed;
    Diagnostics diags([&](const std::string& s) { printed.push_back(s); }, Diagnostics::Format::text, 2);
    for (int i = 0; i < 5; ++i) diags.error("a.b", {"f", static_cast<std::uint64_t>(i + 1), 1}, "bad");
    diags.warning("c.d", {"f"}, "meh");
    CHECK(diags.count(Severity::error) == 5);
    CHECK(diags.count(Severity::warning) == 1);
    CHECK(diags.count("a.b") == 5);
    CHECK(printed.size() == 3);
    diags.finish();
    REQUIRE(printed.size() == 4);
    CHECK(printed.back() == "retro: note: 3 more diagnostics [a.b] not shown [diagnostics.limit]");
}

TEST_CASE("take() moves out what is kept and leaves the counts, so a relaying stage holds nothing") {
    Diagnostics diags(nullptr, Diagnostics::Format::text, 1000000);
    for (int i = 0; i < 3; ++i) diags.error("ingest.bad-json", {"a.ndjson", static_cast<std::uint64_t>(i + 1), 1}, "x");
    const auto taken = diags.take();
    REQUIRE(taken.size() == 3);
    CHECK(taken[2].where.line == 3);
    CHECK(diags.all().empty());
    CHECK(diags.count(Severity::error) == 3);
    diags.warning("ingest.bad-json", {"a.ndjson", 9, 1}, "y");
    CHECK(diags.take().size() == 1);
}

TEST_CASE("text diagnostics escape line breaks, terminal escapes and invalid UTF-8 (issue 15 item 12)") {
    Diagnostic d{Severity::error, "events.bad-json", {"case/a\nb.json:1:1: note: all good [x]\n", 2, 5},
                 "bad value \"\x1b]0;owned\x07\x1b[2J\" in\r\ttext \xc2\x9b"};
    CHECK(format_text(d) ==
          "case/a\\nb.json:1:1: note: all good [x]\\n:2:5: error: bad value \"\\x1b]0;owned\\x07\\x1b[2J\" in\\r\\ttext "
          "\\u009b [events.bad-json]");
    Diagnostic latin1{Severity::warning, "ingest.unknown-format", {"caf\xe9.txt"}, "not a known format"};
    CHECK(format_text(latin1) == "caf\xef\xbf\xbd.txt: warning: not a known format [ingest.unknown-format]");
    CHECK(format_json(latin1).find("\"file\":\"caf\xef\xbf\xbd.txt\"") != std::string::npos);
}
