// `--color auto|always|never` and NO_COLOR (https://no-color.org): whether severities are painted, and the
// painting. `auto` paints a stream that is a terminal whose TERM is set and not `dumb`, unless NO_COLOR is
// set and not empty; `always` paints even into a pipe (for `less -R`), NO_COLOR notwithstanding; `never`
// paints nothing. A file written with -o is never painted. Severities are painted as rg, gcc and
// markdownlint-cli2 users expect: error bold red, warning bold yellow, note cyan.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "retro/diagnostic.hpp"

namespace retro::cli {

enum class ColorChoice { automatic, always, never };

// Adds `--color WHEN` to `command`; the choice is process-wide (every command shares it) and set while
// the command line is parsed.
void add_color_option(CLI::App& command);

// The process-wide choice (automatic until --color is given).
void set_color_choice(ColorChoice choice);
ColorChoice color_choice();

// Whether output on `fd` (STDOUT_FILENO, STDERR_FILENO) is painted under the current choice and environment.
bool is_color_on(int fd);
// The decision itself, for tests: `is_terminal` of the stream, NO_COLOR's and TERM's values (nullptr: unset).
bool decide_color(ColorChoice choice, bool is_terminal, const char* no_color, const char* term);

// Whether TERM names a terminal that takes escape sequences (set, not empty, not `dumb`).
bool is_capable_term(const char* term);

// `line` with its severity label painted: the first ": error: ", ": warning: " or ": note: " at or after
// byte `from` (the end of the file name, when known). Lines without a label are returned as they are.
std::string paint_severity(std::string_view line, std::size_t from = 0);

// A lint finding's text (lint::format_text: the message line, the source line, the caret line) with the
// severity and the caret painted in the severity's colour. `file_size`: the length of the file name that
// opens the first line.
std::string paint_finding(std::string_view text, std::size_t file_size, Severity severity);

}  // namespace retro::cli
