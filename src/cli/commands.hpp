// The subcommands. Each adds itself to the app and sets `run` to what executes after parsing.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/common_options.hpp"

namespace retro::cli {

using Runner = std::function<int()>;

void add_events_command(CLI::App& app, CommonOptions& common, Runner& run);
void add_timeline_command(CLI::App& app, CommonOptions& common, Runner& run);
void add_draft_command(CLI::App& app, CommonOptions& common, Runner& run);
void add_lint_command(CLI::App& app, CommonOptions& common, Runner& run);
// `retro help [COMMAND]`; added after the commands it names.
void add_help_command(CLI::App& app, Runner& run);
// `retro init [DIR]` (command_init.cpp) and the hidden `retro completions SHELL` (command_completions.cpp).
void add_init_command(CLI::App& app, Runner& run);
void add_completions_command(CLI::App& app, Runner& run);

}  // namespace retro::cli
