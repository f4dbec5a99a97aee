// Attachment lines: a file's line of a message, and whether a draft would show anything of the message.
#include <catch2/catch.hpp>

#include "core/attachment_lines.hpp"

using namespace retro;

namespace {

constexpr std::string_view permalink = "https://wellcome.slack.com/files/U02RC/F07/items-403.png";

Span file(std::size_t start, std::size_t end, std::string_view url = permalink) {
    return Span{start, end, SpanType::attachment, std::string(url)};
}

}  // namespace

TEST_CASE("an attachment span's line runs from the line break before it to the one after") {
    const std::string text = "debugging out loud\nfile: items 403 (items-403.png)\nmore";
    const std::vector<Span> spans{{0, 9, SpanType::bold, ""}, file(25, 34)};
    const auto lines = attachment_lines(text, spans);
    REQUIRE(lines.size() == 1);
    CHECK(text.substr(lines[0].start, lines[0].end - lines[0].start) == "file: items 403 (items-403.png)");
    CHECK(lines[0].span == &spans[1]);
}

TEST_CASE("a message says nothing the draft shows when only unlinkable files are left") {
    struct Row {
        const char* what;
        std::string text;
        std::vector<Span> spans;
        bool nothing;
    };
    const std::vector<Row> rows = {
        {"empty", "", {}, true},
        {"blanks", " \n\t ", {}, true},
        {"words", "logging in is down", {}, false},
        {"a file with a permalink", "file: items 403 (items-403.png)", {file(6, 15)}, false},
        {"a file without one", "file: items 403 (items-403.png)", {file(6, 15, "")}, true},
        {"a file whose permalink is not https", "file: x", {file(6, 7, "http://files.example/x")}, true},
        {"two files without one", "file: a\nfile: b", {file(6, 7, ""), file(14, 15, "")}, true},
        {"words and a file without one", "look\nfile: a", {file(11, 12, "")}, false},
        {"the words 'file: a' with no span", "file: a", {}, false},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        CHECK(says_nothing_shown(row.text, row.spans) == row.nothing);
    }
}
