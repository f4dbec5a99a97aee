// `<!-- retro-lint … -->` comments as markdownlint's (issue 20 item 6): each directive's reach, rules by id or
// name, and a typo that turns nothing off and says where it is.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "lint/linter.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::lint;

namespace {

// A retro with a placeholder on lines 9, 11 and 13 (RETRO010), and room for comments on lines 8, 10 and 12.
std::string retro_with(const std::string& line8, const std::string& line10 = "", const std::string& line12 = "") {
    return "# Incident retro - search down\n\n**Incident from:** 2024-07-25\n\n**Incident until:** 2024-07-25\n\n"
           "**Retro held:** 2024-07-26\n" +
           line8 + "\nTODO one\n" + line10 + "\nTODO two\n" + line12 +
           "\nTODO three\n\n## Timeline\n\n## Analysis of causes\n\n## Actions\n";
}

// The lines of the RETRO010 findings.
std::vector<std::uint32_t> placeholder_lines(const std::string& text, Diagnostics* diags = nullptr) {
    std::vector<std::uint32_t> out;
    for (const Finding& f : lint_retro(text, "2024-07-25_x.md", LintConfig{}, diags)) {
        if (f.rule_id == "RETRO010") out.push_back(f.line);
    }
    return out;
}

using Lines = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("no comment: every placeholder is found") {
    CHECK(placeholder_lines(retro_with("")) == Lines{9, 11, 13});
}

TEST_CASE("disable and enable, by id or name, any case, none meaning all") {
    CHECK(placeholder_lines(retro_with("", "<!-- retro-lint disable RETRO010 -->")) == Lines{9});
    CHECK(placeholder_lines(retro_with("", "<!-- retro-lint disable placeholder -->")) == Lines{9});
    CHECK(placeholder_lines(retro_with("", "<!-- Retro-Lint DISABLE Placeholder -->")) == Lines{9});
    CHECK(placeholder_lines(retro_with("", "<!-- retro-lint disable -->")) == Lines{9});
    CHECK(placeholder_lines(retro_with("<!-- retro-lint disable -->", "<!-- retro-lint enable -->")) == Lines{11, 13});
    CHECK(placeholder_lines(retro_with("<!-- retro-lint disable -->", "<!-- retro-lint enable placeholder -->")) ==
          Lines{11, 13});
    // Enabling another rule leaves this one off; a list may mix ids, names and commas.
    CHECK(placeholder_lines(retro_with("<!-- retro-lint disable secret,placeholder -->",
                                       "<!-- retro-lint enable RETRO012 -->")) == Lines{});
    // markdownlint's spelling.
    CHECK(placeholder_lines(retro_with("<!-- retro-lint-disable placeholder -->")) == Lines{});
}

TEST_CASE("a comment acts on its own line: disable-line, and disable at the end of a line") {
    // Line 10's own TODO is off; the lines around it are not.
    CHECK(placeholder_lines(retro_with("", "TODO here")) == Lines{9, 10, 11, 13});
    CHECK(placeholder_lines(retro_with("", "TODO here <!-- retro-lint disable-line RETRO010 -->")) == Lines{9, 11, 13});
    CHECK(placeholder_lines(retro_with("", "TODO here <!-- retro-lint disable -->")) == Lines{9});
}

TEST_CASE("disable-next-line reaches the next line only") {
    CHECK(placeholder_lines(retro_with("<!-- retro-lint disable-next-line placeholder -->")) == Lines{11, 13});
    CHECK(placeholder_lines(retro_with("", "", "<!-- retro-lint disable-next-line -->")) == Lines{9, 11});
    CHECK(placeholder_lines(retro_with("<!-- retro-lint disable-next-line day-heading -->")) == Lines{9, 11, 13});
}

TEST_CASE("disable-file holds in the whole file, wherever it stands") {
    CHECK(placeholder_lines(retro_with("", "", "<!-- retro-lint disable-file placeholder -->")) == Lines{});
    CHECK(placeholder_lines(retro_with("", "<!-- retro-lint disable-file -->")).empty());
    // The whole file: a finding of the file as a whole (a missing section is said at the title) too.
    const std::string no_actions = "# Incident retro - x\n\n<!-- retro-lint disable-file sections metadata -->\n";
    CHECK(lint_retro(no_actions, "x.md", LintConfig{}).empty());
}

TEST_CASE("a typo in a rule name turns nothing off and is a warning at its line and column") {
    // Before issue 20 this turned every rule off to the end of the file.
    auto diags = test::quiet_diagnostics();
    CHECK(placeholder_lines(retro_with("", "<!-- retro-lint disable placeholdr -->"), &diags) == Lines{9, 11, 13});
    CHECK(test::texts(diags) ==
          std::vector<std::string>{"2024-07-25_x.md:10:25: warning: retro-lint disable: no rule is named "
                                   "`placeholdr` (rules are RETRO001 to RETRO013 or their names); it turns nothing "
                                   "off [lint.unknown-rule]"});
    // The comment's known names still count.
    auto more = test::quiet_diagnostics();
    CHECK(placeholder_lines(retro_with("<!-- retro-lint disable RETRO099 placeholder -->"), &more) == Lines{});
    CHECK(more.count("lint.unknown-rule") == 1);
}

TEST_CASE("an unknown directive turns nothing off and is a warning") {
    auto diags = test::quiet_diagnostics();
    CHECK(placeholder_lines(retro_with("<!-- retro-lint disabel placeholder -->"), &diags) == Lines{9, 11, 13});
    CHECK(test::texts(diags) ==
          std::vector<std::string>{"2024-07-25_x.md:8:17: warning: retro-lint comment with the unknown directive "
                                   "`disabel`: write disable, enable, disable-line, disable-next-line or "
                                   "disable-file; this comment turns nothing off [lint.unknown-directive]"});
}

TEST_CASE("other comments, and retro-lint comments quoted in code blocks, are not directives") {
    CHECK(placeholder_lines(retro_with("<!-- retro: what users saw -->", "<!-- retro-linter disable -->")) ==
          Lines{9, 11, 13});
    CHECK(placeholder_lines(retro_with("```\n<!-- retro-lint disable -->\n```")) == Lines{11, 13, 15});
}

TEST_CASE("a missing title is said at line 1, as markdownlint's MD041") {
    std::vector<std::string> found;
    for (const Finding& f : lint_retro("Notes first.\n\n## Timeline\n", "x.md", LintConfig{})) {
        if (f.rule_id == "RETRO001") found.push_back(fmt::format("{}:{}: {}", f.line, f.column, f.message));
    }
    CHECK(found == std::vector<std::string>{"1:1: the first heading (line 3) is level 2; the title is a level-1 "
                                            "heading `# Incident retro - …`"});
    found.clear();
    for (const Finding& f : lint_retro("", "x.md", LintConfig{})) {
        if (f.rule_id == "RETRO001") found.push_back(fmt::format("{}:{}", f.line, f.column));
    }
    CHECK(found == std::vector<std::string>{"1:1"});
}
