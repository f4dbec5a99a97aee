// Finding formats: text with source line and caret, JSON, GitHub annotations, SARIF's shape. (The SARIF
// output is also validated against the official 2.1.0 schema by tests/cli/validate_sarif.py.)
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "lint/lint_output.hpp"
#include "lint/lint_sarif.hpp"
#include "lint/rule.hpp"
#include "retrodoc/retro_document.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::lint;

namespace {

Finding sample() {
    Finding f;
    f.file = "retros/2024-07-26_x.md";
    f.line = 3;
    f.column = 20;
    f.severity = Severity::warning;
    f.rule_id = "RETRO004";
    f.rule_name = "filename-date";
    f.message = "the file name starts with 2024-07-26 but `Incident from` is 2024-07-25";
    f.source_line = "**Incident from:** 2024-07-25";
    return f;
}

}  // namespace

TEST_CASE("text: the finding, its source line and a caret under the column") {
    CHECK(format_text(sample()) ==
          "retros/2024-07-26_x.md:3:20: warning: the file name starts with 2024-07-26 but `Incident from` is "
          "2024-07-25 [RETRO004 filename-date]\n"
          "**Incident from:** 2024-07-25\n"
          "                   ^\n");
    Finding f = sample();
    f.source_line = "\t“quoted” x";
    f.column = 15;  // the `x`: bytes 1 (tab) + 3 + 6 + 3 + 1 before it; the caret counts characters, keeps the tab
    CHECK(format_text(f).substr(format_text(f).find('\n') + 1) == "\t“quoted” x\n\t         ^\n");
}

TEST_CASE("a line quoted in text findings never sends control bytes to the terminal") {
    Finding f = sample();
    f.source_line = "\x1b[31mred\x1b[0m x";  // an ESC in a retro file would colour the reader's terminal
    f.column = 14;                             // the `x`, after 13 bytes (19 once escaped)
    CHECK(format_text(f).substr(format_text(f).find('\n') + 1) == "\\x1b[31mred\\x1b[0m x\n                   ^\n");
}

TEST_CASE("json and github formats") {
    const std::string json = format_json({sample()}, "0.1.0");
    const auto doc = nlohmann::json::parse(json);
    CHECK(doc["schema"] == "retro.lint/1");  // versioned as retro.timeline/1 and retro.event/1 are
    const auto& parsed = doc["findings"];
    REQUIRE(parsed.size() == 1);
    CHECK(parsed[0]["file"] == "retros/2024-07-26_x.md");
    CHECK(parsed[0]["line"] == 3);
    CHECK(parsed[0]["column"] == 20);
    CHECK(parsed[0]["severity"] == "warning");
    CHECK(parsed[0]["rule"] == "RETRO004");
    CHECK(parsed[0]["name"] == "filename-date");
    CHECK(format_json({}, "0.1.0") == "{\"schema\":\"retro.lint/1\",\"findings\":[]}\n");

    Finding f = sample();
    f.file = "a,b:c.md";
    f.message = "50% done\nnext";
    CHECK(format_github({f}, "0.1.0") ==
          "::warning file=a%2Cb%3Ac.md,line=3,col=20,title=RETRO004 filename-date::50%25 done%0Anext\n");
}

TEST_CASE("sarif: one run, the rule table, results with code-point columns") {
    Finding f = sample();
    f.source_line = "“ab” x";
    f.column = 10;  // bytes: “ is 3 bytes, so byte 10 is code point 6 ('x')
    const auto sarif = nlohmann::json::parse(format_sarif({f}, "0.1.0"));
    CHECK(sarif["version"] == "2.1.0");
    const auto& run = sarif["runs"][0];
    CHECK(run["tool"]["driver"]["name"] == "retro");
    CHECK(run["tool"]["driver"]["rules"].size() == 13);
    CHECK(run["tool"]["driver"]["rules"][3]["id"] == "RETRO004");
    CHECK(run["tool"]["driver"]["rules"][3]["defaultConfiguration"]["level"] == "warning");
    CHECK(run["columnKind"] == "unicodeCodePoints");
    const auto& result = run["results"][0];
    CHECK(result["ruleId"] == "RETRO004");
    CHECK(result["ruleIndex"] == 3);
    CHECK(result["level"] == "warning");
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "retros/2024-07-26_x.md");
    CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
    CHECK(result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 6);
}

