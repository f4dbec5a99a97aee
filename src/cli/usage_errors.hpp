// What a command-line mistake says to a person: one line, with the closest names the app itself defines
// ("did you mean …?"), so a new command or option is suggested without a list kept by hand.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace retro::cli {

// The message (without "retro: error: ") for a CLI11 parse error of `app`, read from what the parse left:
// a word the top level did not take is an unknown command (`retro lnt`, `retro foo draft`), an option a
// command did not take an unknown option (`--tzz`); any other error is CLI11's text naming the command.
std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error);

// "unknown command 'lnt'; did you mean 'lint'?", else the list of commands.
std::string unknown_command_message(const CLI::App& app, std::string_view word);

}  // namespace retro::cli
