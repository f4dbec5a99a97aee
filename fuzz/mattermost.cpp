// Fuzz target: bytes → the `mattermost` ingester's whole path: JSONL framing, every line type, name and
// channel resolution at the end (with private places read too), and its detection. Every event must pass
// fuzz::check_event; no exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    options.include_private = true;
    const retro::Ingester& mattermost = *retro::find_ingester("mattermost");
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size));
    mattermost.detect(retro::Probe{input.name, input.head, nullptr});
    mattermost.ingest(input, {options, diags, sink});
    return 0;
}
