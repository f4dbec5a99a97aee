// The compact sorted collector of `retro events` (DESIGN.md: sorted by StreamKey, retro/event.hpp, the
// id rule of id_collisions.hpp). Lines live in an arena of large blocks, so a million events cost a million
// small entries plus their bytes, not a million heap strings.
#include "ingest/line_collector.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/ordered_parallel.hpp"
#include "ingest/id_collisions.hpp"

namespace retro::ingest {

namespace {

constexpr std::size_t block_size = 4u << 20;
constexpr std::size_t adopt_bytes = 64u << 10;  // batches this large are kept as they are, not copied

}  // namespace

LineCollector::LineCollector(Writer writer, std::optional<Instant> from, std::optional<Instant> until,
                             bool lines_are_events)
    : m_writer(std::move(writer)), m_from(from), m_until(until), m_lines_are_events(lines_are_events) {}

std::uint64_t LineCollector::content_of(const Event& event) const {
    return m_lines_are_events ? 0 : content_hash(event);
}

std::uint64_t LineCollector::content_of(const Entry& entry) const {
    return m_lines_are_events ? content_hash_of_line(entry.line()) : entry.content;
}

const std::string* LineCollector::intern(std::string_view text) {
    auto it = m_names.find(text);
    if (it == m_names.end()) it = m_names.emplace(text).first;
    return &*it;
}

// Blocks are not zero-filled (make_unique would memset 4 MB per block): only written bytes are read.
const char* LineCollector::store(std::string_view bytes) {
    if (bytes.size() > m_block_free) {
        const std::size_t size = std::max(block_size, bytes.size());
        m_blocks.push_back(std::unique_ptr<char[]>(new char[size]));
        m_block_next = m_blocks.back().get();
        m_block_free = size;
    }
    char* at = m_block_next;
    std::memcpy(at, bytes.data(), bytes.size());
    m_block_next += bytes.size();
    m_block_free -= bytes.size();
    return at;
}

bool LineCollector::in_window(Instant time) const {
    return (!m_from || time >= *m_from) && (!m_until || time < *m_until);
}

// A batch as a worker leaves it: each event's id then its line, one after the other in `bytes`, and the
// sort key of each; kinds and origins (few, and repeated) by index into `names`.
struct LineCollector::Lines final : PreparedEvents {
    struct Item {
        Instant time;
        std::uint32_t kind, origin;
        std::uint64_t source_line;
        std::uint64_t content;
        std::uint64_t id_hash;  // flat_id_hash of the id, made here on the worker
        std::size_t offset;
        std::uint32_t id_size, line_size;
    };
    std::string bytes;
    std::vector<Item> items;
    std::vector<std::string> names;

    // The index of `name`, looked for among the last few names only (a batch rarely has more).
    std::uint32_t name_index(std::string_view name) {
        for (std::size_t i = names.size(), seen = 0; i > 0 && seen < 8; --i, ++seen)
            if (names[i - 1] == name) return static_cast<std::uint32_t>(i - 1);
        names.emplace_back(name);
        return static_cast<std::uint32_t>(names.size() - 1);
    }

