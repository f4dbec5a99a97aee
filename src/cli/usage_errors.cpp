#include "cli/usage_errors.hpp"

#include <optional>
#include <vector>

#include <fmt/format.h>

#include "cli/suggest.hpp"

namespace retro::cli {
namespace {

// The command the parse reached: the last subcommand selected, else the app.
const CLI::App& reached_command(const CLI::App& app) {
    const CLI::App* at = &app;
    while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
    return *at;
}

std::string command_path(const CLI::App& command) {
    const CLI::App* parent = command.get_parent();
    return parent ? command_path(*parent) + " " + command.get_name() : command.get_name();
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (!sub->get_group().empty()) names.push_back(sub->get_name());  // hidden commands are not offered
    return names;
}

std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

// Every spelling of the command's options: --long and -s.
std::vector<std::string> option_spellings(const CLI::App& command) {
    std::vector<std::string> spellings;
    for (const CLI::Option* option : command.get_options()) {
        for (const std::string& name : option->get_lnames()) spellings.push_back("--" + name);
        for (const std::string& name : option->get_snames()) spellings.push_back("-" + name);
    }
    return spellings;
}

std::string without_dashes(std::string_view s) {
    while (s.starts_with('-')) s.remove_prefix(1);
    return std::string(s);
}

// The option as typed, without a value given with `=`.
std::string option_name(std::string_view typed) {
    if (const auto eq = typed.find('='); eq != std::string_view::npos) typed = typed.substr(0, eq);
    return std::string(typed);
}

bool defines(const std::vector<std::string>& spellings, const std::string& name) {
    for (const std::string& s : spellings)
        if (s == name) return true;
    return false;
}

std::string unknown_option_message(const CLI::App& app, const CLI::App& in, const std::string& typed) {
    const std::string name = option_name(typed);
    const CLI::App& reached = reached_command(app);
    // `retro --tz UTC draft …`: the option is the command's, written before it.
    if (&in == &app && &reached != &app && defines(option_spellings(reached), name))
        return fmt::format("{} is an option of {}: write it after the command ({} {} …)", name, command_path(reached),
                           command_path(reached), name);
    // Compared without dashes, so `-tz` finds `--tz`; shown with them.
    const std::vector<std::string> spellings = option_spellings(in);
    std::vector<std::string> bare;
    for (const std::string& s : spellings) bare.push_back(without_dashes(s));
    std::vector<std::string> close;
    for (const std::string& match : closest_names(without_dashes(name), bare)) {
        for (std::size_t i = 0; i < bare.size(); ++i)
            if (bare[i] == match && (match.size() > 1 || spellings[i].size() == 2)) close.push_back(spellings[i]);
    }
    const std::string where = command_path(in);
    if (!close.empty())
        return fmt::format("{}: unknown option {}; did you mean {}?", where, name, quoted_alternatives(close));
    return fmt::format("{}: unknown option {} (`{} --help` lists the options)", where, name, where);
}

std::optional<std::string> stray_command_word(const CLI::App& app) {
    // The top level takes no positional arguments: a word it was left with was meant as a command, unless
    // an unknown option came first (`retro --tz UTC draft`: UTC is its value).
    const std::vector<std::string> left = app.remaining(false);
    if (left.empty() || left.front().starts_with('-')) return std::nullopt;
    return left.front();
}

}  // namespace

std::string unknown_command_message(const CLI::App& app, std::string_view word) {
    const std::vector<std::string> names = command_names(app);
    const std::vector<std::string> close = closest_names(word, names);
    if (!close.empty()) return fmt::format("unknown command '{}'; did you mean {}?", word, quoted_alternatives(close));
    return fmt::format("unknown command '{}'; the commands are {}", word, listed(names));
}

std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error) {
    if (const auto word = stray_command_word(app)) return unknown_command_message(app, *word);
    // Options left over, the command reached first: its options are the likelier meaning.
    for (const CLI::App* at = &reached_command(app); at != nullptr; at = at->get_parent()) {
        for (const std::string& word : at->remaining(false))
            if (word.starts_with('-') && word != "-" && word != "--") return unknown_option_message(app, *at, word);
    }
    const CLI::App& reached = reached_command(app);
    if (&reached == &app && error.get_name() == "RequiredError")
        return fmt::format("give a command: {} (`retro --help` says what each does)", listed(command_names(app)));
    const std::string path = command_path(reached);
    return fmt::format("{}: {} (`{} --help` lists the options)", path, error.what(), path);
}

}  // namespace retro::cli
