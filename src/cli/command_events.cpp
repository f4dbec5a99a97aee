// `retro events SOURCE…`: every source normalised into one `retro.event/1` NDJSON stream, sorted by
// (time, source kind, id) with the id rule applied (ingest/id_collisions.hpp: identical records once, same
// id and different content renamed); `--unsorted` streams in input order instead, in constant memory (and
// without the id rule).
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/output_file.hpp"
#include "cli/progress_line.hpp"
#include "ingest/line_collector.hpp"
#include "render/event_formats.hpp"

namespace retro::cli {

namespace {

struct EventsOptions {
    std::vector<std::string> sources;
    OutputOptions output;
    std::string format = "ndjson";
    bool unsorted = false;
    bool no_redact = false;
};

// How events are written: the chosen row of render::event_formats(), and what its writer needs.
struct EventFormat {
    const render::EventFormat& row;
    render::EventWriteOptions options;
};

// One event in the chosen format. Called on reader workers.
void write_event(const Event& event, const EventFormat& format, std::string& out) {
    format.row.write(event, format.options, out);
}

// Writes each event as it arrives.
class StreamingSink final : public EventSink {
public:
    StreamingSink(OutputFile& out, const EventFormat& format) : m_out(out), m_format(format) {}
    void add(Event&& event) override {
        write_event(event, m_format, m_out.buffer());
        m_out.flush_if_large();
    }
    void drop(std::string_view, std::uint64_t) override {}

    // Lines written on a reader's worker; this thread only copies them out.
    struct Lines final : PreparedEvents {
        std::string text;
    };
    std::unique_ptr<PreparedEvents> prepare(std::vector<Event>&& events) const override {
        auto lines = std::make_unique<Lines>();
        for (const Event& e : events) write_event(e, m_format, lines->text);
        events.clear();
        return lines;
    }
    void add_prepared(std::unique_ptr<PreparedEvents> batch) override {
        m_out.buffer().append(static_cast<const Lines&>(*batch).text);
        m_out.flush_if_large();
    }

private:
    OutputFile& m_out;
    const EventFormat& m_format;
};

int run_events(const EventsOptions& eo, const CommonOptions& common) {
    auto session = open_session(common, eo.sources);
    const EventFormat format{chosen_format(render::event_formats(), eo.format),
                             {!eo.no_redact && session->config.render.redact.value_or(true), &session->config.people}};
    OutputFile out({eo.output.path, eo.output.force, eo.sources});
    ProgressLine progress;
    if (eo.unsorted) {
        // Streamed events printed to the same terminal would land in the middle of the progress line.
        const bool output_on_terminal = eo.output.path.empty() && ::isatty(STDOUT_FILENO) == 1;
        StreamingSink sink(out, format);
        read_sources(eo.sources, {session->ingest, session->diags, sink, output_on_terminal ? nullptr : &progress});
    } else {
        // Events are kept as their output lines with a small sort key, the window applied before storing.
        ingest::LineCollector collector(
            [&format](const Event& event, std::string& line) { write_event(event, format, line); },
            session->ingest.from, session->ingest.until, format.row.lines_are_events);
        read_sources(eo.sources, {session->ingest, session->diags, collector, &progress});
        progress.finish();
        collector.write_sorted([&out](std::span<const std::string_view> lines) { out.write_gathered(lines); },
                               &session->diags);
    }
    progress.finish();
    out.close();
    return finish_session(*session, common);
}

}  // namespace

void add_events_command(CLI::App& app, CommonOptions& common, Runner& run) {
    auto options = std::make_shared<EventsOptions>();
    CLI::App* cmd = app.add_subcommand("events", "Normalise sources into one retro.event/1 NDJSON stream");
    cmd->add_option("sources", options->sources, "Files, folders, archives, or - for stdin (KIND:PATH forces a kind)")
        ->required();
    add_output_options(*cmd, options->output);
    add_format_option(*cmd, options->format, render::event_formats());
    cmd->add_flag("--no-redact", options->no_redact,
                  "Timesketch JSONL: keep tokens, passwords, e-mail addresses and phone numbers");
    cmd->add_flag("--unsorted", options->unsorted, "Stream events in input order, in constant memory");
    add_common_options(*cmd, common);
    add_git_ref_option(*cmd, common);
    cmd->footer(R"(Examples:
  retro events samples/2024-07-25-login/
  aws cloudwatch describe-alarm-history --alarm-name X | retro events -
  retro events --tz Europe/London samples/2024-07-25-login/notes.md -o events.ndjson
  retro events samples/events/seed-incident.ndjson samples/2024-07-25-login/sns-copies.ndjson | retro events -
  retro events --format timesketch samples/2024-07-25-login/ -o timesketch.jsonl
)");
    cmd->callback([options, &common, &run] { run = [options, &common] { return run_events(*options, common); }; });
}

}  // namespace retro::cli
