// `retro lint PATH…`: checks retro files (DESIGN.md "Lint", issue 3). Folders are walked for `*.md`
// (sorted, hidden folders skipped, `[lint]` include/exclude globs applied); `-` reads stdin. Each file is
// checked with the retro.toml found walking up from it (or --config). Exit 1 on any error finding or when
// warnings exceed --max-warnings; 2 on usage errors and unreadable paths.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format_option.hpp"
#include "cli/output_file.hpp"
#include "core/ordered_parallel.hpp"
#include "core/text_utf8.hpp"
#include "ingest/retro/markdown_outline.hpp"
#include "io/byte_streams.hpp"
#include "io/open_input.hpp"
#include "lint/lint_formats.hpp"
#include "lint/linter.hpp"
#include "lint/rule.hpp"
#include "retro/error.hpp"
#include "retro/version.hpp"

namespace retro::cli {
namespace {

namespace fs = std::filesystem;

struct LintOptions {
    std::vector<std::string> paths;
    OutputOptions output;
    std::string format = "text";
    int max_warnings = -1;
    std::string explain;
};

struct Target {
    std::string path;      // as reported
    std::string relative;  // relative to the folder it was found in (for globs); the path itself otherwise
    bool walked = false;
};

void print_stderr(const std::string& line) {
    std::fputs(line.c_str(), stderr);
    std::fputc('\n', stderr);
}

// Folders: every *.md below, sorted by path, hidden entries skipped.
// A dangling `.md` link below a folder is reported, not linted.
std::vector<Target> expand(const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<Target> out;
    for (const std::string& path : paths) {
        if (path == "-") {
            out.push_back({path, path, false});
            continue;
        }
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) throw Error(fmt::format("{}: no such file or folder", path));
        if (!fs::is_directory(status)) {
            out.push_back({path, fs::path(path).filename().string(), false});
            continue;
        }
        std::vector<Target> found;
        auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
        if (ec) throw Error(fmt::format("{}: cannot read folder: {}", path, ec.message()));
        for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
            if (ec) throw Error(fmt::format("{}: cannot read folder: {}", path, ec.message()));
            const std::string name = it->path().filename().string();
            if (name.starts_with('.')) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!iequals_ascii(it->path().extension().string(), ".md")) continue;
            if (it->is_symlink() && !fs::exists(it->status())) {
                diags.warning("ingest.dangling-link", Location{it->path().string()},
                              fmt::format("symbolic link to {}, which does not exist; not linted",
                                          fs::read_symlink(it->path(), ec).string()));
                continue;
            }
            if (!it->is_regular_file()) continue;
            found.push_back({it->path().string(), fs::relative(it->path(), path).generic_string(), true});
        }
        std::sort(found.begin(), found.end(), [](const Target& a, const Target& b) { return a.path < b.path; });
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

std::vector<std::string> read_paths(const std::vector<Target>& targets) {
    std::vector<std::string> paths;
    for (const Target& t : targets) paths.push_back(t.path);
    return paths;
}

bool matches_any(const std::vector<std::string>& globs, const Target& t) {
    const std::string base = fs::path(t.relative).filename().string();
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& g) { return glob_match(g, t.relative) || glob_match(g, base); });
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
    Diagnostics diags(print_stderr,
                      common.diagnostics_format == "json" ? Diagnostics::Format::json : Diagnostics::Format::text);
    std::optional<std::string> explicit_config;
    if (!common.config_path.empty()) explicit_config = common.config_path;

    // One config per folder: retro.toml is looked up from each linted file's folder.
    std::map<std::string, Config> configs;
    auto config_for = [&](const std::string& path) -> const Config& {
        const fs::path dir = path == "-" ? fs::current_path() : fs::absolute(fs::path(path)).parent_path();
        const std::string key = explicit_config ? std::string("--config") : dir.string();
        auto it = configs.find(key);
        if (it == configs.end()) {
            it = configs.emplace(key, load_config(explicit_config, std::nullopt, dir, diags)).first;
            for (const auto& [rule, severity] : it->second.lint.severities) {
                if (lint::find_rule(rule) == nullptr) {
                    diags.warning(
                        "lint.unknown-rule", Location{it->second.path, 0, 0},
                        fmt::format("[lint.rules] names no rule `{}`; rules are RETRO001 to RETRO{:03} or their names",
                                    rule, lint::rules().size()));
                }
            }
        }
        return it->second;
    };

    // Which files, with which config, is settled here; the files are then read and checked on every core,
    // and their findings and diagnostics taken in the order of the files, as a one-thread run would.
    std::vector<std::pair<const Target*, const Config*>> work;
    const std::vector<Target> targets = expand(lo.paths, diags);
    OutputFile out({lo.output.path, lo.output.force, read_paths(targets)});
    for (const Target& target : targets) {
        const Config& config = config_for(target.path);
        if (target.walked) {
            if (!config.lint.include.empty() && !matches_any(config.lint.include, target)) continue;
            if (matches_any(config.lint.exclude, target)) continue;
        }
        work.emplace_back(&target, &config);
    }
    struct Checked {
        std::vector<lint::Finding> found;
        std::vector<Diagnostic> diags;
    };
    std::vector<lint::Finding> findings;
    std::size_t files = 0;
    const std::size_t threads = work.size() > 1 ? worker_count() : 0;
    run_in_order<Checked>(
        work.size(), threads > 1 ? threads : 0, 2 * threads + 2,
        [&](std::size_t, std::size_t i) {
            const auto& [target, config] = work[i];
            Diagnostics file_diags(nullptr, Diagnostics::Format::text, SIZE_MAX);
            Input input = io::open_input(target->path);
            std::string bytes;
            io::read_all(input, bytes, ingest::max_markdown_bytes, file_diags);
            return Checked{lint::lint_retro(bytes, input.name, config->lint), file_diags.take()};
        },
        [&](std::size_t, Checked checked) {
            for (Diagnostic& d : checked.diags) diags.report(std::move(d));
            if (format.is_streamed()) {
                for (const auto& f : checked.found) out.write(format.write_finding(f));
            }
            findings.insert(findings.end(), std::make_move_iterator(checked.found.begin()),
                            std::make_move_iterator(checked.found.end()));
            ++files;
        });
    if (!format.is_streamed()) out.write(format.write_run(findings, version));
    out.close();
    diags.finish();

    const auto errors =
        std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.severity == Severity::error; });
    const auto warnings =
        std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.severity == Severity::warning; });
    if (format.is_streamed()) {  // for people: the summary too
        fmt::print(stderr, "retro lint: {} error{}, {} warning{} in {} file{}\n", errors, errors == 1 ? "" : "s",
                   warnings, warnings == 1 ? "" : "s", files, files == 1 ? "" : "s");
    }
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
    add_common_options(*cmd, common);
    cmd->footer(R"(Examples:
  retro lint incident_retros/
  retro lint --format github $(git diff --name-only origin/main -- '*.md')
  retro lint --format sarif incident_retros/ > retro-lint.sarif
  retro lint --explain RETRO007
  cat retro.md | retro lint -)");
    cmd->callback([options, &common, &run] { run = [options, &common] { return run_lint(*options, common); }; });
}

}  // namespace retro::cli
