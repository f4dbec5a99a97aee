// bash completion (cli/completion_scripts.hpp): one function, `_retro`, reading COMP_WORDS and COMP_CWORD
// as bash sets them, so it also runs where bash-completion is not installed. `--format=VALUE` is handled
// as bash splits it (`--format`, `=`, `VALUE`).
#include <fmt/format.h>

#include "cli/completion_scripts.hpp"

namespace retro::cli {
namespace {

// Words for `compgen -W "…"`: inside double quotes, so `"`, `\`, `$` and backquotes are escaped.
std::string word_list(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) {
        if (!out.empty()) out += ' ';
        for (char c : word) {
            if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
            out += c;
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : std::string(separator)) + name;
    return out;
}

std::vector<std::string> option_names(const std::vector<OptionOutline>& options) {
    std::vector<std::string> out;
    for (const OptionOutline& o : options) out.insert(out.end(), o.names.begin(), o.names.end());
    return out;
}

// What `$cur` completes to when it is a value of this kind.
std::string complete_value(const std::string& program, ValueKind kind, const std::vector<std::string>& choices) {
    switch (kind) {
        case ValueKind::choices:
            return fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", word_list(choices));
        case ValueKind::file:
            return fmt::format("_{}_paths -f \"$cur\"", program);
        case ValueKind::folder:
            return fmt::format("_{}_paths -d \"$cur\"", program);
        case ValueKind::none:
        case ValueKind::text:
            return ":";
    }
    return ":";
}

std::string command_case(const std::string& program, const CommandOutline& command) {
    std::string out = fmt::format("        {})\n            case $prev in\n", command.name);
    for (const OptionOutline& o : command.options) {
        if (o.value == ValueKind::none) continue;
        out += fmt::format("                {}) {}; return 0 ;;\n", joined(o.names, "|"),
                           complete_value(program, o.value, o.choices));
    }
    out += "            esac\n";
    out += fmt::format(
        "            if [[ $cur == -* ]]; then\n"
        "                COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n"
        "            else\n"
        "                {}\n"
        "            fi ;;\n",
        word_list(option_names(command.options)),
        complete_value(program, command.positional, command.positional_choices));
    return out;
}

}  // namespace

std::string bash_completion(const CliOutline& cli) {
    std::vector<std::string> commands;
    for (const CommandOutline& c : cli.commands) commands.push_back(c.name);
    std::string cases;
    for (const CommandOutline& c : cli.commands) cases += command_case(cli.program, c);
    return fmt::format(R"(# bash completion for {0}, written by `{0} completions bash` from its own command line.
# Installed as /usr/share/bash-completion/completions/{0}; or: source <({0} completions bash)

# Paths (-f files, -d folders) starting with $2, one a line so that spaces survive.
_{0}_paths() {{
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY=($(compgen "$1" -- "$2"))
}}

_{0}() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev= command= i
    (( COMP_CWORD > 0 )) && prev=${{COMP_WORDS[COMP_CWORD-1]}}
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
        prev=${{COMP_WORDS[COMP_CWORD-2]}}
    fi
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${{COMP_WORDS[i]}} in
            {1}) command=${{COMP_WORDS[i]}}; break ;;
        esac
    done
    COMPREPLY=()
    case $command in
{2}        *)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "{3}" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "{4}" -- "$cur"))
            fi ;;
    esac
    return 0
}}
complete -F _{0} {0}
)",
                       cli.program, joined(commands, "|"), cases, word_list(option_names(cli.options)),
                       word_list(commands));
}

}  // namespace retro::cli
