// Parses `retro.event/1` records in batches on several threads, delivering events, drops and diagnostics
// in record order: the result is the same as parsing one record after another.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "retro/ingest.hpp"

namespace retro::ingest {

class EventBatchParser {
public:
    // `threads` ≥ 1 parse each batch; a batch is parsed once it holds `batch_bytes` of records.
    EventBatchParser(const IngestContext& context, std::size_t threads, std::size_t batch_bytes);

    // Queues one record (copied); parses the batch when it is full.
    void add(std::string_view bytes, const Origin& origin);
    // Parses what is queued and hands its events to the sink and its diagnostics on, in record order.
    void flush();

    // The threads to use by default: the machine's cores, at most four.
    static std::size_t default_threads();

private:
    struct Queued {
        std::size_t offset, size;
        Origin origin;
    };

    IngestContext m_context;  // references only: copied
    std::size_t m_threads;
    std::size_t m_batch_bytes;
    std::string m_bytes;
    std::vector<Queued> m_queued;
};

}  // namespace retro::ingest
