// Fuzz target: bytes → the `msg` ingester (an Outlook .msg: libgsf's OLE2 reader on the bytes in memory,
// MAPI properties, transport headers through GMime, the e-mail event). Every event must pass
// fuzz::check_event.
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/email/msg_ingester.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size), "fuzz.msg");
    retro::ingest::email::ingest_msg(input, {options, diags, sink});
    return 0;
}
