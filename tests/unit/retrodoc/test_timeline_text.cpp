// Markdown inline text of timeline entries → plain text with spans.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "retrodoc/timeline_text.hpp"

using namespace retro;
using namespace retro::retrodoc;

TEST_CASE("Markdown inline text becomes plain text with spans") {
    struct Row {
        const char* markdown;
        const char* text;
        std::vector<Span> spans;
    };
    const std::vector<Row> rows = {
        {R"(@weco\_devs starting)", "@weco_devs starting", {}},
        {R"(The last \[API] alerts)", "The last [API] alerts", {}},
        {R"(“D\&T Networks”)", "“D&T Networks”", {}},
        {"see <https://a.org/x>", "see https://a.org/x", {{4, 19, SpanType::link, "https://a.org/x"}}},
        // A converter escaped the hard-break backslash inside the autolink: the URL ends before it.
        {R"(<https://a.org/items\\>)", "https://a.org/items", {{0, 19, SpanType::link, "https://a.org/items"}}},
        {"run `ls -l` now", "run ls -l now", {{4, 9, SpanType::code, ""}}},
        {"[screenshot](https://s.org/p1) of CPU", "screenshot of CPU", {{0, 10, SpanType::link, "https://s.org/p1"}}},
        {"bare https://a.org/x.", "bare https://a.org/x.", {{5, 20, SpanType::link, "https://a.org/x"}}},
        {"**bold** and *it*", "bold and it", {{0, 4, SpanType::bold, ""}, {9, 11, SpanType::italic, ""}}},
        {"sierra_adapter_x stays", "sierra_adapter_x stays", {}},
        {"a &amp; b &#x41;", "a & b A", {}},
        {"one<br>two <!-- note -->", "one\ntwo ", {}},
    };
    for (const Row& row : rows) {
        INFO(row.markdown);
        PlainText out;
        append_markdown_inline(row.markdown, out);
        CHECK(out.text == row.text);
        CHECK(out.spans == row.spans);
    }
}

TEST_CASE("inline text nested 200,000 deep is read to a bounded depth, without exhausting the stack") {
    // Before issue 15 item 10 each link text was read by a recursive call: 200,000 levels overflowed the stack.
    const std::size_t n = 200000;
    std::string links, expected;
    for (std::size_t i = 0; i < n; ++i) links += '[';
    links += 'a';
    for (std::size_t i = 0; i < n; ++i) links += "](u)";
    PlainText out;
    append_markdown_inline(links, out);
    CHECK(out.text.size() > n);
    CHECK(out.spans.size() == 1);
    CHECK(out.spans[0].url == "u");
}

TEST_CASE("edge blanks written as character references come back as blanks") {
    PlainText out;
    append_markdown_inline("&#32;&#9;two  inner&#9;&#32;", out);
    CHECK(out.text == " \ttwo  inner\t ");
}
