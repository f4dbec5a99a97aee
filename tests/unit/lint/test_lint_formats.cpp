// `retro lint --format`: the table's rows, each wired to its own format's writer (the writers themselves are
// tested in test_output.cpp).
#include <catch2/catch.hpp>

#include "format_table_checks.hpp"
#include "lint/lint_formats.hpp"
#include "lint/lint_output.hpp"

using namespace retro;
using namespace retro::lint;

TEST_CASE("lint formats: text first, names unique, every row found by its name, one writer each",
          "[lint][formats]") {
    test::check_format_table(lint_formats(), {"text", "json", "github", "sarif"});
    for (const LintFormat& row : lint_formats()) {
        CHECK((row.write_finding == nullptr) != (row.write_run == nullptr));
        CHECK(row.is_streamed() == (row.name == "text"));
    }
}

TEST_CASE("lint formats: each row is wired to the writer of its own format", "[lint][formats]") {
    const Finding f{.file = "retro.md", .line = 2, .column = 1, .severity = Severity::error, .rule_id = "RETRO001",
                    .rule_name = "title", .message = "no title", .source_line = "text"};
    const std::vector<Finding> findings{f};
    CHECK(find_format(lint_formats(), "text")->write_finding(f).starts_with("retro.md:2:1: error: no title"));
    CHECK(find_format(lint_formats(), "json")->write_run(findings, "0.1.0")
              .starts_with("{\"schema\":\"retro.lint/1\",\"findings\":[{\"file\":\"retro.md\""));
    CHECK(find_format(lint_formats(), "github")->write_run(findings, "0.1.0").starts_with("::error file=retro.md,"));
    const std::string sarif = find_format(lint_formats(), "sarif")->write_run(findings, "0.1.0");
    CHECK(sarif.find("\"version\":\"2.1.0\"") != std::string::npos);
    CHECK(sarif.find("\"version\":\"0.1.0\"") != std::string::npos);
}
