// What `retro init` writes (cli/case_skeleton.hpp): the config loads without a diagnostic, and so does every
// commented example once uncommented; the README is skipped by case-folder walks.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "cli/case_skeleton.hpp"
#include "core/config.hpp"
#include "retro/ingest.hpp"

using namespace retro;

namespace {

// Every `# key = value` line made a setting (prose comments start `# ` and a capital or a word without `=`).
std::string uncomment_examples(const std::string& text) {
    const std::regex example(R"(^# ([A-Za-z_0-9"@.]+ = .*)$)");
    std::istringstream in(text);
    std::string out, line;
    while (std::getline(in, line)) {
        std::smatch m;
        out += (std::regex_match(line, m, example) ? m[1].str() : line) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("init's retro.toml loads without diagnostics and sets the zone") {
    const std::string text = cli::case_config_text("Europe/London");
    std::vector<std::string> printed;
    Diagnostics diags([&](const std::string& s) { printed.push_back(s); });
    const Config c = parse_config(text, "retro.toml", diags);
    CHECK(printed.empty());
    CHECK(c.tz == "Europe/London");
    CHECK(c.slack_workspace.empty());
    CHECK(c.lint.exclude == std::vector<std::string>{"README.md"});
}

TEST_CASE("init's retro.toml examples load without diagnostics once uncommented") {
    const std::string text = uncomment_examples(cli::case_config_text("UTC"));
    REQUIRE(text != cli::case_config_text("UTC"));
    std::vector<std::string> printed;
    Diagnostics diags([&](const std::string& s) { printed.push_back(s); });
    const Config c = parse_config(text, "retro.toml", diags);
    CHECK(printed.empty());
    CHECK(c.slack_workspace == "example");
    CHECK(c.people.find("U01ABCDEF23").has_value());
    CHECK(c.ingest.max_record_bytes == IngestLimits{}.max_record_bytes);
    CHECK(c.ingest.max_entry_bytes == IngestLimits{}.max_entry_bytes);
    CHECK(c.ingest.max_file_bytes == IngestLimits{}.max_file_bytes);
    CHECK(c.ingest.map.size() == 2);
    CHECK(c.render.redact == true);
}

TEST_CASE("init's README is skipped by case-folder walks, as drafts are") {
    const std::string readme = cli::case_readme_text();
    CHECK(readme.starts_with(case_readme_marker));
    CHECK(is_skipped_in_case_folder(readme));
    CHECK(is_skipped_in_case_folder("<!-- retro:draft v1 -->\n"));
    CHECK_FALSE(is_skipped_in_case_folder("# Notes\n"));
}
