// `events`: retro's own `retro.event/1` NDJSON (DESIGN.md), so streams can be merged and re-read.
#include "core/text_utf8.hpp"
#include "ingest/registry_rows.hpp"
#include "io/json_records.hpp"
#include "retro/event_json.hpp"

namespace retro::ingest {

namespace {

int detect_events(const Probe& probe) {
    if (probe.tree) return 0;
    std::string_view head = probe.head;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    head = trim(head.substr(0, 4096));
    if (head.empty() || head.front() != '{') return 0;
    // Our own writer puts "schema" first with no spaces; tolerate reformatted streams too.
    const std::size_t key = head.find("\"schema\"");
    if (key == std::string_view::npos) return 0;
    const std::size_t value = head.find("\"retro.event/1\"", key);
    return value != std::string_view::npos && value - key < 16 ? 100 : 0;
}

void ingest_events(Input& input, const IngestContext& context) {
    io::JsonRecordReader reader(input.name, input.head, input.stream.get(), context.options.limits.max_record_bytes,
                                context.diags);
    io::JsonRecord record;
    while (reader.next(record)) {
        Event event;
        if (read_event_json(record.bytes, record.origin, context.diags, event)) {
            context.sink.add(std::move(event));
        } else {
            context.sink.drop("damaged record");
        }
    }
}

}  // namespace

const Ingester events_ingester{"events", detect_events, ingest_events};

}  // namespace retro::ingest
