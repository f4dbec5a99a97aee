// Completion scripts from the CLI11 definition (cli/cli_outline.hpp, cli/completion_scripts.hpp): what the
// outline reads from an App, and that each shell's script offers it.
#include <catch2/catch.hpp>

#include "cli/cli_outline.hpp"
#include "cli/completion_scripts.hpp"

using namespace retro::cli;

namespace {

struct Fixture {
    CLI::App app{"test program"};
    std::vector<std::string> sources, channels;
    std::string format, config, folder, tz;
    bool strict = false;

    Fixture() {
        app.name("tool");
        app.set_version_flag("--version", "1");
        CLI::App* run = app.add_subcommand("run", "Run it (on sources); more words");
        run->add_option("sources", sources, "Files");
        run->add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
        run->add_option("-c,--config", config, "Read this config")->type_name("FILE");
        run->add_option("--tz", tz, "A zone");
        run->add_option("--channel", channels, "Only these channels");
        run->add_flag("--strict", strict, "Exit 1 on damage");
        CLI::App* init = app.add_subcommand("init", "Start a folder");
        init->add_option("folder", folder, "Where")->type_name("DIR");
        app.add_subcommand("secret", "Hidden")->group("");
    }
};

const OptionOutline& option_named(const CommandOutline& c, const std::string& name) {
    for (const OptionOutline& o : c.options)
        for (const std::string& n : o.names)
            if (n == name) return o;
    FAIL("no option " << name);
    throw;
}

}  // namespace

TEST_CASE("the outline lists visible commands, options, their values and choices") {
    Fixture f;
    const CliOutline cli = outline_cli(f.app);
    CHECK(cli.program == "tool");
    REQUIRE(cli.commands.size() == 2);  // `secret` is hidden
    const CommandOutline& run = cli.commands[0];
    CHECK(run.name == "run");
    CHECK(run.help == "Run it");
    CHECK(run.positional == ValueKind::file);
    CHECK(option_named(run, "--format").value == ValueKind::choices);
    CHECK(option_named(run, "--format").choices == std::vector<std::string>{"text", "json"});
    CHECK(option_named(run, "--config").names == std::vector<std::string>{"-c", "--config"});
    CHECK(option_named(run, "--config").value == ValueKind::file);
    CHECK(option_named(run, "--tz").value == ValueKind::text);
    CHECK(option_named(run, "--channel").repeatable);
    CHECK(option_named(run, "--strict").value == ValueKind::none);
    CHECK(option_named(run, "--help").value == ValueKind::none);
    CHECK(cli.commands[1].positional == ValueKind::folder);
    bool has_version = false;
    for (const OptionOutline& o : cli.options)
        has_version = has_version || o.names == std::vector<std::string>{"--version"};
    CHECK(has_version);
}

TEST_CASE("each shell's script names the commands, options and choices") {
    Fixture f;
    const CliOutline cli = outline_cli(f.app);
    const std::string bash = bash_completion(cli);
    CHECK(bash.find("complete -F _tool tool") != std::string::npos);
    CHECK(bash.find("run|init)") != std::string::npos);
    CHECK(bash.find("--format) COMPREPLY=($(compgen -W \"text json\" -- \"$cur\"))") != std::string::npos);
    CHECK(bash.find("-c|--config) _tool_paths -f") != std::string::npos);
    CHECK(bash.find("secret") == std::string::npos);

    const std::string zsh = zsh_completion(cli);
    CHECK(zsh.starts_with("#compdef tool\n"));
    CHECK(zsh.find("'run:Run it'") != std::string::npos);
    CHECK(zsh.find("'--format=[Output format]:arg:(text json)'") != std::string::npos);
    CHECK(zsh.find("'(-c --config)'{-c+,--config=}'[Read this config]:arg:_files'") != std::string::npos);
    CHECK(zsh.find("'*--channel=[Only these channels]:value: '") != std::string::npos);

    const std::string fish = fish_completion(cli);
    CHECK(fish.find("complete -c tool -n __fish_use_subcommand -a run -d 'Run it'") != std::string::npos);
    CHECK(fish.find("complete -c tool -n '__fish_seen_subcommand_from run' -l format -x -a 'text json'") !=
          std::string::npos);
    CHECK(fish.find("-s c -l config -r -F") != std::string::npos);
}
