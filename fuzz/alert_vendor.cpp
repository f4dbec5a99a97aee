// Fuzz target, one binary per alert vendor: bytes → JSON record framing → the vendor's parser alone, for
// every object (every element of a top-level array) that vendor accepts, as the dispatcher would send it
// with that vendor preferred. RETRO_FUZZ_VENDOR (a string: the row's name, `cloudwatch`, `json-map`…) picks
// the row at compile time. Every event must pass fuzz::check_event; no exception may escape.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_check.hpp"
#include "ingest/alerts/alert_vendors.hpp"
#include "io/json_records.hpp"

#ifndef RETRO_FUZZ_VENDOR
#error "compile with -DRETRO_FUZZ_VENDOR=\"<vendor>\""
#endif

namespace {

using namespace retro::ingest::alerts;
namespace json = retro::json;

const AlertVendor& vendor() {
    static const AlertVendor* row = find_alert_vendor(RETRO_FUZZ_VENDOR);
    if (!row) std::abort();  // RETRO_FUZZ_VENDOR names no row
    return *row;
}

// As the dispatcher would, with this vendor preferred (the row's own `accepts` and `parse`).
void dispatch(json::Element v, const JsonText& text, const std::string& path, AlertContext& ctx) {
    if (v.is_object() && vendor().accepts(v, ctx.options)) vendor().parse(v, text, path, ctx);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = retro::fuzz::as_text(data, size);
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::IngestOptions options;
    // json-map reads these paths (nested members and array steps); the other vendors ignore the map.
    options.json_map = {{"time", ".t"},          {"title", ".name"},  {"state", ".s[0]"}, {"key", ".labels.key"},
                        {"severity", ".a[1].b"}, {"service", ".svc"}, {"id", ".id"},      {"fingerprint", ".fp"}};
    EmbeddedParsers embedded;
    AlertContext ctx{options, diags, sink, embedded};
    json::DomParser parser;
    retro::io::JsonRecordReader reader("fuzz", bytes, nullptr, 1 << 20, diags);
    retro::io::JsonRecord record;
    while (reader.next(record)) {
        auto root = parser.parse(record.bytes, record.origin, diags, "alerts.bad-json");
        if (!root) continue;
        const JsonText text(record.bytes, record.origin);
        json::Array items;
        if (root->get(items)) {
            dispatch(*root, text, "", ctx);
            continue;
        }
        std::size_t i = 0;
        for (json::Element item : items) dispatch(item, text, element_path("", i++), ctx);
    }
    return 0;
}
