// retro: reads sources → ingests events → correlates → renders. Each subcommand is one of those paths.
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>
#if defined(RETRO_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_file.hpp"
#include "cli/temp_files.hpp"
#include "retro/error.hpp"
#include "retro/version.hpp"

int main(int argc, char** argv) {
    namespace cli = retro::cli;
    // While TZ is unset, glibc re-reads the default zone (a stat of /etc/localtime) on every mktime(), and
    // libzip converts each entry's DOS time through mktime() when it opens an archive: 73,000 stats per
    // open of a year-long export, one open per reading thread. Naming the same default zone explicitly
    // makes glibc read it once. retro's own zones never come from the C library (`--tz`, TZ, the symlink).
    if (!std::getenv("TZ")) ::setenv("TZ", ":/etc/localtime", 0);
#if defined(RETRO_WITH_MIMALLOC)
    // Linked for its malloc, which replaces glibc's (cmake/dependencies.cmake says why); naming one of its
    // functions keeps the library from being dropped by an --as-needed link.
    static_cast<void>(mi_version());
#endif
    CLI::App app{"retro reconstructs what happened during an outage from Slack exports, alert logs, e-mail and\n"
                 "notes, and drafts the incident retro; retro lint checks retro files in CI."};
    app.name("retro");
    app.set_version_flag("--version", std::string("retro ") + std::string(retro::version));
    app.require_subcommand(1);
    app.footer(R"(Examples:
  retro draft samples/2024-07-25-login/ -o retro.md
  retro lint retro.md
  retro events samples/2024-07-25-login/slack-export.zip samples/2024-07-25-login/alarm-history.json > events.ndjson
  aws cloudwatch describe-alarm-history --alarm-name X | retro events -
  retro timeline --tz Europe/London samples/2025-03-11-checkout/

Run `retro help COMMAND` (or `retro COMMAND --help`) for a command's options and examples.
)");

    cli::CommonOptions common;
    cli::Runner run;
    cli::add_events_command(app, common, run);
    cli::add_timeline_command(app, common, run);
    cli::add_draft_command(app, common, run);
    cli::add_lint_command(app, common, run);
    cli::add_init_command(app, run);
    cli::add_help_command(app, run);
    cli::add_completions_command(app, run);  // last: it writes the scripts from the commands above

    cli::install_signal_cleanup();  // before any output file exists; SIGPIPE becomes EPIPE, handled quietly
    try {
        int status = cli::exit_usage;
        try {
            app.parse(argc, argv);
            if (run) status = run();
        } catch (const CLI::ParseError& e) {
            status = cli::exit_for_parse_error(app, e);
        }
        cli::close_standard_output();  // help, --explain: a full disk or a closed pipe is not success
        return status;
    } catch (const retro::Error& e) {
        std::fflush(stdout);
        fmt::print(stderr, "retro: error: {}\n", e.what());
        return e.exit_code();
    } catch (const std::bad_alloc&) {
        fmt::print(stderr, "retro: error: out of memory\n");
        return cli::exit_failure;
    }
}
