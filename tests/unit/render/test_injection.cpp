// Injection (issue 9 part 4): text that tries to break the retro (headings, HTML, <script>, javascript:
// links, backslashes at line ends, tables, fences, thematic breaks, our own region markers) put into the
// sources (Slack messages, alert names, an e-mail subject and body) renders as inert text. The draft is
// made end to end (read_sources → correlate → render_draft) twice, once from hostile text and once from plain
// words of the same shape; parsed with cmark-gfm, both drafts have exactly the same node structure (no
// extra heading, HTML, table, link or code node), and every hostile line is there as text.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "draft_fixture.hpp"
#include "markdown_probe.hpp"
#include "render/draft.hpp"
#include "retro/ingest.hpp"
#include "retro/timeline.hpp"
#include "test_support.hpp"

using namespace retro;
namespace fs = std::filesystem;

namespace {

// Lines Markdown would read as structure. Slack gets no fences (``` is Slack's own markup for a code block).
// URLs are left out: GitHub's autolink extension rightly makes any URL in text a link.
const std::vector<std::string> hostile_lines = {
    "# x heading",
    "## Timeline",
    "<script>alert(1)</script>",
    "<div>an html block</div>",
    "[a](javascript:alert(1)) and ![img](x.png)",
    "ends with a backslash \\",
    "| a | b |",
    "|---|---|",
    "---",
    "<!-- retro:end timeline -->",
    "1. not a list",
    "> not a quote",
    "&amp; &#60; entities",
};
const std::vector<std::string> fence_lines = {"```", "~~~ js"};

std::vector<std::string> plain_like(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size(); ++i) out.push_back("plain words " + std::to_string(i));
    return out;
}

std::string join(const std::vector<std::string>& lines, std::string_view separator) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : std::string(separator)) + l;
    return out;
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// Slack escapes `&`, `<` and `>` in message text.
std::string slack_escaped(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

void write(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// A case folder: a Slack export (one message of all `lines`), one Alertmanager alert per line and fence
// (named by it), an e-mail whose subject and body hold all of them.
fs::path write_sources(const fs::path& dir, const std::vector<std::string>& lines,
                       const std::vector<std::string>& fences) {
    fs::remove_all(dir);
    write(dir / "export" / "channels.json", R"([{"id":"C01","name":"general"}])");
    write(dir / "export" / "users.json", R"([{"id":"U01","name":"ann","real_name":"Ann Bee"}])");
    write(dir / "export" / "general" / "2024-07-25.json",
          R"([{"type":"message","user":"U01","ts":"1721901600.000100","text":)" +
              json_string(slack_escaped(join(lines, "\n"))) + "}]");
    std::vector<std::string> all = lines;
    all.insert(all.end(), fences.begin(), fences.end());
    std::string alerts;
    for (std::size_t i = 0; i < all.size(); ++i)
        alerts += R"({"receiver":"ops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":)" +
                  json_string(all[i]) + R"(},"startsAt":"2024-07-25T10:)" + (i < 10 ? "0" : "") +
                  std::to_string(i) + R"(:30Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"f)" +
                  std::to_string(i) + "\"}]}\n";
    write(dir / "alerts.ndjson", alerts);
    // The draft shows an e-mail's subject (not its body): every line goes into the subject as well.
    write(dir / "mail.eml", "From: Bo Cee <bo@example.com>\nSubject: " + join(all, " ") +
                                "\nDate: Thu, 25 Jul 2024 10:30:00 +0000\nMessage-ID: <x@example.com>\n\n" +
                                join(all, "\n") + "\n");
    return dir;
}


}  // namespace

TEST_CASE("hostile source text renders as inert text in the draft", "[render][draft][cmark][injection]") {
    const fs::path root = fs::temp_directory_path() / ("retro-injection-" + std::to_string(::getpid()));
    const std::string plain =
        test::draft_of_folder(write_sources(root / "plain", plain_like(hostile_lines), plain_like(fence_lines)));
    const std::string hostile = test::draft_of_folder(write_sources(root / "hostile", hostile_lines, fence_lines));
    fs::remove_all(root);
    INFO(hostile);
    const test::MarkdownNodes expected = test::markdown_nodes(plain);
    const test::MarkdownNodes got = test::markdown_nodes(hostile);
    std::size_t same = 0;
    while (same < got.nodes.size() && same < expected.nodes.size() && got.nodes[same] == expected.nodes[same]) ++same;
    INFO("first difference at node " << same << ": " << (same < got.nodes.size() ? got.nodes[same] : "(end)")
                                     << " where plain text has "
                                     << (same < expected.nodes.size() ? expected.nodes[same] : "(end)"));
    CHECK(got.nodes == expected.nodes);
    for (const std::string& line : hostile_lines) {
        INFO(line);
        CHECK(got.text.find(line) != std::string::npos);
    }
    for (const std::string& line : fence_lines) {
        INFO(line);
        CHECK(got.text.find(line) != std::string::npos);
    }
}
