// `retro lint PATH…`: checks retro files (DESIGN.md "Lint", issue 3). Which files (folders walked for `*.md`,
// `[lint]` include/exclude globs applied; `-` reads stdin) and with which retro.toml is lint's
// (lint/lint_targets.hpp, lint/lint_configs.hpp); here are the options and the output. Exit 1 on any error
// finding or when warnings exceed --max-warnings; 2 on usage errors and unreadable paths. A missing or
// unreadable path is said when met (`retro: error: x.md: no such file or folder`) and the other paths are
// still linted, as markdownlint-cli2 and rg do; the exit is 2 at the end.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/color.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format_option.hpp"
#include "cli/output_file.hpp"
#include "cli/progress_line.hpp"
#include "core/ordered_parallel.hpp"
#include "io/byte_streams.hpp"
#include "io/open_input.hpp"
#include "lint/lint_configs.hpp"
#include "lint/lint_formats.hpp"
#include "lint/lint_output.hpp"
#include "lint/lint_targets.hpp"
#include "lint/linter.hpp"
#include "lint/rule.hpp"
#include "retro/error.hpp"
#include "retro/version.hpp"
#include "retrodoc/markdown_outline.hpp"

namespace retro::cli {
namespace {

struct LintOptions {
    std::vector<std::string> paths;
    OutputOptions output;
    std::string format = "text";
    int max_warnings = -1;
    std::string explain;
};

void print_stderr(const std::string& line) {
    erase_progress_line();
    std::fputs(line.c_str(), stderr);
    std::fputc('\n', stderr);
}

// An environment failure that ends no run: said as main says the others, the run goes on.
void print_unreadable(const std::string& message) {
    erase_progress_line();
    std::fflush(stdout);
    fmt::print(stderr, "retro: error: {}\n", message);
}

void print_text_stderr(const std::string& line) {
    print_stderr(is_color_on(STDERR_FILENO) ? paint_severity(line) : line);
}

// Findings painted on a terminal (cli/color.hpp); never in a file written with -o.
bool paints_findings(const LintOptions& lo) {
    return (lo.output.path.empty() || lo.output.path == "-") && is_color_on(STDOUT_FILENO);
}

std::vector<std::string> read_paths(const std::vector<lint::LintTarget>& targets) {
    std::vector<std::string> paths;
    for (const lint::LintTarget& t : targets) paths.push_back(t.path);
    return paths;
}

int print_explanation(const std::string& which) {
    const lint::Rule* rule = lint::find_rule(which);
    if (rule == nullptr) {
        throw Error(
            fmt::format("--explain {}: no such rule; rules are RETRO001 to RETRO{:03}", which, lint::rules().size()));
    }
    fmt::print("{} {} (default: {})\n{}\n\n{}\n", rule->id, rule->name, to_string(rule->severity), rule->summary,
               rule->explanation);
    return exit_success;
}

int run_lint(const LintOptions& lo, const CommonOptions& common) {
    if (!lo.explain.empty()) return print_explanation(lo.explain);
    if (lo.paths.empty()) throw Error("lint: give at least one PATH (a retro file, a folder, or - for stdin)");
    const lint::LintFormat& format = chosen_format(lint::lint_formats(), lo.format);
    const bool json_diagnostics = common.diagnostics_format == "json";
    Diagnostics diags(json_diagnostics ? print_stderr : print_text_stderr,
                      json_diagnostics ? Diagnostics::Format::json : Diagnostics::Format::text);
    std::optional<std::string> explicit_config;
    if (!common.config_path.empty()) explicit_config = common.config_path;

    // Which files, with which config, is settled here; the files are then read and checked on every core,
    // and their findings and diagnostics taken in the order of the files, as a one-thread run would.
    lint::LintConfigs configs(explicit_config, diags);
    std::vector<std::pair<const lint::LintTarget*, const Config*>> work;
    std::vector<std::string> unreadable;
    const std::vector<lint::LintTarget> targets = lint::find_lint_targets(lo.paths, diags, unreadable);
    for (const std::string& message : unreadable) print_unreadable(message);
    OutputFile out({lo.output.path, lo.output.force, read_paths(targets)});
    for (const lint::LintTarget& target : targets) {
        const Config& config = configs.for_file(target.path);
        if (lint::is_selected(target, config.lint)) work.emplace_back(&target, &config);
    }
    struct Checked {
        std::vector<lint::Finding> found;
        std::vector<Diagnostic> diags;
        std::optional<std::string> unreadable;  // the file could not be opened or read
        std::uint64_t bytes = 0;
    };
    std::vector<lint::Finding> findings;
    std::size_t files = 0;
    ProgressLine progress;
    const bool paint = format.is_streamed() && paints_findings(lo);
    const std::size_t threads = work.size() > 1 ? worker_count() : 0;
    run_in_order<Checked>(
        work.size(), threads > 1 ? threads : 0, 2 * threads + 2,
        [&](std::size_t, std::size_t i) {
            const auto& [target, config] = work[i];
            Diagnostics file_diags(nullptr, Diagnostics::Format::text, SIZE_MAX);
            try {
                Input input = io::open_input(target->path);
                std::string bytes;
                io::read_all(input, bytes, retrodoc::max_markdown_bytes, file_diags);
                auto found = lint::lint_retro(bytes, input.name, config->lint, &file_diags);
                return Checked{std::move(found), file_diags.take(), std::nullopt, bytes.size()};
            } catch (const Error& e) {
                return Checked{{}, file_diags.take(), std::string(e.what()), 0};
            }
        },
        [&](std::size_t, Checked checked) {
            for (Diagnostic& d : checked.diags) diags.report(std::move(d));
            if (checked.unreadable) {
                print_unreadable(*checked.unreadable);
                unreadable.push_back(std::move(*checked.unreadable));
                return;
            }
            if (format.is_streamed()) {
                erase_progress_line();  // findings on the same terminal start on a clean line
                for (const auto& f : checked.found) {
                    const std::string text = format.write_finding(f);
                    out.write(paint ? paint_finding(text, f.file.size(), f.severity) : text);
                }
            }
            findings.insert(findings.end(), std::make_move_iterator(checked.found.begin()),
                            std::make_move_iterator(checked.found.end()));
            ++files;
            progress.advance(checked.bytes, 1);
        });
    progress.finish();
    if (!format.is_streamed()) out.write(format.write_run(findings, version));
    out.close();
    diags.finish();

    const auto errors =
        std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.severity == Severity::error; });
    const auto warnings =
        std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.severity == Severity::warning; });
    if (format.is_streamed()) {  // for people: the summary too
        fmt::print(stderr, "retro lint: {} error{}, {} warning{} in {} file{}{}\n", errors, errors == 1 ? "" : "s",
                   warnings, warnings == 1 ? "" : "s", files, files == 1 ? "" : "s",
                   unreadable.empty() ? ""
                                      : fmt::format("; {} path{} not read", unreadable.size(),
                                                    unreadable.size() == 1 ? "" : "s"));
    }
    if (!unreadable.empty()) return exit_usage;
    if (errors > 0) return exit_failure;
    if (lo.max_warnings >= 0 && warnings > lo.max_warnings) {
        fmt::print(stderr, "retro lint: {} warning{} exceed{} --max-warnings {}\n", warnings, warnings == 1 ? "" : "s",
                   warnings == 1 ? "s" : "", lo.max_warnings);
        return exit_failure;
    }
    return exit_success;
}

}  // namespace

void add_lint_command(CLI::App& app, CommonOptions& common, Runner& run) {
    auto options = std::make_shared<LintOptions>();
    CLI::App* cmd = app.add_subcommand("lint", "Check retro Markdown files (exit 1 on errors)");
    cmd->add_option("paths", options->paths, "Retro files, folders (walked for *.md), or - for stdin");
    add_output_options(*cmd, options->output);
    add_format_option(*cmd, options->format, lint::lint_formats());
    cmd->add_option("--max-warnings", options->max_warnings, "Exit 1 when there are more than N warnings")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--explain", options->explain, "Print what a rule checks (RETRO004 or filename-date) and exit");
    add_base_options(*cmd, common);  // lint reads no sources: none of their options
    cmd->footer(R"(Examples:
  retro draft samples/2024-07-25-login/ -o retro.md && retro lint retro.md
  retro lint --format github $(git diff --name-only origin/main -- '*.md')
  retro lint --format sarif retro.md > retro-lint.sarif
  retro lint --explain RETRO007
  retro lint - < retro.md
)");
    cmd->callback([options, &common, &run] { run = [options, &common] { return run_lint(*options, common); }; });
}

}  // namespace retro::cli
