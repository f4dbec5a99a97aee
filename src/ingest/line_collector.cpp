// The compact sorted collector of `retro events` (DESIGN.md: sorted by (time, source kind, id), exact
// duplicate ids removed). Lines live in an arena of large blocks, so a million events cost a million
// small entries plus their bytes, not a million heap strings.
#include "ingest/line_collector.hpp"

#include <algorithm>
#include <cstring>
#include <tuple>
#include <unordered_set>

namespace retro::ingest {

namespace {

constexpr std::size_t block_size = 4u << 20;

}  // namespace

LineCollector::LineCollector(Writer writer, std::optional<Instant> from, std::optional<Instant> until)
    : m_writer(std::move(writer)), m_from(from), m_until(until) {}

const std::string* LineCollector::intern(std::set<std::string, std::less<>>& pool, std::string_view text) {
    auto it = pool.find(text);
    if (it == pool.end()) it = pool.emplace(text).first;
    return &*it;
}

const char* LineCollector::store(std::string_view id, std::string_view line) {
    const std::size_t size = id.size() + line.size();
    if (size > m_block_free) {
        const std::size_t bytes = std::max(block_size, size);
        m_blocks.push_back(std::make_unique<char[]>(bytes));
        m_block_next = m_blocks.back().get();
        m_block_free = bytes;
    }
    char* at = m_block_next;
    std::memcpy(at, id.data(), id.size());
    std::memcpy(at + id.size(), line.data(), line.size());
    m_block_next += size;
    m_block_free -= size;
    return at;
}

void LineCollector::add(Event&& event) {
    if (m_from && event.time < *m_from) return;
    if (m_until && event.time >= *m_until) return;
    m_scratch.clear();
    m_writer(event, m_scratch);
    Entry entry{event.time,
                intern(m_kinds, event.source.kind),
                intern(m_origins, event.source.origin),
                event.source.line,
                store(event.id, m_scratch),
                static_cast<std::uint32_t>(event.id.size()),
                static_cast<std::uint32_t>(m_scratch.size())};
    m_entries.push_back(entry);
}

void LineCollector::write_sorted(const std::function<void(std::string_view)>& out) {
    // Ties on (time, kind, id) are duplicates; they are broken on where the record came from and then on
    // the whole line, so the copy kept is the same whatever order the sources were named in.
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        if (a.time != b.time) return a.time < b.time;
        if (a.kind != b.kind) return *a.kind < *b.kind;
        if (a.id() != b.id()) return a.id() < b.id();
        if (a.origin != b.origin) return *a.origin < *b.origin;
        if (a.source_line != b.source_line) return a.source_line < b.source_line;
        return a.line() < b.line();
    });
    std::unordered_set<std::string_view> seen;
    seen.reserve(m_entries.size());
    for (const Entry& e : m_entries) {
        if (!seen.insert(e.id()).second) {
            ++m_duplicates;
            continue;
        }
        out(e.line());
    }
}

}  // namespace retro::ingest
