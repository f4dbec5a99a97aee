// `events`: retro's own `retro.event/1` NDJSON (DESIGN.md), so streams can be merged and re-read.
#include <cstdint>
#include <variant>

#include "core/text_utf8.hpp"
#include "ingest/record_batch_reader.hpp"
#include "ingest/registry_rows.hpp"
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

// Parses one `retro.event/1` line on a worker thread.
struct EventLineWorker {
    void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, BatchSink& sink) {
        if (read_event_json(bytes, origin, diags, sink.start_event())) {
            sink.keep_event();
        } else {
            sink.give_up_event();
            sink.drop("damaged record", 1);
        }
    }
    std::monostate take_extra() { return {}; }
};

// Records are parsed in batches on all cores while this thread frames the next ones.
void ingest_events(Input& input, const IngestContext& context) {
    std::vector<EventLineWorker> workers(worker_count());
    RecordBatchReader<EventLineWorker>(context, workers, std::size_t{1} << 20).read(input);
}

}  // namespace

const Ingester events_ingester{"events", detect_events, ingest_events};

}  // namespace retro::ingest
