// Fuzz target: bytes → the `eml` ingester (one message: GMime parsing, charsets, dates, Statuspage mail).
// Every event must pass fuzz::check_event.
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/email/email_ingesters.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size), "fuzz.eml");
    retro::ingest::email::ingest_eml(input, {options, diags, sink});
    return 0;
}
