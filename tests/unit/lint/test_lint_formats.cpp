// `retro lint --format`: the table's rows, and that each writes what its writer writes.
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

TEST_CASE("lint formats: each row writes its format", "[lint][formats]") {
    const Finding f{.file = "retro.md", .line = 2, .column = 1, .severity = Severity::error, .rule_id = "RETRO001",
                    .rule_name = "title", .message = "no title", .source_line = "text"};
    const std::vector<Finding> findings{f};
    CHECK(find_format(lint_formats(), "text")->write_finding(f) == format_text(f));
    CHECK(find_format(lint_formats(), "json")->write_run(findings, "0.1.0") ==
          format_findings(findings, OutputFormat::json, "0.1.0"));
    CHECK(find_format(lint_formats(), "github")->write_run(findings, "0.1.0") ==
          format_findings(findings, OutputFormat::github, "0.1.0"));
    CHECK(find_format(lint_formats(), "sarif")->write_run(findings, "0.1.0") ==
          format_findings(findings, OutputFormat::sarif, "0.1.0"));
}
