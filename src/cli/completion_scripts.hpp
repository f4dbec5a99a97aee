// Shell completion scripts written from the CLI's outline (cli/cli_outline.hpp), so they offer exactly
// the commands, options and --format values the binary accepts. Each is self-contained: bash's needs no
// bash-completion helpers, zsh's uses _arguments, fish's `complete`.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cli/cli_outline.hpp"

namespace retro::cli {

struct CompletionShell {
    std::string_view name;  // `retro completions NAME`
    std::string (*write)(const CliOutline& cli);
};

// bash, zsh, fish.
std::span<const CompletionShell> completion_shells();

std::string bash_completion(const CliOutline& cli);
std::string zsh_completion(const CliOutline& cli);
std::string fish_completion(const CliOutline& cli);

}  // namespace retro::cli
