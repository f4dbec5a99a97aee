// Fuzz target: bytes → the `cloudwatch` ingester's whole path: JSON record framing, the alert shape
// dispatcher and every vendor parser it sends objects to (with a json-map field map, so unrecognised
// objects go through json-map too). Every event must pass fuzz::check_event; no exception may escape.
// (Each vendor alone: alert_vendor.cpp.)
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/alerts/alert_ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    options.json_map = {{"time", ".t"}, {"title", ".name"}, {"state", ".s[0]"}};
    retro::Input input = retro::fuzz::memory_input(retro::fuzz::as_text(data, size));
    namespace alerts = retro::ingest::alerts;
    alerts::ingest_alert_input(input, {options, diags, sink}, *alerts::find_alert_vendor("cloudwatch"));
    return 0;
}
