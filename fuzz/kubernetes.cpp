// Fuzz target: bytes → the `kubernetes` ingester's parser (the yaml-cpp adapter, Event lists in JSON or
// YAML, the reason table). Every event must pass fuzz::check_event; no exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/kubernetes/kubernetes_events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    retro::ingest::kubernetes::parse_kubernetes_events(retro::fuzz::as_text(data, size), retro::Origin{"fuzz"},
                                                       {options, diags, sink});
    return 0;
}
