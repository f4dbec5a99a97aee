#include "ingest/head_json.hpp"

#include <string>

#include "io/json_records.hpp"

namespace retro::ingest {

std::optional<json::Element> first_head_record(const Probe& probe, json::DomParser& parser) {
    if (probe.tree || probe.head.empty()) return std::nullopt;
    Diagnostics quiet([](const std::string&) {});
    io::JsonRecordReader reader(std::string(probe.name), probe.head, nullptr, probe.head.size() + 1, quiet);
    io::JsonRecord record;
    if (!reader.next(record)) return std::nullopt;
    return parser.parse(record.bytes, record.origin, quiet, "detect");
}

}  // namespace retro::ingest
