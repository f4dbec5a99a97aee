// Each part of a batch is parsed into its own events and its own Diagnostics (which keeps everything),
// then the parts are replayed in order into the sink and the run's Diagnostics, so what the run reports
// does not depend on the number of threads or on which finished first.
#include "ingest/events/event_batch_parser.hpp"

#include <algorithm>
#include <cstdint>
#include <future>
#include <limits>
#include <thread>

#include "retro/event_json.hpp"

namespace retro::ingest {

namespace {

struct ParsedPart {
    std::vector<Event> events;
    std::vector<bool> ok;  // per record: parsed (its event is next in `events`) or damaged
    Diagnostics diags{nullptr, Diagnostics::Format::text, std::numeric_limits<std::size_t>::max()};
};

}  // namespace

EventBatchParser::EventBatchParser(const IngestContext& context, std::size_t threads, std::size_t batch_bytes)
    : m_context(context), m_threads(std::max<std::size_t>(threads, 1)), m_batch_bytes(batch_bytes) {}

std::size_t EventBatchParser::default_threads() {
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
}

void EventBatchParser::add(std::string_view bytes, const Origin& origin) {
    m_queued.push_back({m_bytes.size(), bytes.size(), origin});
    m_bytes.append(bytes);
    if (m_bytes.size() >= m_batch_bytes) flush();
}

void EventBatchParser::flush() {
    if (m_queued.empty()) return;
    const std::size_t parts = std::min(m_threads, m_queued.size());
    std::vector<ParsedPart> parsed(parts);
    auto parse_part = [&](std::size_t p) {
        const std::size_t begin = m_queued.size() * p / parts, end = m_queued.size() * (p + 1) / parts;
        ParsedPart& out = parsed[p];
        out.events.reserve(end - begin);
        for (std::size_t k = begin; k < end; ++k) {
            const Queued& q = m_queued[k];
            Event event;
            const bool ok = read_event_json(std::string_view(m_bytes).substr(q.offset, q.size), q.origin, out.diags,
                                            event);
            out.ok.push_back(ok);
            if (ok) out.events.push_back(std::move(event));
        }
    };
    std::vector<std::future<void>> helpers;
    for (std::size_t p = 1; p < parts; ++p) helpers.push_back(std::async(std::launch::async, parse_part, p));
    parse_part(0);
    for (auto& h : helpers) h.get();

    for (ParsedPart& part : parsed) {
        for (Diagnostic& d : part.diags.all()) m_context.diags.report(std::move(d));
        std::size_t next = 0;
        for (bool ok : part.ok) {
            if (ok)
                m_context.sink.add(std::move(part.events[next++]));
            else
                m_context.sink.drop("damaged record");
        }
    }
    m_bytes.clear();
    m_queued.clear();
}

}  // namespace retro::ingest
