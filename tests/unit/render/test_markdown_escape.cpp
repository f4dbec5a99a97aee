// Escaping of event text for the draft: exact Markdown for each case, and cmark-gfm's reading of hostile
// text (nothing may open a block, emphasis, a link, HTML or a table; the text must come back unchanged).
#include <catch2/catch.hpp>

#include "markdown_probe.hpp"
#include "render/markdown_escape.hpp"

using retro::Span;
using retro::SpanType;
using retro::render::code_span;
using retro::render::escape_inline;
using retro::render::LineStart;
using retro::render::render_text_lines;

TEST_CASE("escape_inline writes each case as expected", "[render][escape]") {
    struct Case {
        const char* text;
        LineStart start;
        const char* markdown;
    };
    const Case cases[] = {
        {"plain words", LineStart::block, "plain words"},
        {"@weco_devs starting a chat", LineStart::inline_text, "@weco\\_devs starting a chat"},
        {"D&T Networks", LineStart::inline_text, "D\\&T Networks"},
        {"*bold* _it_ [x](y) <b>", LineStart::inline_text, "\\*bold\\* \\_it\\_ \\[x\\](y) \\<b\\>"},
        {"a | b ~~c~~ `d", LineStart::inline_text, "a \\| b \\~\\~c\\~\\~ \\`d"},
        {"# not a heading", LineStart::block, "\\# not a heading"},
        {"# fine mid-line", LineStart::inline_text, "# fine mid-line"},
        {"1. not a list", LineStart::block, "1\\. not a list"},
        {"2) not a list", LineStart::block, "2\\) not a list"},
        {"12.30 not a time", LineStart::block, "12\\.30 not a time"},
        {"- item", LineStart::block, "\\- item"},
        {"+ item", LineStart::block, "\\+ item"},
        {"===", LineStart::block, "\\==="},
        {"> quote", LineStart::block, "\\> quote"},
        {"ends with a backslash\\", LineStart::block, "ends with a backslash\\\\"},
        {"  padded  ", LineStart::block, "&#32;&#32;padded&#32;&#32;"},
        {"\tinner  spaces\tand tabs\t", LineStart::block, "&#9;inner  spaces\tand tabs&#9;"},
        {"   ", LineStart::block, "&#32;&#32;&#32;"},
        {" AB lead", LineStart::after_time, "&#32;AB lead"},
        {"CSS report the API issue", LineStart::after_time, "&#67;SS report the API issue"},
        {"API errors", LineStart::after_time, "API errors"},
        {"See https://example.org/a_b.", LineStart::block, "See <https://example.org/a_b>."},
        {"(https://x.org/p?q=1)", LineStart::block, "(<https://x.org/p?q=1>)"},
        {"www.a_b.org", LineStart::block, "&#119;ww.a\\_b.org"},
        {"<!-- hidden -->", LineStart::block, "\\<!-- hidden --\\>"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(escape_inline(c.text, {}, c.start) == c.markdown);
    }
}

TEST_CASE("spans become code and links", "[render][escape]") {
    const std::string text = "run `rm -rf *` then see docs";
    // "rm -rf *" at bytes 5..13 without the backticks of the source: the span marks it.
    const std::string plain = "run rm -rf * then see docs";
    CHECK(escape_inline(plain, {Span{4, 12, SpanType::code, ""}}, LineStart::block) == "run `rm -rf *` then see docs");
    CHECK(escape_inline("a`b", {Span{0, 3, SpanType::code, ""}}, LineStart::block) == "``a`b``");
    CHECK(escape_inline("`x", {Span{0, 2, SpanType::code, ""}}, LineStart::block) == "`` `x ``");
    CHECK(escape_inline("the runbook", {Span{4, 11, SpanType::link, "https://wiki/x"}}, LineStart::block) ==
          "the [runbook](<https://wiki/x>)");
    CHECK(escape_inline("https://a.org/x_y", {Span{0, 17, SpanType::link, "https://a.org/x_y"}}, LineStart::block) ==
          "<https://a.org/x_y>");
    // A link to a scheme other than http(s) keeps only its text.
    CHECK(escape_inline("click", {Span{0, 5, SpanType::link, "javascript:alert(1)"}}, LineStart::block) == "click");
    // Spans outside the text are ignored rather than trusted.
    CHECK(escape_inline("abc", {Span{2, 9, SpanType::code, ""}}, LineStart::block) == "abc");
    CHECK(code_span("a ``b`` c") == "```a ``b`` c```");
    // A carriage return inside a code span is a line ending in Markdown: written as the space it renders
    // as (fuzz_pipeline: raw, it ended the line and lint lost the draft's sections).
    CHECK(code_span("a\rb\r\nc") == "`a b  c`");
    CHECK(escape_inline("x a\rb y", {Span{2, 5, SpanType::code, ""}}, LineStart::block) == "x `a b` y");
}

TEST_CASE("pre spans become fenced blocks, other lines stay text", "[render][escape]") {
    const std::string text = "it's getting\n{\"a\": 1}\n```inner```\nthen this";
    const std::size_t pre_start = text.find('{');
    const std::size_t pre_end = text.find("\nthen");
    const auto lines = render_text_lines(text, {Span{pre_start, pre_end, SpanType::pre, ""}}, LineStart::inline_text);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0].text == "it's getting");
    CHECK(!lines[0].is_code);
    CHECK(lines[1].text == "````");
    CHECK(lines[2].text == "{\"a\": 1}");
    CHECK(lines[3].text == "```inner```");
    CHECK(lines[4].text == "````");
    CHECK(lines[5].text == "then this");
    CHECK(lines[5].is_code == false);
}

