// `retro completions bash|zsh|fish`: the shell's completion script, written from the command line this
// binary parses (cli/cli_outline.hpp), so it cannot drift from it. Hidden from --help: the package installs
// the scripts (the build writes them into build/completions/), and the README shows how to load them by hand.
#include <array>

#include <fmt/format.h>

#include "cli/cli_outline.hpp"
#include "cli/color.hpp"
#include "cli/commands.hpp"
#include "cli/completion_scripts.hpp"

namespace retro::cli {

namespace {

constexpr std::array shells{
    CompletionShell{"bash", bash_completion},
    CompletionShell{"zsh", zsh_completion},
    CompletionShell{"fish", fish_completion},
};

}  // namespace

std::span<const CompletionShell> completion_shells() {
    return shells;
}

void add_completions_command(CLI::App& app, Runner& run) {
    auto shell = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("completions", "Print the shell completion script for bash, zsh or fish");
    cmd->group("");  // hidden: the package installs the scripts
    std::vector<std::string> names;
    for (const CompletionShell& s : shells) names.emplace_back(s.name);
    cmd->add_option("shell", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember(names));
    add_color_option(*cmd);
    cmd->footer(R"(Examples:
  source <(retro completions bash)
  retro completions zsh > ~/.zfunc/_retro
  retro completions fish | source
)");
    cmd->callback([shell, &app, &run] {
        run = [shell, &app] {
            for (const CompletionShell& s : shells) {
                if (s.name == *shell) fmt::print("{}", s.write(outline_cli(app)));
            }
            return 0;
        };
    });
}

}  // namespace retro::cli
