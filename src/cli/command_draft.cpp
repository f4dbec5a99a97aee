// `retro draft SOURCE…`: ingest, correlate, and write the Markdown retro in the house style (DESIGN.md
// "The retro document"). `--update FILE` merges the machine-written regions of an existing draft with a fresh
// one (`--diff` shows the change instead); `-o FILE` refuses to replace a file without `--force`. What was redacted is
// summarised on stderr.
#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/correlate_sources.hpp"
#include "cli/output_file.hpp"
#include "core/text_utf8.hpp"
#include "io/byte_streams.hpp"
#include "io/open_input.hpp"
#include "render/draft.hpp"
#include "render/line_diff.hpp"
#include "retro/error.hpp"
#include "retrodoc/markdown_outline.hpp"

namespace retro::cli {

namespace {

struct DraftCommandOptions {
    std::vector<std::string> sources;
    OutputOptions output;
    std::string update;
    bool diff = false;
    std::string title;
    std::string retro_held;
    bool no_redact = false;
    bool chart = false;
    std::size_t incident = 0;
};

// --retro-held as written (a date), else SOURCE_DATE_EPOCH's local date (DESIGN.md "Determinism"), else "":
// the draft then holds a prompt, since the retro meeting has not been held when the draft is written.
std::string retro_held_date(const std::string& option, const TimeZone& tz) {
    if (!option.empty()) {
        const std::optional<LocalDateTime> d = parse_iso8601_local(option);
        if (!d || option.size() != 10 || !is_valid_date(d->year, d->month, d->day))
            throw Error(fmt::format("--retro-held {}: expected a date like 2024-07-26", option));
        return option;
    }
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        const std::optional<Instant> t = parse_epoch(epoch, EpochUnit::seconds);
        if (!t) throw Error(fmt::format("SOURCE_DATE_EPOCH={}: expected whole seconds since 1970", epoch));
        return format_local_date(*t, tz);
    }
    return {};
}

std::string read_draft(const std::string& path, Diagnostics& diags) {
    Input input = io::open_input(path);
    std::string bytes;
    if (!io::read_all(input, bytes, retrodoc::max_markdown_bytes, diags))
        throw Error(fmt::format("{}: cannot read the draft to update", path));
    return bytes;
}

// `-o FILE`, else the draft being updated (replacing it is what --update asks for; --diff only shows the
// change), else stdout.
OutputRequest output_request(const DraftCommandOptions& dco) {
    if (!dco.update.empty() && dco.output.path.empty() && !dco.diff) return {dco.update, true, dco.sources};
    return {dco.output.path, dco.output.force, dco.sources};
}

// A window with nothing in it has no retro to draft: say so instead of drafting an empty incident.
void require_events(const Timeline& timeline, const CommonOptions& common, const Session& session) {
    if (!timeline.entries.empty()) return;
    if (session.ingest.from || session.ingest.until)
        throw Error(fmt::format("no events between {} and {}; nothing to draft",
                                common.from.empty() ? "the start" : common.from,
                                common.until.empty() ? "the end" : common.until));
    throw Error("no events in the sources; nothing to draft");
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

int run_draft(const DraftCommandOptions& dco, const CommonOptions& common) {
    auto session = open_session(common, dco.sources);
    // Read the draft to update first: a missing file should fail before any work.
    const std::string existing = dco.update.empty() ? std::string() : read_draft(dco.update, session->diags);
    OutputFile out(output_request(dco));  // refuses a target it may not replace before any work

    const Timeline timeline = correlate_sources(dco.sources, *session, dco.incident);
    require_events(timeline, common, *session);

    render::DraftOptions options;
    options.title = dco.title;
    options.tz = session->tz;
    options.retro_held = retro_held_date(dco.retro_held, session->tz);
    options.redact = !dco.no_redact && session->config.render.redact.value_or(true);
    options.people = session->config.people;
    // A draft that has a chart keeps it up to date without --chart being given again.
    options.chart = dco.chart || render::has_draft_region(existing, render::chart_region);
    render::Draft draft = render::render_draft(timeline, options);

    std::string text = std::move(draft.markdown);
    bool conflicts = false;
    if (!dco.update.empty()) {
        render::DraftUpdate u = render::update_draft(existing, text);
        if (!u.error.empty()) throw Error(fmt::format("{}: {}", dco.update, u.error));
        for (const render::RegionLine& r : u.rewritten) {
            session->diags.note("draft.no-base", Location{dco.update, r.line, 1},
                                fmt::format("region '{}' records no base (a draft from an older retro): rewritten "
                                            "whole, edits inside it replaced",
                                            r.region));
        }
        for (const render::RegionLine& c : u.conflicts) {
            session->diags.warning("draft.conflict", Location{dco.update, c.line, 1},
                                   fmt::format("region '{}': your edit and the new draft changed the same lines; keep "
                                               "what is right between <<<<<<< and >>>>>>> and delete the markers",
                                               c.region));
        }
        conflicts = !u.conflicts.empty();
        std::vector<std::string> rewritten;
        for (const render::RegionLine& r : u.rewritten) rewritten.push_back(r.region);
        std::string done = u.merged.empty() ? "" : "merged " + join(u.merged);
        if (!rewritten.empty()) done += (done.empty() ? "rewrote " : "; rewrote ") + join(rewritten);
        if (!u.added.empty()) done += (done.empty() ? "added " : "; added ") + join(u.added);
        fmt::print(stderr, "retro: {}: {}{}\n", dco.update, done.empty() ? "changed nothing" : done,
                   u.absent.empty() ? "" : fmt::format(" (kept out, no longer in the file: {})", join(u.absent)));
        text = dco.diff ? render::unified_diff(existing, u.text, dco.update, dco.update)  // shown, not written
                        : std::move(u.text);
    }
    out.write(text);
    out.close();
    if (const std::string summary = render::redaction_summary(draft.redacted); !summary.empty()) {
        fmt::print(stderr, "{}\n", summary);
    }
    const int status = finish_session(*session, common);
    return common.strict && conflicts ? std::max(status, 1) : status;
}

}  // namespace

void add_draft_command(CLI::App& app, CommonOptions& common, Runner& run) {
    auto options = std::make_shared<DraftCommandOptions>();
    CLI::App* cmd = app.add_subcommand("draft", "Write the incident retro draft in Markdown, ready to finish by hand");
    cmd->add_option("sources", options->sources, "Files, folders, archives, or - for stdin (KIND:PATH forces a kind)")
        ->required();
    CLI::Option* output = add_output_options(*cmd, options->output);
    CLI::Option* update =
        cmd->add_option("--update", options->update,
                        "Merge new events into the machine-written regions of the draft FILE, as git merges, keeping "
                        "what people wrote there and elsewhere; lines both changed become a <<<<<<< conflict block "
                        "(a warning; exit 1 under --strict)")
            ->type_name("FILE");
    cmd->add_flag("--diff", options->diff, "With --update: print the change as a unified diff instead of writing it")
        ->needs(update)
        ->excludes(output);
    cmd->add_option("--title", options->title, "The incident's title (default: named from its alerts or thread)");
    cmd->add_option("--retro-held", options->retro_held,
                    "The date of the retro meeting (default: SOURCE_DATE_EPOCH's date, else a prompt to fill in)");
    cmd->add_flag("--chart", options->chart,
                  "Add a Mermaid gantt chart of the alerts, changes, people and milestones under the Timeline "
                  "heading (GitHub draws it); --update keeps a draft's chart up to date");
    cmd->add_flag("--no-redact", options->no_redact, "Keep tokens, passwords, e-mail addresses and phone numbers");
    cmd->add_option("--incident", options->incident, "Use incident cluster N (see retro timeline --list-incidents)")
        ->check(CLI::PositiveNumber);
    add_common_options(*cmd, common);
    add_git_ref_option(*cmd, common);
    cmd->footer(R"(Examples:
  retro draft samples/2024-07-25-login/
  retro draft --tz Europe/London samples/2024-07-25-login/ -o retro.md
  retro draft --update retro.md samples/2024-07-25-login/
  retro draft --update retro.md --diff samples/2024-07-25-login/
  retro draft --title "checkout fails" --retro-held 2025-03-12 samples/2025-03-11-checkout/ -o retro.md --force
)");
    cmd->callback([options, &common, &run] { run = [options, &common] { return run_draft(*options, common); }; });
}

}  // namespace retro::cli
