// Running the `github` ingester in tests: on bytes (as a forced `github:` file would be read) and on real
// corpus files (through read_sources, so detection is exercised too).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alerts_test_support.hpp"

namespace retro::test {

// Reads `bytes` named `name` with the `github` row.
inline AlertRun run_github(std::string_view bytes, std::string name = "in.json") {
    auto diags = quiet_diagnostics();
    ingest::EventCollector sink;
    Input input;
    input.name = std::move(name);
    input.head = std::string(bytes);
    find_ingester("github")->ingest(input, {IngestOptions{}, diags, sink});
    return collect(sink, diags);
}

// The detection score of the `github` row on `head`.
inline int github_score(std::string_view head, std::string_view name = "in.json") {
    return find_ingester("github")->detect(Probe{name, head, nullptr});
}

inline std::vector<std::string> texts_of(const AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(e.text);
    return out;
}

}  // namespace retro::test
