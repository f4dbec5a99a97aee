// `retro timeline SOURCE…`: ingest, correlate (DESIGN.md "Correlation") and print the timeline as text or
// JSON; `--stats` adds the ledger, `--list-incidents` lists the clusters instead, `--incident N` picks one.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/correlate_sources.hpp"
#include "cli/format_option.hpp"
#include "cli/output_file.hpp"
#include "render/redaction.hpp"
#include "render/timeline_formats.hpp"
#include "retro/error.hpp"
#include "retro/timeline.hpp"

namespace retro::cli {

namespace {

struct TimelineOptions {
    std::vector<std::string> sources;
    OutputOptions output;
    std::string format = "text";
    bool stats = false;
    bool list_incidents = false;
    bool no_redact = false;
    std::size_t incident = 0;
};

int run_timeline(const TimelineOptions& to, const CommonOptions& common) {
    auto session = open_session(common, to.sources);
    OutputFile out({to.output.path, to.output.force, to.sources});
    Timeline timeline = correlate_sources(to.sources, *session, to.incident);
    if (to.incident && to.incident > timeline.clusters.size())
        throw Error(fmt::format("--incident {}: there {} {} incident cluster{} (see --list-incidents)", to.incident,
                                timeline.clusters.size() == 1 ? "is" : "are", timeline.clusters.size(),
                                timeline.clusters.size() == 1 ? "" : "s"));
    const bool redact = !to.no_redact && session->config.render.redact.value_or(true);
    render::RedactionCounts redacted;
    if (redact) timeline = render::redact_timeline(std::move(timeline), session->config.people, redacted);
    out.buffer() += chosen_format(render::timeline_formats(), to.format)
                        .render(timeline, {session->tz, to.list_incidents, to.stats});
    out.close();
    if (const std::string summary = render::redaction_summary(redacted); !summary.empty()) {
        fmt::print(stderr, "{}\n", summary);
    }
    return finish_session(*session, common);
}

}  // namespace

void add_timeline_command(CLI::App& app, CommonOptions& common, Runner& run) {
    auto options = std::make_shared<TimelineOptions>();
    CLI::App* cmd = app.add_subcommand("timeline", "Correlate sources and print the incident timeline");
    cmd->add_option("sources", options->sources, "Files, folders, archives, or - for stdin (KIND:PATH forces a kind)")
        ->required();
    add_output_options(*cmd, options->output);
    add_format_option(*cmd, options->format, render::timeline_formats());
    cmd->add_flag("--stats", options->stats, "Also print the ledger: where every input event went");
    cmd->add_flag("--list-incidents", options->list_incidents, "List the incident clusters instead of the timeline");
    cmd->add_option("--incident", options->incident,
                    "Use incident cluster N (1-based, as --list-incidents numbers them)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--no-redact", options->no_redact, "Keep tokens, passwords, e-mail addresses and phone numbers");
    add_common_options(*cmd, common);
    add_git_ref_option(*cmd, common);
    cmd->footer(R"(Examples:
  retro timeline samples/2024-07-25-login/
  retro timeline --stats samples/2024-07-25-login/slack-export.zip samples/2024-07-25-login/alarm-history.json
  retro timeline --list-incidents samples/events/seed-incident.ndjson
  retro timeline --incident 1 --format json samples/2025-03-11-checkout/
  retro timeline --from 2024-07-25T10:00 --until 2024-07-25T14:00 --tz Europe/London samples/2024-07-25-login/
)");
    cmd->callback([options, &common, &run] { run = [options, &common] { return run_timeline(*options, common); }; });
}

}  // namespace retro::cli
