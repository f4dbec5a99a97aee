// Fuzz target: bytes → the `mbox` ingester (mbox splitting, GMime message parsing, threads, duplicate
// Message-IDs). Every event must pass fuzz::check_event.
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/email/email_ingesters.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size), "fuzz.mbox");
    retro::ingest::email::ingest_mbox(input, {options, diags, sink});
    return 0;
}
