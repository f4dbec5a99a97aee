// Fuzz target: bytes → the `github` ingester's whole path: JSON record framing, the shape dispatch and
// every record reader (pull requests, deployments and statuses, workflow runs, releases), and its
// detection. Every event must pass fuzz::check_event; no exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    const retro::Ingester& github = *retro::find_ingester("github");
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size));
    github.detect(retro::Probe{input.name, input.head, nullptr});
    github.ingest(input, {options, diags, sink});
    return 0;
}