TEST_CASE("sarif: each rule has an absolute helpUri naming its section of docs/lint.md, and its help") {
    const auto sarif = nlohmann::json::parse(format_sarif({}, "0.1.0"));
    const auto& rule_rows = sarif["runs"][0]["tool"]["driver"]["rules"];
    CHECK(rule_rows[6]["helpUri"].get<std::string>().ends_with("/lint.md#retro007-day-heading"));
    CHECK(rule_rows[6]["help"]["text"] == std::string(rules()[6].explanation));
    // Every anchor is a heading of docs/lint.md (GitHub's slugs), and the URI is absolute (code scanning
    // refuses an upload whose helpUri is not).
    const std::string doc = test::read_file(test::source_path("docs/lint.md"));
    const auto lint_doc = retrodoc::read_retro_document(doc);
    for (const Rule& r : rules()) {
        const std::string uri = rule_help_uri(r);
        CHECK(uri.find("://") != std::string::npos);
        const std::string anchor = uri.substr(uri.find('#') + 1);
        const bool found = std::any_of(lint_doc.headings.begin(), lint_doc.headings.end(), [&](const auto& h) {
            return retrodoc::github_slug(h.text) == anchor;
        });
        CHECK(found);
    }
}

TEST_CASE("sarif: partialFingerprints follow the line's text and rule, not its number") {
    Finding a = sample();
    Finding moved = a;
    moved.line = 40;
    moved.source_line = "  **Incident from:**   2024-07-25 ";  // re-indented and spaced: the same text
    CHECK(line_fingerprints({a}) == line_fingerprints({moved}));
    CHECK(line_fingerprints({a})[0].ends_with(":1"));
    Finding edited = a;
    edited.source_line = "**Incident from:** 2024-07-24";
    CHECK(line_fingerprints({a}) != line_fingerprints({edited}));
    Finding other_rule = a;
    other_rule.rule_id = "RETRO002";
    CHECK(line_fingerprints({a}) != line_fingerprints({other_rule}));
    // The same line twice in a file: told apart by rank, as code scanning's own line hashes are.
    const auto twice = line_fingerprints({a, moved});
    CHECK(twice[0].substr(0, 16) == twice[1].substr(0, 16));
    CHECK(twice[1].ends_with(":2"));
    Finding whole_file = a;
    whole_file.line = 0;
    CHECK(line_fingerprints({whole_file})[0].empty());
    const auto sarif = nlohmann::json::parse(format_sarif({a}, "0.1.0"));
    CHECK(sarif["runs"][0]["results"][0]["partialFingerprints"]["retroLineHash/v1"] == line_fingerprints({a})[0]);
}

TEST_CASE("sarif: artifact URIs relative to the working directory, file:// outside it") {
    const std::filesystem::path cwd = "/home/ci/repo";
    CHECK(artifact_uri("retros/2024-07-25 x.md", cwd) == "retros/2024-07-25%20x.md");
    CHECK(artifact_uri("./retros/a.md", cwd) == "retros/a.md");
    CHECK(artifact_uri("/home/ci/repo/retros/a.md", cwd) == "retros/a.md");
    CHECK(artifact_uri("/home/ci/other/a.md", cwd) == "file:///home/ci/other/a.md");
    CHECK(artifact_uri("../other/a.md", cwd) == "file:///home/ci/other/a.md");
    CHECK(artifact_uri("<stdin>", cwd) == "%3Cstdin%3E");
}
