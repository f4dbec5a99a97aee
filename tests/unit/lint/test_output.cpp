// Finding formats: text with source line and caret, JSON, GitHub annotations, SARIF's shape. (The SARIF
// output is also validated against the official 2.1.0 schema by tests/cli/validate_sarif.py.)
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lint/lint_output.hpp"

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

TEST_CASE("json and github formats") {
    const std::string json = format_json({sample()}, "0.1.0");
    const auto parsed = nlohmann::json::parse(json);
    REQUIRE(parsed.size() == 1);
    CHECK(parsed[0]["file"] == "retros/2024-07-26_x.md");
    CHECK(parsed[0]["line"] == 3);
    CHECK(parsed[0]["column"] == 20);
    CHECK(parsed[0]["severity"] == "warning");
    CHECK(parsed[0]["rule"] == "RETRO004");
    CHECK(parsed[0]["name"] == "filename-date");

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
