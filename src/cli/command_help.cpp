// `retro help [COMMAND]`: retro's help, or a command's as `retro COMMAND --help` prints it (as `git help`).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/usage_errors.hpp"
#include "retro/error.hpp"

namespace retro::cli {
namespace {

int print_help(const CLI::App& app, const std::string& name) {
    if (name.empty()) {
        // app.help() would show the help of the command selected, `help` itself.
        fmt::print("{}", app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
        return exit_success;
    }
    const CLI::App* command = nullptr;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (sub->check_name(name)) command = sub;
    if (command == nullptr) throw Error("help: " + unknown_command_message(app, name));
    fmt::print("{}", command->help(app.get_name()));
    return exit_success;
}

}  // namespace

void add_help_command(CLI::App& app, Runner& run) {
    auto name = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("help", "Show retro's help, or a COMMAND's (as retro COMMAND --help)");
    cmd->add_option("command", *name, "The command whose options and examples to show");
    cmd->callback([&app, name, &run] { run = [&app, name] { return print_help(app, *name); }; });
}

}  // namespace retro::cli
