// Fuzz target: bytes → one registry row of the Kubernetes resource family, RETRO_FUZZ_ROW (`kubernetes`:
// Event lists; `argocd`: Applications), as a file is read: detection on the head, then the row's ingest
// (the whole-input read, the yaml-cpp adapter, the parser). Every event must pass fuzz::check_event; no
// exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_file_bytes = 1 << 20;
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size));
    const retro::Ingester* row = retro::find_ingester(RETRO_FUZZ_ROW);
    row->detect(retro::Probe{input.name, input.head, nullptr});
    row->ingest(input, {options, diags, sink});
    return 0;
}
