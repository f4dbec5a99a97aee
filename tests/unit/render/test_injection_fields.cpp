// Injection through fields (issue 15 item 11): a newline or HTML in any field the draft shows (an e-mail's
// `From` name, RFC 2047 encoded; alert labels and annotations; an event's channel, alert key, status page and
// state, actor name and initials; initials made from a name) must not open Markdown structure. Each hostile
// value goes into every such field, through retro.event/1 NDJSON, an Alertmanager payload and a real .eml;
// the draft, parsed with cmark-gfm as GitHub renders it, has one title heading, the same blocks as a draft
// of plain words, no raw HTML but retro's own `<!-- retro… -->` comments and no link but http(s), mailto
// and `#`. And (item 12) the timeline's text form escapes the control characters a source may hold.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "draft_fixture.hpp"
#include "markdown_probe.hpp"
#include "render/draft.hpp"
#include "render/timeline_output.hpp"
#include "retro/ingest.hpp"
#include "retro/timeline.hpp"
#include "test_support.hpp"

using namespace retro;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::vector<std::string> hostile_values = {
    "x\n# heading",
    "x\n\n## Timeline\n",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "| table |\n|---|",
    "```",
    "<!-- retro:end timeline -->",
    "-->",
    "x\n---",
    "Ann <b>INJ",
};

void write(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string line(const json& event) {
    return event.dump() + "\n";
}

json base_event(const std::string& id, const std::string& time, const std::string& kind) {
    return json{{"schema", "retro.event/1"},
                {"id", id},
                {"time", "2024-07-25T" + time + ".000000Z"},
                {"kind", kind},
                {"source", {{"kind", "events"}, {"origin", "case.ndjson"}}}};
}

// RFC 2047 Q-encoding of every byte, so any value (newlines included) fits a header.
std::string encoded_word(std::string_view value) {
    std::string out = "=?utf-8?q?";
    for (unsigned char c : value) out += fmt::format("={:02X}", c);
    return out + "?=";
}

// A case folder where every field the draft shows holds `value`.
fs::path write_case(const fs::path& dir, const std::string& value) {
    fs::remove_all(dir);
    const json actor = {{"name", value}, {"initials", value}, {"email", "ann@example.com"}};
    std::string events;
    // Someone else takes "AB" first, so "Ann <b>INJ" gets initials with more letters of the last name.
    json first = base_event("events:first", "10:00:00", "message");
    first["channel"] = "general";
    first["actor"] = {{"name", "Al Bo"}};
    first["text"] = "first report";
    events += line(first);
    json message = base_event("events:message", "10:01:00", "message");
    message["channel"] = value;
    message["actor"] = actor;
    message["text"] = "click " + value;
    message["spans"] = json::array({{{"start", 0}, {"end", 5}, {"type", "link"}, {"url", "javascript:alert(1)"}}});
    events += line(message);
    json named = base_event("events:named", "10:02:00", "message");
    named["channel"] = "general";
    named["actor"] = {{"name", value}};
    named["text"] = "a message from a name alone";
    events += line(named);
    json alert = base_event("events:alert", "10:03:00", "alert");
    alert["channel"] = value;
    alert["text"] = value;
    alert["alert"] = {{"key", value}, {"state", "firing"}, {"severity", value}, {"service", value}};
    events += line(alert);
    json keyed = base_event("events:keyed", "10:04:00", "alert");
    keyed["channel"] = "cloudwatch";
    keyed["alert"] = {{"key", value}, {"state", "firing"}};
    events += line(keyed);
    json mail = base_event("events:mail", "10:05:00", "email");
    mail["channel"] = value;
    mail["actor"] = actor;
    mail["text"] = value;
    events += line(mail);
    json status = base_event("events:status", "10:06:00", "status");
    status["status"] = {{"page", value}, {"state", value}};
    status["text"] = value;
    events += line(status);
    json note = base_event("events:note", "10:07:00", "note");
    note["actor"] = {{"initials", value}};
    note["text"] = "a note";
    events += line(note);
    write(dir / "case.ndjson", events);

    const json alertmanager = {{"receiver", "ops"},
                               {"status", "firing"},
                               {"alerts", json::array({{{"status", "firing"},
                                                        {"labels", {{"alertname", value}, {"instance", value}}},
                                                        {"annotations", {{"summary", value}, {"description", value}}},
                                                        {"startsAt", "2024-07-25T10:08:00Z"},
                                                        {"endsAt", "0001-01-01T00:00:00Z"},
                                                        {"fingerprint", "f1"}}})}};
    write(dir / "alertmanager.json", alertmanager.dump());

    write(dir / "mail.eml", "From: " + encoded_word(value) + " <bo@example.com>\nSubject: " + encoded_word(value) +
                                "\nDate: Thu, 25 Jul 2024 10:09:00 +0000\nMessage-ID: <x@example.com>\n\nbody\n");
    return dir;
}

bool is_retro_comment(std::string_view html) {
    while (!html.empty() && (html.back() == '\n' || html.back() == ' ')) html.remove_suffix(1);
    return html.starts_with("<!-- retro") && html.ends_with("-->") && html.find("-->") == html.size() - 3;
}

bool is_allowed_url(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:") ||
           url.starts_with("#");
}

std::vector<std::string> blocks_of(const test::MarkdownNodes& md) {
    std::vector<std::string> out;
    for (const std::string& node : md.nodes) {
        if (node.starts_with("heading") || node == "table" || node == "code_block" || node == "thematic_break" ||
            node == "list" || node == "block_quote")
            out.push_back(node);
    }
    return out;
}

}  // namespace

TEST_CASE("a hostile value in any field opens no Markdown structure in the draft", "[render][draft][injection]") {
    const fs::path root = fs::temp_directory_path() / ("retro-injection-fields-" + std::to_string(::getpid()));
    const test::MarkdownNodes plain =
        test::markdown_nodes(test::draft_of_folder(write_case(root / "plain", "plain words")));
    for (const std::string& value : hostile_values) {
        const std::string draft = test::draft_of_folder(write_case(root / "hostile", value));
        INFO("value: " << value << "\ndraft:\n" << draft);
        const test::MarkdownNodes got = test::markdown_nodes(draft);
        CHECK(std::count(got.nodes.begin(), got.nodes.end(), "heading1") == 1);
        CHECK(blocks_of(got) == blocks_of(plain));
        for (const std::string& node : got.nodes) {
            INFO(node);
            if (node.starts_with("html")) CHECK(is_retro_comment(node.substr(node.find(' ') + 1)));
            if (node.starts_with("link ") || node.starts_with("image "))
                CHECK(is_allowed_url(node.substr(node.find(' ') + 1)));
        }
    }
    fs::remove_all(root);
}

TEST_CASE("timeline text writes control characters from sources as C escapes (issue 15 item 12)") {
    Timeline t;
    TimelineEntry e;
    e.time = *parse_iso8601("2024-07-25T10:00:00Z");
    e.initials = "AB";
    e.text = "clear \x1b[2J\x1b]0;owned\x07 done";
    t.entries.push_back(e);
    TimelineEntry alert = e;
    alert.group = AlertGroup{"key\n10.01 XX forged line", "alerts\x1b[31m", e.time, e.time, 1, 0, {}, {}};
    t.entries.push_back(alert);
    const std::string text = render::render_timeline_text(t, TimeZone::utc());
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("10.00 AB clear \\x1b[2J\\x1b]0;owned\\x07 done\n") != std::string::npos);
    CHECK(text.find("10.00 alerts\\x1b[31m: key\\n10.01 XX forged line\n") != std::string::npos);
}
