// fish completion (cli/completion_scripts.hpp): `complete` lines, commands offered until one is given
// (__fish_use_subcommand), each command's options once it is (__fish_seen_subcommand_from).
#include <fmt/format.h>

#include "cli/completion_scripts.hpp"

namespace retro::cli {
namespace {

// A single-quoted fish string: `\` and `'` escaped.
std::string fish_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

// `-s o -l output`, and how the value completes: -x -a 'a b' (choices), -r -F (files), -x -a
// '(__fish_complete_directories)' (folders), -x (free text, nothing offered).
std::string option_args(const OptionOutline& o) {
    std::string out;
    for (const std::string& n : o.names) {
        if (n.starts_with("--"))
            out += " -l " + n.substr(2);
        else
            out += " -s " + n.substr(1);
    }
    switch (o.value) {
        case ValueKind::none:
            break;
        case ValueKind::text:
            out += " -x";
            break;
        case ValueKind::file:
            out += " -r -F";
            break;
        case ValueKind::folder:
            out += " -x -a '(__fish_complete_directories)'";
            break;
        case ValueKind::choices: {
            std::string words;
            for (const std::string& c : o.choices) words += (words.empty() ? "" : " ") + c;
            out += " -x -a " + fish_quoted(words);
            break;
        }
    }
    return out + " -d " + fish_quoted(o.help);
}

std::string positional_args(const CommandOutline& c) {
    switch (c.positional) {
        case ValueKind::file:
            return " -F";
        case ValueKind::folder:
            return " -a '(__fish_complete_directories)'";
        case ValueKind::choices: {
            std::string words;
            for (const std::string& w : c.positional_choices) words += (words.empty() ? "" : " ") + w;
            return " -a " + fish_quoted(words);
        }
        case ValueKind::none:
        case ValueKind::text:
            return "";
    }
    return "";
}

}  // namespace

std::string fish_completion(const CliOutline& cli) {
    std::string out = fmt::format(
        "# fish completion for {0}, written by `{0} completions fish` from its own command line.\n"
        "# Installed as /usr/share/fish/vendor_completions.d/{0}.fish; or: {0} completions fish | source\n\n"
        "complete -c {0} -f\n",
        cli.program);
    for (const OptionOutline& o : cli.options)
        out += fmt::format("complete -c {} -n __fish_use_subcommand{}\n", cli.program, option_args(o));
    for (const CommandOutline& c : cli.commands)
        out += fmt::format("complete -c {} -n __fish_use_subcommand -a {} -d {}\n", cli.program, c.name,
                           fish_quoted(c.help));
    for (const CommandOutline& c : cli.commands) {
        out += '\n';
        const std::string when =
            fmt::format("complete -c {} -n {}", cli.program, fish_quoted("__fish_seen_subcommand_from " + c.name));
        if (const std::string p = positional_args(c); !p.empty()) out += when + p + "\n";
        for (const OptionOutline& o : c.options) out += when + option_args(o) + "\n";
    }
    return out;
}

}  // namespace retro::cli
