// Exit codes (DESIGN.md): 0 success, 1 lint errors / damaged input under --strict, 2 usage errors.
#pragma once

#include <CLI/CLI.hpp>

namespace retro::cli {

inline constexpr int exit_success = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

// Help and version: printed by CLI11, 0. Every other parse error: one `retro: error: …` line on stderr
// (cli/usage_errors.hpp: unknown commands and options with "did you mean …?"), 2.
int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& error);

}  // namespace retro::cli
