// The read → collect → correlate steps of `timeline` and `draft` (cli/correlate_sources.hpp). This composes
// stages with the session's settings, which are the CLI's (config, options, diagnostics), so it lives here.
#include "cli/correlate_sources.hpp"

#include <fmt/format.h>

#include "cli/correlate_options.hpp"
#include "cli/progress_line.hpp"
#include "core/keep_until_exit.hpp"
#include "ingest/event_collector.hpp"

namespace retro::cli {

Timeline correlate_sources(const std::vector<std::string>& sources, Session& session, std::size_t incident) {
    CorrelateOptions options = correlate_options(session, incident);
    // Change sources that read a history (git) start at the lead-up before --from: the correlator weighs
    // the changes made then.
    if (session.ingest.from) session.ingest.history_from = *session.ingest.from - options.lead_up;
    ingest::EventCollector collector;
    ProgressLine progress;  // erased when the timeline is made, before anything is written
    read_sources(sources, {session.ingest, session.diags, collector, &progress});
    auto events = collector.take_sorted(&session.diags);  // counts the duplicates as it removes them
    progress.stage(fmt::format("correlating {} events", events.size()));
    auto not_events = collector.dropped();
    if (collector.duplicates()) not_events["duplicate id (the same record read twice)"] += collector.duplicates();
    // The window is the correlator's: --from/--until go to it, not to ingest, so events outside are counted.
    Timeline timeline = correlate_keeping(events, options, not_events, session.diags);
    keep_until_exit(std::move(events));  // the command ends soon after: its exit frees them at once
    return timeline;
}

}  // namespace retro::cli
