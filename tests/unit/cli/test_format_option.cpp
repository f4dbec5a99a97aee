// `--format` built from a format table: CLI11 accepts exactly the table's names, the help lists the rows,
// and the command looks the chosen row up.
#include <catch2/catch.hpp>

#include "cli/format_option.hpp"
#include "lint/lint_formats.hpp"
#include "render/event_formats.hpp"
#include "render/timeline_formats.hpp"
#include "retro/error.hpp"

using namespace retro;
using namespace retro::cli;

namespace {

// Parses `--format NAME` with the option built from `rows`; returns the stored name, or throws CLI's error.
template <class Row>
std::string parse_format(std::span<const Row> rows, const std::string& name) {
    CLI::App app;
    std::string value = "unset";
    add_format_option(app, value, rows);
    app.parse("--format " + name, false);
    return value;
}

// Every row's name is accepted and stored, and looks up that row; a name outside the table is refused.
template <class Row>
void check_choices_are_the_table(std::span<const Row> rows) {
    for (const Row& row : rows) {
        CHECK(parse_format(rows, std::string(row.name)) == row.name);
        CHECK(&chosen_format(rows, row.name) == &row);
    }
    CHECK_THROWS_AS(parse_format(rows, "yaml"), CLI::ValidationError);
    CHECK_THROWS_AS(chosen_format(rows, "yaml"), Error);
}

template <class Row>
std::string help_of(std::span<const Row> rows) {
    CLI::App app;
    std::string value;
    return add_format_option(app, value, rows)->get_description();
}

}  // namespace

TEST_CASE("the format option accepts exactly the rows of each table", "[cli][formats]") {
    check_choices_are_the_table(render::event_formats());
    check_choices_are_the_table(render::timeline_formats());
    check_choices_are_the_table(lint::lint_formats());
}

TEST_CASE("the format option's help lists what each row writes", "[cli][formats]") {
    CHECK(help_of(render::event_formats()) ==
          "Output format: retro.event/1 NDJSON (the data as read, never redacted), or Timesketch JSONL (secrets and "
          "personal data redacted unless --no-redact)");
    CHECK(help_of(render::timeline_formats()) ==
          "Output format: text for people, or JSON for scripts (retro.timeline/1)");
    CHECK(help_of(lint::lint_formats()) ==
          "Output format: text with the source line and a caret, JSON, GitHub workflow annotations, or SARIF 2.1.0");
    CHECK(format_option_help({}) == "Output format");
    CHECK(format_option_help({"one"}) == "Output format: one");
}