TEST_CASE("carriage returns inside a pre span are line breaks of the block and never raw", "[render][escape]") {
    // fuzz_pipeline: raw `\r` lines inside the fence made lint lose the draft's later sections.
    const std::string text = "n\n\r\r\r8\r\nx";
    const auto lines = render_text_lines(text, {Span{2, text.size(), SpanType::pre, ""}}, LineStart::block);
    std::vector<std::string> texts;
    for (const auto& line : lines) texts.push_back(line.text);
    CHECK(texts == std::vector<std::string>{"n", "```", "8", "x", "```"});
}

TEST_CASE("hostile text stays one paragraph of the same text in cmark-gfm", "[render][escape][cmark]") {
    const char* hostile[] = {
        "# heading",
        "## two",
        "1. one",
        "10) ten",
        "- dash",
        "* star",
        "+ plus",
        "> quote",
        "---",
        "***",
        "===",
        "| a | b |",
        "a | b",
        "<div>html</div>",
        "<script>alert(1)</script>",
        "<!-- comment -->",
        "[link](http://evil)",
        "![img](http://evil/x.png)",
        "*em* **strong** _u_ __uu__",
        "~~strike~~",
        "`code` and ``more``",
        "```",
        "~~~",
        "trailing backslash \\",
        "&amp; &lt; &#65;",
        "[ref]: http://x",
        "<http://x.org>",
        "www.example.org/a_b",
        "https://example.org/a_(b)_c",
        "x<y>z",
        "[ ] task",
        "- [x] done",
        "    indented",
        "\\* escaped already",
        "a\\",
        "12.30 looks like a time",
        "    ```",
    };
    for (const char* text : hostile) {
        INFO(text);
        const std::string md = escape_inline(text, {}, LineStart::block);
        const retro::test::MarkdownProbe probe = retro::test::probe_markdown(md);
        REQUIRE(probe.blocks == std::vector<std::string>{"paragraph"});
        CHECK(retro::test::only_inlines(probe, {"text", "link", "softbreak"}));
        CHECK(probe.text == text);
    }
}

TEST_CASE("multi-line text with continuation backslashes stays one paragraph", "[render][escape][cmark]") {
    const std::string text = "first line\n# second\n- third\n1. fourth\n12.30 fifth\nlast \\";
    const auto lines = render_text_lines(text, {}, LineStart::inline_text);
    std::string md;
    for (std::size_t i = 0; i < lines.size(); ++i) md += lines[i].text + (i + 1 < lines.size() ? "\\\n" : "\n");
    const retro::test::MarkdownProbe probe = retro::test::probe_markdown(md);
    CHECK(probe.blocks == std::vector<std::string>{"paragraph"});
    CHECK(retro::test::only_inlines(probe, {"text", "linebreak"}));
    CHECK(probe.text == text);
}
