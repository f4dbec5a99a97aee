// Fuzz target: bytes → a JSON change family's whole path (record framing, shape dispatch, every record
// reader): `gitlab` by default, or the row RETRO_FUZZ_KIND names (`buildkite`; fuzz/CMakeLists.txt builds
// both from this file). Every event must pass fuzz::check_event; no exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"

#ifndef RETRO_FUZZ_KIND
#define RETRO_FUZZ_KIND "gitlab"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size));
    retro::find_ingester(RETRO_FUZZ_KIND)->ingest(input, {options, diags, sink});
    return 0;
}
