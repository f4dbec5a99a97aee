// Fuzz target: bytes → JSON record framing → retro.event/1 reader; every event read must pass
// fuzz::check_event (what we write we must read back identically).
#include <cstdint>

#include "fuzz_check.hpp"
#include "io/json_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::io::JsonRecordReader reader("fuzz", retro::fuzz::as_text(data, size), nullptr, 1 << 20, diags);
    retro::io::JsonRecord record;
    while (reader.next(record)) {
        retro::Event event;
        if (retro::read_event_json(record.bytes, record.origin, diags, event)) retro::fuzz::check_event(event);
    }
    return 0;
}
