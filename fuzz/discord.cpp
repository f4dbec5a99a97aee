// Fuzz target: bytes → the `discord` ingester's whole path: the document, reply chains and threads, every
// message field, and its detection. Every event must pass fuzz::check_event; no exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_file_bytes = 1 << 20;
    const retro::Ingester& discord = *retro::find_ingester("discord");
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size));
    discord.detect(retro::Probe{input.name, input.head, nullptr});
    discord.ingest(input, {options, diags, sink});
    return 0;
}
