// Converts framed records (NDJSON lines, JSON documents) in batches on worker threads while the reading
// thread frames the next ones, and delivers events, drops and diagnostics in record order: what a run
// reports does not depend on the number of threads or on which batch finished first.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json_dom.hpp"
#include "core/ordered_parallel.hpp"
#include "io/json_records.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest {

// A worker's sink for one batch: drops kept in order, and events handed to the real sink's `prepare` a few
// at a time (a small vector of events, reused, instead of a batch's worth), for the reading thread.
class BatchSink final : public EventSink {
public:
    explicit BatchSink(const EventSink& target) : m_target(target) { m_events.reserve(chunk_events); }
    void add(Event&& event) override {
        assert(!m_filling);
        m_events.push_back(std::move(event));
        if (m_events.size() >= chunk_events) prepare_events();
    }
    // For a worker that reads an event field by field: an empty event in the batch, to be filled where it
    // stands (no event made elsewhere, moved in and destroyed), then kept or given up. Nothing else may
    // be added in between.
    Event& start_event() {
        assert(!m_filling);
        m_filling = true;
        return m_events.emplace_back();
    }
    void keep_event() {
        assert(m_filling);
        m_filling = false;
        if (m_events.size() >= chunk_events) prepare_events();
    }
    void give_up_event() {
        assert(m_filling);
        m_filling = false;
        m_events.pop_back();
    }
    void drop(std::string_view reason, std::uint64_t count) override { m_drops.emplace_back(reason, count); }
    std::vector<std::unique_ptr<PreparedEvents>> take_prepared() {
        prepare_events();
        return std::exchange(m_prepared, {});
    }
    std::vector<std::pair<std::string, std::uint64_t>> take_drops() { return std::exchange(m_drops, {}); }

private:
    static constexpr std::size_t chunk_events = 256;
    void prepare_events() {
        if (m_events.empty()) return;
        m_prepared.push_back(m_target.prepare(std::move(m_events)));
        m_events.clear();
        m_events.reserve(chunk_events);  // filled to this size again: no growth by doubling, no moves
    }
    const EventSink& m_target;
    std::vector<Event> m_events;
    std::vector<std::unique_ptr<PreparedEvents>> m_prepared;
    std::vector<std::pair<std::string, std::uint64_t>> m_drops;
    bool m_filling = false;  // an event started and neither kept nor given up (checked in debug builds)
};

// Workers convert records; `Worker` is one thread's converter, used by that thread only:
//   void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, BatchSink& sink);
//   (or taking `EventSink&`: a worker that builds its events adds them; one that reads an event field by field
//   fills it in place with BatchSink::start_event)
//   (given a json::PaddedText when the batch has room after its last record, which it usually has: a worker
//   that takes one parses the record in place)
//   Extra take_extra();  // anything else one batch found (say, shapes counted), handed over in order
template <class Worker>
class RecordBatchReader {
public:
    using Extra = decltype(std::declval<Worker&>().take_extra());

    // One thread per worker converts batches of at least `batch_bytes`; with a single worker, everything
    // happens on the calling thread. `take_extra` receives each batch's extra on the calling thread.
    RecordBatchReader(const IngestContext& context, std::vector<Worker>& workers, std::size_t batch_bytes,
                      std::function<void(Extra&&)> take_extra = {})
        : m_context(context),
          m_workers(workers),
          m_batch_bytes(batch_bytes),
          m_take_extra(std::move(take_extra)),
          m_pipeline(
              workers.size() > 1 ? workers.size() : 0, workers.size() + 2,
              [this](std::size_t worker, Batch& batch) { return convert(m_workers[worker], batch); },
              [this](Converted&& converted) { deliver(std::move(converted)); }) {}

    // Queues one record (copied); hands the batch to a worker once it is full. A batch names its input once:
    // a record from another input starts a new batch.
    void add(std::string_view bytes, const Origin& origin) {
        if (!m_batch.records.empty() && origin.name != m_batch.name) submit();
        if (m_batch.records.empty()) {
            m_batch.name = origin.name;
            m_batch.bytes.reserve(m_batch_bytes + std::min(bytes.size(), m_batch_bytes) + read_padding);
        }
        m_batch.records.push_back({m_batch.bytes.size(), bytes.size(), origin.line, origin.column});
        m_batch.bytes.append(bytes);
        if (m_batch.bytes.size() >= m_batch_bytes) submit();
    }

    // Frames every record of `input` (io::JsonRecordReader: NDJSON lines or JSON documents) and converts
    // them. The framing reader's own complaints wait until the batches before them are delivered, so
    // diagnostics keep the order of the input.
    void read(Input& input) {
        Diagnostics framing(nullptr, Diagnostics::Format::text, std::numeric_limits<std::size_t>::max());
        io::JsonRecordReader reader(input.name, input.head, input.stream.get(),
                                    m_context.options.limits.max_record_bytes, framing);
        std::size_t relayed = 0;
        io::JsonRecord record;
        for (;;) {
            const bool more = reader.next(record);
            if (framing.total() > relayed) {
                flush();
                relayed = framing.total();
                for (Diagnostic& d : framing.take()) m_context.diags.report(std::move(d));  // kept nothing: bounded
            }
            if (!more) break;
            add(record.bytes, record.origin);
        }
        flush();
    }

    // Converts everything queued and delivers it: afterwards the sink and the run's diagnostics have seen
    // every record added so far (call it before reporting anything of your own, to keep the order).
    void flush() {
        submit();
        m_pipeline.finish();
    }

private:
    struct Record {
        std::size_t offset, size;
        std::uint64_t line, column;
    };
    struct Batch {
        std::string name;  // of the input every record of the batch comes from
        std::string bytes;
        std::vector<Record> records;
    };
    struct Converted {
        std::vector<Diagnostic> diags;
        std::vector<std::pair<std::string, std::uint64_t>> drops;
        std::vector<std::unique_ptr<PreparedEvents>> events;
        Extra extra;
    };

    void submit() {
        if (m_batch.records.empty()) return;
        m_pipeline.submit(std::exchange(m_batch, {}));
    }

    // On a worker.
    Converted convert(Worker& worker, const Batch& batch) const {
        Diagnostics diags(nullptr, Diagnostics::Format::text, std::numeric_limits<std::size_t>::max());
        BatchSink sink(m_context.sink);
        Origin origin{batch.name, 0, 0};
        // Every record but the last is followed by the next ones, and all by the room left, when there is.
        for (const Record& r : batch.records) {
            origin.line = r.line;
            origin.column = r.column;
            if (auto padded = json::PaddedText::in(batch.bytes, r.offset, r.size))
                worker.parse(*padded, origin, diags, sink);
            else
                worker.parse(std::string_view(batch.bytes).substr(r.offset, r.size), origin, diags, sink);
        }
        return Converted{diags.take(), sink.take_drops(), sink.take_prepared(), worker.take_extra()};
    }

    // On the calling thread, in batch order.
    void deliver(Converted&& converted) {
        for (Diagnostic& d : converted.diags) m_context.diags.report(std::move(d));
        for (const auto& [reason, count] : converted.drops) m_context.sink.drop(reason, count);
        for (auto& events : converted.events) m_context.sink.add_prepared(std::move(events));
        if (m_take_extra) m_take_extra(std::move(converted.extra));
    }

    IngestContext m_context;  // references only: copied
    std::vector<Worker>& m_workers;
    std::size_t m_batch_bytes;
    std::function<void(Extra&&)> m_take_extra;
    Batch m_batch;
    OrderedPipeline<Batch, Converted> m_pipeline;  // last: its threads stop before the members they use go
};

}  // namespace retro::ingest
