// Fuzz target: bytes → JSON record framing → retro.event/1 reader → writer, checking the round trip.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/json_records.hpp"
#include "retro/event_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    retro::Diagnostics diags([](const std::string&) {});
    retro::io::JsonRecordReader reader("fuzz", bytes, nullptr, 1 << 20, diags);
    retro::io::JsonRecord record;
    while (reader.next(record)) {
        retro::Event event;
        if (!retro::read_event_json(record.bytes, record.origin, diags, event)) continue;
        // What we write we must read back identically.
        const std::string line = retro::to_json_line(event);
        retro::Event again;
        if (!retro::read_event_json(line, {"again"}, diags, again) || retro::to_json_line(again) != line) std::abort();
    }
    return 0;
}
