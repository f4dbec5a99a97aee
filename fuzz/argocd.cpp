// Fuzz target: bytes → the `argocd` ingester's parser (the yaml-cpp adapter, Applications in YAML or JSON,
// history and operation). Every event must pass fuzz::check_event; no exception may escape.
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/argocd/argocd_application.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    retro::ingest::argocd::parse_argocd_applications(retro::fuzz::as_text(data, size), retro::Origin{"fuzz"},
                                                     {options, diags, sink});
    return 0;
}
