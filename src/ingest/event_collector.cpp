// Merge, order and de-duplication of the event stream (DESIGN.md: sorted by StreamKey, retro/event.hpp;
// identical records once, same id and different content renamed: id_collisions.hpp).
#include "ingest/event_collector.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>

#include "core/flat_id_set.hpp"
#include "core/nearly_sorted.hpp"
#include "core/ordered_parallel.hpp"
#include "core/permute.hpp"
#include "ingest/id_collisions.hpp"
#include "retro/event_json.hpp"

namespace retro::ingest {

// A batch as a worker leaves it: the events, and the hash of each one's id.
struct EventCollector::HashedEvents final : PreparedEvents {
    std::vector<Event> events;
    std::vector<std::uint64_t> id_hashes;
};

std::unique_ptr<PreparedEvents> EventCollector::prepare(std::vector<Event>&& events) const {
    auto hashed = std::make_unique<HashedEvents>();
    hashed->id_hashes.reserve(events.size());
    for (const Event& e : events) hashed->id_hashes.push_back(flat_id_hash(e.id));
    hashed->events = std::move(events);
    return hashed;
}

void EventCollector::add_prepared(std::unique_ptr<PreparedEvents> batch) {
    auto& hashed = static_cast<HashedEvents&>(*batch);  // only ever given what prepare() made
    for (std::size_t i = 0; i < hashed.events.size(); ++i) push(std::move(hashed.events[i]), hashed.id_hashes[i]);
}

void EventCollector::add(Event&& event) {
    const std::uint64_t id_hash = flat_id_hash(event.id);
    push(std::move(event), id_hash);
}

void EventCollector::push(Event&& event, std::uint64_t id_hash) {
    ++m_added;
    if (m_prefault) {
        if (m_events.size() == m_events.capacity())
            m_prefault.reset();  // the room is full and about to move
        else if (m_events.size() % 4096 == 0)
            m_prefault->reached(m_events.data() + m_events.size());
    }
    const Instant time = event.time;
    m_events.push_back(std::move(event));
    m_id_hashes.push_back(id_hash);
    m_times.push_back(time);
}

void EventCollector::expect_input(std::uint64_t bytes) {
    // Records are rarely shorter than this (a retro.event/1 line is 150 bytes at the very least, an alert
    // record, a message or a mail far longer); events of shorter records (a notes file's lines) outgrow
    // the room, and the vector then grows as it always did. The cap keeps the reservation within what a
    // machine can map (16M events of about 600 bytes: 10 GB of address space); more is not reserved.
    constexpr std::uint64_t fewest_bytes_per_event = 256, most_events = 1u << 24;
    const std::uint64_t events = std::min(bytes / fewest_bytes_per_event, most_events);
    if (events <= m_events.capacity()) return;
    m_prefault.reset();  // before the room moves
    try {
        m_events.reserve(static_cast<std::size_t>(events));
        m_id_hashes.reserve(static_cast<std::size_t>(events));
        m_times.reserve(static_cast<std::size_t>(events));
    } catch (const std::exception&) {
        // Not that much address space: the vector grows as it goes.
        return;
    }
    m_prefault =
        std::make_unique<PrefaultAhead>(m_events.data() + m_events.size(), m_events.data() + m_events.capacity());
}

void EventCollector::drop(std::string_view reason, std::uint64_t count) {
    auto it = m_dropped.find(reason);
    if (it == m_dropped.end()) it = m_dropped.emplace(std::string(reason), 0).first;
    it->second += count;
}

std::vector<Event> EventCollector::take_sorted(Diagnostics* diags) {
    m_prefault.reset();  // everything is read: no more room to fault in
    // The stream order (StreamKey); records equal in it are ordered by their written line, so the copy kept
    // of a duplicate is the same whatever order the sources were named in.
    auto stream_less = [](const Event& a, const Event& b) {
        if (a.time != b.time) return a.time < b.time;  // the rest of the key is read only on a tie
        if (const auto by_key = stream_key(a) <=> stream_key(b); by_key != 0) return by_key < 0;
        return to_json_line(a) < to_json_line(b);
    };
    std::vector<std::uint32_t> source(m_events.size());  // kept events in stream order, then the duplicates
    std::vector<std::uint32_t> duplicates;
    // Sorted, then the id rule applied (ingest/id_collisions.hpp); a renamed id moves, so the stream is
    // sorted again, and the new ids checked once more (against ids already carrying `#dup-`).
    for (int pass = 0; pass < 3; ++pass) {
        // An Event is large and its strings are scattered: sort 16-byte keys (time, index), the times kept
        // as the events came, then move each kept event once, in place (no second copy). Times are
        // microseconds and rarely tie, so the rest of the order is read from the events only on a tie.
        // A stream read from one file comes in order or nearly (retro's own output is; a chat post trails
        // the alarm it reports by seconds): sort_nearly_sorted costs one comparison a key for those in order.
        // A stream merged from several files costs a std::sort of all but its first file's run.
        {
            struct SortKey {
                Instant time;
                std::uint32_t index;
            };
            std::vector<SortKey> keys;
            keys.reserve(m_events.size());
            for (std::uint32_t i = 0; i < m_events.size(); ++i) keys.push_back({m_times[i], i});
            sort_nearly_sorted(keys, [&](const SortKey& x, const SortKey& y) {
                if (x.time != y.time) return x.time < y.time;
                return stream_less(m_events[x.index], m_events[y.index]);
            });
            for (std::size_t k = 0; k < keys.size(); ++k) source[k] = keys[k].index;
        }  // the keys are freed before the id set is built: the peak of memory is here, with every event held
        IdResolution ids = resolve_ids(
            source, [this](std::uint32_t i) { return std::string_view(m_events[i].id); },
            [this](std::uint32_t i) { return content_hash(m_events[i]); },
            [this](std::uint32_t i) { return record_location(m_events[i].source.origin, m_events[i].source.line); },
            diags, [this](std::uint32_t i) { return m_id_hashes[i]; });
        duplicates = std::move(ids.duplicates);
        if (ids.renamed.empty()) break;
        for (auto& [i, id] : ids.renamed) {
            m_events[i].id = std::move(id);
            m_id_hashes[i] = flat_id_hash(m_events[i].id);
        }
    }
    std::vector<bool> dropped(m_events.size(), false);
    for (std::uint32_t i : duplicates) dropped[i] = true;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < source.size(); ++k)
        if (!dropped[source[k]]) source[kept++] = source[k];  // kept <= k: compacts the kept ones in place
    source.resize(kept);
    m_duplicates += duplicates.size();
    source.insert(source.end(), duplicates.begin(), duplicates.end());
    permute_in_place(m_events, source, worker_count());
    m_events.resize(kept);
    m_id_hashes = {};
    m_times = {};
    return std::exchange(m_events, {});
}

}  // namespace retro::ingest
