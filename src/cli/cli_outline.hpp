// The command line as completion scripts need it, read from the CLI11 definition itself: the commands
// (hidden ones left out), each option's names, whether it takes a value and which (choices of an IsMember
// check, files, folders or free text), and what the positional arguments are.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace retro::cli {

// What a value (of an option or a positional argument) completes to.
enum class ValueKind {
    none,     // a flag: no value
    text,     // free text (a zone, a time, a title): nothing offered
    choices,  // one of `choices`
    file,     // a path (type name FILE or PATH; positionals unless DIR)
    folder,   // a folder (type name DIR)
};

struct OptionOutline {
    std::vector<std::string> names;  // as typed: "-o", "--output"
    std::string help;                // the first clause of the description
    ValueKind value = ValueKind::none;
    std::vector<std::string> choices;
    bool repeatable = false;
};

struct CommandOutline {
    std::string name;
    std::string help;
    std::vector<OptionOutline> options;
    ValueKind positional = ValueKind::none;  // what its positional arguments are, if it takes any
    std::vector<std::string> positional_choices;
};

struct CliOutline {
    std::string program;
    std::vector<OptionOutline> options;  // the program's own (--help, --version)
    std::vector<CommandOutline> commands;
};

// Reads `app` (not const: CLI11 hands out validators only from a mutable option).
CliOutline outline_cli(CLI::App& app);

}  // namespace retro::cli
