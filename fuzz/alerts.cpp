// Fuzz target: bytes → JSON record framing → the alert shape dispatcher and every vendor parser (with a
// json-map field map, so unrecognised objects go through json-map too). Every event must be valid UTF-8
// and survive the event writer/reader round trip; no exception may escape.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text_utf8.hpp"
#include "ingest/alerts/alert_ingest.hpp"
#include "io/json_records.hpp"
#include "retro/event_json.hpp"

namespace {

class CheckingSink final : public retro::EventSink {
public:
    explicit CheckingSink(retro::Diagnostics& diags) : m_diags(diags) {}
    void add(retro::Event&& event) override {
        if (!retro::is_valid_utf8(event.text) || event.id.empty()) std::abort();
        const std::string line = retro::to_json_line(event);
        retro::Event again;
        if (!retro::read_event_json(line, {"again"}, m_diags, again) || retro::to_json_line(again) != line)
            std::abort();
    }
    void drop(std::string_view, std::uint64_t) override {}

private:
    retro::Diagnostics& m_diags;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    retro::Diagnostics diags([](const std::string&) {});
    CheckingSink sink(diags);
    retro::IngestOptions options;
    options.json_map = {{"time", ".t"}, {"title", ".name"}, {"state", ".s[0]"}};
    retro::io::JsonRecordReader reader("fuzz", bytes, nullptr, 1 << 20, diags);
    retro::ingest::alerts::AlertRecordParser parser(options, diags, sink, retro::ingest::alerts::Vendor::cloudwatch);
    retro::io::JsonRecord record;
    while (reader.next(record)) parser.parse(record.bytes, record.origin);
    parser.finish();
    return 0;
}