    void append(const Event& event, const Writer& writer, std::uint64_t content) {
        const std::size_t offset = bytes.size();
        bytes.append(event.id);
        writer(event, bytes);
        items.push_back(Item{event.time, name_index(event.source.kind), name_index(event.source.origin),
                             event.source.line, content, flat_id_hash(event.id), offset,
                             static_cast<std::uint32_t>(event.id.size()),
                             static_cast<std::uint32_t>(bytes.size() - offset - event.id.size())});
    }
};

std::unique_ptr<PreparedEvents> LineCollector::prepare(std::vector<Event>&& events) const {
    auto lines = std::make_unique<Lines>();
    for (const Event& e : events)
        if (in_window(e.time)) lines->append(e, m_writer, content_of(e));
    events.clear();  // freed here, on the thread that made them
    // A large batch is kept as it is by add_prepared: trim what its growth left unused, here on the worker.
    if (lines->bytes.size() >= adopt_bytes && lines->bytes.capacity() - lines->bytes.size() > lines->bytes.size() / 4)
        lines->bytes.shrink_to_fit();
    return lines;
}

void LineCollector::add_prepared(std::unique_ptr<PreparedEvents> batch) {
    auto& lines = static_cast<Lines&>(*batch);
    if (lines.items.empty()) return;
    // Small batches (a day file's lines) are copied into the arena; large ones are kept as they are, which
    // spares this ordered thread a copy of every byte.
    const char* base;
    if (lines.bytes.size() >= adopt_bytes) {
        m_adopted.push_back(std::move(lines.bytes));
        base = m_adopted.back().data();
    } else {
        base = store(lines.bytes);
    }
    std::vector<const std::string*> names;
    names.reserve(lines.names.size());
    for (const std::string& name : lines.names) names.push_back(intern(name));
    // The id set's slots are fetched this many entries ahead (FlatIdSet::prefetch), the first ones at once.
    constexpr std::size_t ahead = decltype(m_ids)::prefetch_distance;
    for (std::size_t k = 0; k < std::min(ahead, lines.items.size()); ++k) m_ids.prefetch(lines.items[k].id_hash);
    for (std::size_t k = 0; k < lines.items.size(); ++k) {
        if (k + ahead < lines.items.size()) m_ids.prefetch(lines.items[k + ahead].id_hash);
        const Lines::Item& item = lines.items[k];
        push(Entry{item.time, names[item.kind], names[item.origin], item.source_line, item.content, base + item.offset,
                   item.id_size, item.line_size},
             item.id_hash);
    }
}

void LineCollector::push(const Entry& entry, std::uint64_t id_hash) {
    m_entries.push_back(entry);
    if (!m_ids.insert(static_cast<std::uint32_t>(m_entries.size() - 1), id_hash)) m_ids_shared = true;
}

void LineCollector::add(Event&& event) {
    if (!in_window(event.time)) return;
    m_scratch.clear();
    m_scratch.append(event.id);
    m_writer(event, m_scratch);
    push(Entry{event.time, intern(event.source.kind), intern(event.source.origin), event.source.line,
               content_of(event), store(m_scratch), static_cast<std::uint32_t>(event.id.size()),
               static_cast<std::uint32_t>(m_scratch.size() - event.id.size())},
         flat_id_hash(event.id));
}

// The entry's id becomes `id` (its old id plus `#dup-…`), in its line too: the suffix is inserted at the end
// of the line's first `"id":"…"` (NDJSON) or `"retro_id":"…"` (Timesketch) string, the event's own id.
void LineCollector::rename(Entry& entry, std::string_view id) {
    const std::string_view line = entry.line();
    const std::string_view suffix = id.substr(entry.id_size);
    constexpr std::string_view ndjson_key = "\"id\":\"", timesketch_key = "\"retro_id\":\"";
    std::size_t value = line.find(ndjson_key);
    if (value != std::string_view::npos) {
        value += ndjson_key.size();
    } else if ((value = line.find(timesketch_key)) != std::string_view::npos) {
        value += timesketch_key.size();
    }
    std::string renamed(id);
    if (value == std::string_view::npos) {
        renamed.append(line);
    } else {
        std::size_t end = value;
        while (end < line.size() && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
        renamed.append(line.substr(0, end)).append(suffix).append(line.substr(end));
    }
    entry.bytes = store(renamed);
    entry.line_size = static_cast<std::uint32_t>(renamed.size() - id.size());
    entry.id_size = static_cast<std::uint32_t>(id.size());
}

void LineCollector::write_sorted(const LinesOut& out, Diagnostics* diags) {
    std::vector<std::uint32_t> order(m_entries.size());
    std::vector<std::uint32_t> duplicates;
    // Sorted, then the id rule applied; a renamed id moves, so the stream is sorted again, and the new ids
    // checked once more (against ids already carrying `#dup-`).
    for (int pass = 0; pass < 3; ++pass) {
        // The stream order (StreamKey); entries equal in it are ordered by their line, so the copy kept is the
        // same whatever order the sources were named in.
        parallel_sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
            if (a.time != b.time) return a.time < b.time;  // the usual answer, without building the keys
            if (const auto by_key = a.key() <=> b.key(); by_key != 0) return by_key < 0;
            return a.line() < b.line();
        }, worker_count());
        if (pass == 0) {
            // The set is freed (indices change from here on); entries added after this call are not in it,
            // so a later call applies the whole rule.
            m_ids = FlatIdSet<IdOfEntry>{0, IdOfEntry{&m_entries}};
            if (!std::exchange(m_ids_shared, true)) break;  // every id came once: nothing to drop or rename
        }
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        IdResolution ids = resolve_ids(
            order, [this](std::uint32_t i) { return m_entries[i].id(); },
            [this](std::uint32_t i) { return content_of(m_entries[i]); },
            [this](std::uint32_t i) { return record_location(*m_entries[i].origin, m_entries[i].source_line); }, diags);
        duplicates = std::move(ids.duplicates);
        if (ids.renamed.empty()) break;
        for (const auto& [i, id] : ids.renamed) rename(m_entries[i], id);
    }
    std::vector<bool> dropped(m_entries.size(), false);
    for (std::uint32_t i : duplicates) dropped[i] = true;
    m_duplicates += duplicates.size();
    std::vector<std::string_view> batch;
    batch.reserve(1024);
    for (std::uint32_t i = 0; i < m_entries.size(); ++i) {
        if (dropped[i]) continue;
        batch.push_back(m_entries[i].line());
        if (batch.size() == 1024) {
            out(batch);
            batch.clear();
        }
    }
    if (!batch.empty()) out(batch);
}

}  // namespace retro::ingest
