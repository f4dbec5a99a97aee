// Fuzz target: bytes → the `teams` ingester's whole path: JSON record framing, the salvage of cut documents,
// the Graph list, array and single-message forms, field lookup in any case, system events, and the HTML
// bodies through gumbo; and its detection. Every event must pass fuzz::check_event; no exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    const retro::Ingester& teams = *retro::find_ingester("teams");
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size));
    teams.detect(retro::Probe{input.name, input.head, nullptr});
    teams.ingest(input, {options, diags, sink});
    return 0;
}
