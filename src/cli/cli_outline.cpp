// Reading the CLI11 definition into an outline (cli/cli_outline.hpp).
#include "cli/cli_outline.hpp"

#include <algorithm>

namespace retro::cli {
namespace {

// A help text without its asides, up to its first full stop or semicolon: "Write to FILE instead of stdout
// (an existing FILE needs --force)" is offered as "Write to FILE instead of stdout".
std::string first_clause(const std::string& help) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < help.size(); ++i) {
        const char c = help[i];
        if (c == '(') {
            if (depth++ == 0 && out.ends_with(' ')) out.pop_back();
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            if (c == '\n' || ((c == ';' || c == '.') && (i + 1 == help.size() || help[i + 1] == ' '))) break;
            out += c;
        }
    }
    return out;
}

// An IsMember check describes itself as "{a,b,c}".
std::vector<std::string> choices_of(CLI::Option& option) {
    for (int i = 0;; ++i) {
        CLI::Validator* validator = nullptr;
        try {
            validator = option.get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        const std::string text = validator->get_description();
        if (text.size() < 2 || text.front() != '{' || text.back() != '}') continue;
        std::vector<std::string> out;
        std::size_t start = 1;
        while (start < text.size()) {
            std::size_t comma = text.find(',', start);
            if (comma == std::string::npos) comma = text.size() - 1;
            if (comma > start) out.push_back(text.substr(start, comma - start));
            start = comma + 1;
        }
        return out;
    }
}

ValueKind value_kind(CLI::Option& option, const std::vector<std::string>& choices) {
    if (option.get_items_expected_max() == 0) return ValueKind::none;
    if (!choices.empty()) return ValueKind::choices;
    const std::string type = option.get_type_name();
    if (type.starts_with("DIR")) return ValueKind::folder;
    if (type.starts_with("FILE") || type.starts_with("PATH") || option.get_positional()) return ValueKind::file;
    return ValueKind::text;
}

OptionOutline outline_option(CLI::Option& option) {
    OptionOutline out;
    for (const std::string& s : option.get_snames()) out.names.push_back("-" + s);
    for (const std::string& l : option.get_lnames()) out.names.push_back("--" + l);
    out.help = first_clause(option.get_description());
    out.choices = choices_of(option);
    out.value = value_kind(option, out.choices);
    out.repeatable = option.get_expected_max() > 1 && option.get_items_expected_max() != 0;
    return out;
}

std::vector<OptionOutline> outline_options(CLI::App& app, CommandOutline* positionals) {
    std::vector<OptionOutline> out;
    for (CLI::Option* option : app.get_options()) {
        if (option->get_group().empty()) continue;  // hidden
        if (option->nonpositional()) {
            out.push_back(outline_option(*option));
        } else if (positionals != nullptr && option->get_positional()) {
            OptionOutline p = outline_option(*option);
            positionals->positional = p.value;
            positionals->positional_choices = p.choices;
        }
    }
    return out;
}

}  // namespace

CliOutline outline_cli(CLI::App& app) {
    CliOutline cli;
    cli.program = app.get_name();
    cli.options = outline_options(app, nullptr);
    for (CLI::App* sub : app.get_subcommands([](CLI::App* s) { return !s->get_group().empty(); })) {
        CommandOutline command;
        command.name = sub->get_name();
        command.help = first_clause(sub->get_description());
        command.options = outline_options(*sub, &command);
        cli.commands.push_back(std::move(command));
    }
    return cli;
}

}  // namespace retro::cli
