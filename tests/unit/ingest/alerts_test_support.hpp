// Running the alert ingesters in tests: on bytes (as `<stdin>` would be read, through the record framer)
// and on real corpus files (through read_sources, so detection is exercised too).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "ingest/alerts/alert_ingest.hpp"
#include "ingest/event_collector.hpp"
#include "retro/ingest.hpp"
#include "test_support.hpp"

namespace retro::test {

struct AlertRun {
    std::vector<Event> events;  // sorted, duplicates removed
    std::map<std::string, std::uint64_t, std::less<>> dropped;
    std::vector<std::string> diagnostics;  // exact text
    std::uint64_t duplicates = 0;
};

inline AlertRun collect(ingest::EventCollector& sink, const Diagnostics& diags) {
    AlertRun run;
    run.events = sink.take_sorted();  // counts the duplicates it removes
    run.dropped = sink.dropped();
    run.duplicates = sink.duplicates();
    run.diagnostics = texts(diags);
    return run;
}

// Reads `bytes` named `name` with the row of `vendor` (as `KIND:name` would).
inline AlertRun run_alerts(std::string_view bytes, std::string_view vendor,
                           const IngestOptions& options = IngestOptions{}, std::string name = "in.json") {
    auto diags = quiet_diagnostics();
    ingest::EventCollector sink;
    Input input;
    input.name = name;
    input.head = std::string(bytes);
    ingest::alerts::ingest_alert_input(input, {options, diags, sink}, *ingest::alerts::find_alert_vendor(vendor));
    return collect(sink, diags);
}

// Reads SOURCE strings (paths, `KIND:path`) through read_sources.
inline AlertRun run_sources(const std::vector<std::string>& sources, const IngestOptions& options = IngestOptions{}) {
    auto diags = quiet_diagnostics();
    ingest::EventCollector sink;
    read_sources(sources, {options, diags, sink});
    return collect(sink, diags);
}

inline std::vector<std::string> ids(const AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(e.id);
    return out;
}

// The actors' names of a run's events, each once.
inline std::set<std::string> names_of(const AlertRun& run) {
    std::set<std::string> names;
    for (const Event& e : run.events) names.insert(e.actor.name.str());
    return names;
}

// The event with this id; the test fails when there is none.
inline const Event& by_id(const AlertRun& run, std::string_view id) {
    auto it = std::find_if(run.events.begin(), run.events.end(), [&](const Event& e) { return e.id == id; });
    REQUIRE(it != run.events.end());
    return *it;
}

inline std::vector<std::string> times(const AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(format_utc(e.time));
    return out;
}

inline std::vector<std::string> states(const AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(e.alert ? e.alert->state : e.status ? e.status->state : "");
    return out;
}

}  // namespace retro::test
