// `events`: retro's own `retro.event/1` NDJSON (DESIGN.md), so streams can be merged and re-read.
#include <cstdint>
#include <limits>

#include "core/text_utf8.hpp"
#include "ingest/events/event_batch_parser.hpp"
#include "ingest/registry_rows.hpp"
#include "io/json_records.hpp"

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

std::size_t reported(const Diagnostics& diags) {
    return diags.count(Severity::error) + diags.count(Severity::warning) + diags.count(Severity::note);
}

void ingest_events(Input& input, const IngestContext& context) {
    // Records are parsed in batches on all cores. The framing reader reports into its own Diagnostics: when
    // it complains, the batch before is delivered first, so diagnostics keep the order of the input.
    Diagnostics framing(nullptr, Diagnostics::Format::text, std::numeric_limits<std::size_t>::max());
    io::JsonRecordReader reader(input.name, input.head, input.stream.get(), context.options.limits.max_record_bytes,
                                framing);
    EventBatchParser parser(context, EventBatchParser::default_threads(), std::size_t{4} << 20);
    std::size_t replayed = 0;
    io::JsonRecord record;
    for (;;) {
        const bool more = reader.next(record);
        if (reported(framing) > replayed) {
            parser.flush();
            replayed = reported(framing);
            for (Diagnostic& d : framing.take()) context.diags.report(std::move(d));  // kept nothing: bounded
        }
        if (!more) break;
        parser.add(record.bytes, record.origin);
    }
    parser.flush();
}

}  // namespace

const Ingester events_ingester{"events", detect_events, ingest_events};

}  // namespace retro::ingest
