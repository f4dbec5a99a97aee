// A file attached to a message, as the draft shows it: a link to its permalink with the title as text, or
// nothing when it has no https permalink; the message's other words and spans stay where they were.
#include <catch2/catch.hpp>

#include "render/attachment_links.hpp"
#include "render/markdown_escape.hpp"

using namespace retro;
using render::RedactedText;
using render::show_attachments;

namespace {

constexpr std::string_view permalink = "https://wellcome.slack.com/files/U02RC/F07SCREEN01/items-403.png";

Span file(std::size_t start, std::size_t end, std::string_view url = permalink) {
    return Span{start, end, SpanType::attachment, std::string(url)};
}

// The Markdown lines the draft writes for `text`.
std::string drawn(const RedactedText& text) {
    const RedactedText shown = show_attachments(text);
    std::string out;
    for (const auto& line : render::render_text_lines(shown.text, shown.spans, render::LineStart::inline_text))
        out += line.text + "\n";
    return out;
}

}  // namespace

TEST_CASE("a file is drawn as a link to its permalink, titled, or not at all", "[render][attachments]") {
    struct Row {
        const char* what;
        RedactedText text;
        std::string markdown;
    };
    const std::vector<Row> rows = {
        {"a file-only post",
         {"file: items 403 (items-403.png)", {file(6, 15)}},
         "[items 403](<https://wellcome.slack.com/files/U02RC/F07SCREEN01/items-403.png>)\n"},
        {"after words, with a code span before it",
         {"it's 403\nfile: items 403 (items-403.png)", {{5, 8, SpanType::code, ""}, file(15, 24)}},
         "it's `403`\n[items 403](<https://wellcome.slack.com/files/U02RC/F07SCREEN01/items-403.png>)\n"},
        {"no permalink: the line goes",
         {"it's 403\nfile: items 403 (items-403.png)", {file(15, 24, "")}},
         "it's 403\n"},
        {"no permalink, words after", {"look\nfile: a.png\nat this", {file(11, 16, "")}}, "look\nat this\n"},
        {"two files, the first unlinkable",
         {"file: a\nfile: b", {file(6, 7, "http://insecure.example/a"), file(14, 15)}},
         "[b](<https://wellcome.slack.com/files/U02RC/F07SCREEN01/items-403.png>)\n"},
        {"only an unlinkable file", {"file: a", {file(6, 7, "")}}, ""},
        {"no attachment: unchanged", {"file: a (a.png)", {}}, "file: a (a.png)\n"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        CHECK(drawn(row.text) == row.markdown);
    }
}

TEST_CASE("spans after a removed file line move back with their words", "[render][attachments]") {
    const RedactedText text{"a\nfile: x\nsee link", {file(8, 9, ""), {14, 18, SpanType::link, "https://e.example/"}}};
    const RedactedText shown = show_attachments(text);
    CHECK(shown.text == "a\nsee link");
    CHECK(shown.spans == std::vector<Span>{{6, 10, SpanType::link, "https://e.example/"}});
}
