// Merge, order and de-duplication of the event stream (DESIGN.md: sorted by (time, source kind, id);
// exact duplicate ids removed).
#include "ingest/event_collector.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "retro/event_json.hpp"

namespace retro::ingest {

namespace {

// Rearranges `v` so that v[k] becomes the old v[source[k]]; `source` is a permutation of 0..n-1. Follows
// each cycle once, so every element moves once and no second vector is needed.
void permute_in_place(std::vector<Event>& v, const std::vector<std::uint32_t>& source) {
    std::vector<bool> done(v.size(), false);
    for (std::size_t start = 0; start < v.size(); ++start) {
        if (done[start] || source[start] == start) continue;
        Event held = std::move(v[start]);
        std::size_t k = start;
        while (source[k] != start) {
            v[k] = std::move(v[source[k]]);
            done[k] = true;
            k = source[k];
        }
        v[k] = std::move(held);
        done[k] = true;
    }
}

}  // namespace

void EventCollector::add(Event&& event) {
    ++m_added;
    m_events.push_back(std::move(event));
}

void EventCollector::drop(std::string_view reason, std::uint64_t count) {
    auto it = m_dropped.find(reason);
    if (it == m_dropped.end()) it = m_dropped.emplace(std::string(reason), 0).first;
    it->second += count;
}

std::vector<Event> EventCollector::take_sorted() {
    // An Event is large and its strings are scattered: sort compact keys of the stream order (time, source
    // kind, id) that point back to the events, then move each kept event once, in place (no second copy).
    struct SortKey {
        Instant time;
        std::string_view kind, id;
        std::uint32_t index;
    };
    std::vector<SortKey> keys;
    keys.reserve(m_events.size());
    for (std::uint32_t i = 0; i < m_events.size(); ++i)
        keys.push_back({m_events[i].time, m_events[i].source.kind, m_events[i].id, i});
    std::sort(keys.begin(), keys.end(), [this](const SortKey& x, const SortKey& y) {
        if (x.time != y.time) return x.time < y.time;
        if (x.kind != y.kind) return x.kind < y.kind;
        if (x.id != y.id) return x.id < y.id;
        // Ties on (time, kind, id) are broken on where the record came from and then on its whole content,
        // so the copy kept of a duplicate is the same whatever order the sources were named in.
        const Event& a = m_events[x.index];
        const Event& b = m_events[y.index];
        const auto ka = std::tie(a.source.origin, a.source.line, a.text);
        const auto kb = std::tie(b.source.origin, b.source.line, b.text);
        if (ka != kb) return ka < kb;
        return to_json_line(a) < to_json_line(b);
    });
    std::vector<std::uint32_t> source;  // kept events in stream order, then the duplicates
    source.reserve(keys.size());
    std::vector<std::uint32_t> duplicates;
    {
        std::unordered_set<std::string_view> seen;
        seen.reserve(m_events.size());
        for (const SortKey& k : keys) (seen.insert(k.id).second ? source : duplicates).push_back(k.index);
    }
    keys = {};
    m_duplicates += duplicates.size();
    const std::size_t kept = source.size();
    source.insert(source.end(), duplicates.begin(), duplicates.end());
    permute_in_place(m_events, source);
    m_events.resize(kept);
    return std::exchange(m_events, {});
}

}  // namespace retro::ingest
