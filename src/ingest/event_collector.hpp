// Collects ingested events: the merged, sorted, de-duplicated stream every command starts from.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/prefault_ahead.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest {

class EventCollector final : public EventSink {
public:
    void add(Event&& event) override;
    // On a reader's worker: each event's id hashed there, while the event is at hand, for the id rule.
    std::unique_ptr<PreparedEvents> prepare(std::vector<Event>&& events) const override;
    void add_prepared(std::unique_ptr<PreparedEvents> batch) override;
    void drop(std::string_view reason, std::uint64_t count) override;
    // Reserves room for as many events as `bytes` of input could hold at most (a vector grown by doubling
    // moves every event again at each step and touches twice the memory): room for events that never come
    // costs address space only, as pages never written are never mapped. The room's pages are faulted in on
    // a thread of their own a little ahead of the events (core/prefault_ahead.hpp).
    void expect_input(std::uint64_t bytes) override;

    // The events in stream order (time, source kind, id), the id rule applied (id_collisions.hpp: same id
    // and content, a duplicate removed; different content, renamed and warned about in `diags`). Which
    // copy of a duplicate is kept does not depend on the order sources were read in.
    std::vector<Event> take_sorted(Diagnostics* diags = nullptr);

    std::uint64_t added() const { return m_added; }
    std::uint64_t duplicates() const { return m_duplicates; }
    const std::map<std::string, std::uint64_t, std::less<>>& dropped() const { return m_dropped; }

private:
    struct HashedEvents;
    void push(Event&& event, std::uint64_t id_hash);

    std::vector<Event> m_events;
    // flat_id_hash of each event's id, by index: the id rule finds repeated ids among these, reading an id
    // only where two hashes meet, instead of every event once more after everything is read.
    std::vector<std::uint64_t> m_id_hashes;
    // Each event's time, by index: the sort reads these, not a field of each event scattered in memory.
    std::vector<Instant> m_times;
    std::unique_ptr<PrefaultAhead> m_prefault;  // over m_events' room while it is not moved (so after it: goes first)
    std::uint64_t m_added = 0;
    std::uint64_t m_duplicates = 0;
    std::map<std::string, std::uint64_t, std::less<>> m_dropped;
};

}  // namespace retro::ingest
