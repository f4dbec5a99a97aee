// zsh completion (cli/completion_scripts.hpp): `#compdef`, one _arguments spec per command, with the
// commands offered by _describe. Options that take a value accept `--opt VALUE` and `--opt=VALUE`, as
// CLI11 does.
#include <fmt/format.h>

#include "cli/completion_scripts.hpp"

namespace retro::cli {
namespace {

// Text inside a single-quoted _arguments spec's `[…]` description: `'` closes the quotes, brackets end the
// description.
std::string description(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else if (c == '[' || c == ']' || c == '\\')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

std::string action(ValueKind kind, const std::vector<std::string>& choices) {
    switch (kind) {
        case ValueKind::choices: {
            std::string words;
            for (const std::string& c : choices) words += (words.empty() ? "" : " ") + description(c);
            return "(" + words + ")";
        }
        case ValueKind::file:
            return "_files";
        case ValueKind::folder:
            return "_files -/";
        case ValueKind::none:
        case ValueKind::text:
            return " ";
    }
    return " ";
}

// One option as _arguments specs: '(-o --output)'{-o+,--output=}'[help]:file:_files'. A repeatable
// option excludes nothing and may be given again (`*`).
std::string option_spec(const OptionOutline& o) {
    const bool value = o.value != ValueKind::none;
    std::string exclusions;
    if (!o.repeatable && o.names.size() > 1) {
        for (const std::string& n : o.names) exclusions += (exclusions.empty() ? "" : " ") + n;
        exclusions = "(" + exclusions + ")";
    }
    std::string names;
    for (const std::string& n : o.names) {
        std::string name = n;
        if (value) name += n.starts_with("--") ? "=" : "+";
        names += (names.empty() ? "" : ",") + name;
    }
    const std::string tail = fmt::format(
        "[{}]{}", description(o.help),
        value ? fmt::format(":{}:{}", o.value == ValueKind::text ? "value" : "arg", action(o.value, o.choices)) : "");
    const std::string prefix = (o.repeatable ? "*" : "") + exclusions;
    if (o.names.size() == 1) return fmt::format("'{}{}{}'", prefix, names, tail);
    return fmt::format("{}{{{}}}'{}'", prefix.empty() ? "" : "'" + prefix + "'", names, tail);
}

// The specs, one a line, each line but the last continued with `\`.
std::string spec_lines(const std::vector<std::string>& specs, std::string_view indent) {
    std::string out;
    for (const std::string& spec : specs) out += fmt::format("{}{}{}", out.empty() ? "" : " \\\n", indent, spec);
    return out + "\n";
}

std::vector<std::string> option_specs(const std::vector<OptionOutline>& options) {
    std::vector<std::string> out;
    for (const OptionOutline& o : options) out.push_back(option_spec(o));
    return out;
}

}  // namespace

std::string zsh_completion(const CliOutline& cli) {
    std::string commands;
    std::string cases;
    for (const CommandOutline& c : cli.commands) {
        commands += fmt::format("        '{}:{}'\n", c.name, description(c.help));
        std::vector<std::string> specs = option_specs(c.options);
        if (c.positional != ValueKind::none)
            specs.push_back(fmt::format("'*:argument:{}'", action(c.positional, c.positional_choices)));
        cases += fmt::format("            {})\n                _arguments \\\n{}                ;;\n", c.name,
                             spec_lines(specs, "                    "));
    }
    std::vector<std::string> specs = option_specs(cli.options);
    specs.push_back(fmt::format("'1: :_{}_commands'", cli.program));
    specs.push_back("'*:: :->command'");
    std::string top_level = spec_lines(specs, "        ");
    top_level.insert(top_level.size() - 1, " && return");
    return fmt::format(R"(#compdef {0}
# zsh completion for {0}, written by `{0} completions zsh` from its own command line.
# Installed as /usr/share/zsh/vendor-completions/_{0}; or put it as _{0} in a folder on $fpath.

_{0}_commands() {{
    local -a commands=(
{1}    )
    _describe -t commands '{0} command' commands
}}

_{0}() {{
    local curcontext=$curcontext state line
    typeset -A opt_args
    _arguments -C \
{2}
    case $state in
        command)
            curcontext=${{curcontext%:*:*}}:{0}-$words[1]:
            case $words[1] in
{3}            esac
            ;;
    esac
}}

_{0} "$@"
)",
                       cli.program, commands, top_level, cases);
}

}  // namespace retro::cli
