// Merge, order and de-duplication of the event stream (DESIGN.md: sorted by (time, source kind, id);
// exact duplicate ids removed).
#include "ingest/event_collector.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "retro/event_json.hpp"

namespace retro::ingest {

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
    // Ties on (time, kind, id) are broken on where the record came from and then on its whole content, so
    // the copy kept of a duplicate is the same whatever order the sources were named in.
    std::sort(m_events.begin(), m_events.end(), [](const Event& a, const Event& b) {
        if (event_order_less(a, b)) return true;
        if (event_order_less(b, a)) return false;
        const auto ka = std::tie(a.source.origin, a.source.line, a.text);
        const auto kb = std::tie(b.source.origin, b.source.line, b.text);
        if (ka != kb) return ka < kb;
        return to_json_line(a) < to_json_line(b);
    });
    std::unordered_set<std::string> seen;
    seen.reserve(m_events.size());
    std::vector<Event> out;
    out.reserve(m_events.size());
    for (auto& e : m_events) {
        if (!seen.insert(e.id).second) {
            ++m_duplicates;
            continue;
        }
        out.push_back(std::move(e));
    }
    m_events.clear();
    return out;
}

}  // namespace retro::ingest
