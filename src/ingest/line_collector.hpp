// Collects `retro events` output in a compact form: each event's output line, already written in the chosen
// format, with the small key it sorts on. Memory follows the size of the output, not of the Event objects
// (about 2 KB each), and events outside the window are never stored.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/flat_id_set.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest {

class LineCollector final : public EventSink {
public:
    // Appends one event, in the output format and with its newline, to the string.
    using Writer = std::function<void(const Event&, std::string&)>;

    // Keeps events with `from` <= time < `until` (either bound optional). `lines_are_events`: the writer
    // writes retro.event/1 lines, so an event's content hash (id_collisions.hpp) is read back from its line,
    // and only for the few whose id another event shares, instead of written out for every event.
    LineCollector(Writer writer, std::optional<Instant> from, std::optional<Instant> until,
                  bool lines_are_events = false);
    // The set of ids seen points at the entries: neither copied nor moved.
    LineCollector(const LineCollector&) = delete;
    LineCollector& operator=(const LineCollector&) = delete;

    void add(Event&& event) override;
    void drop(std::string_view, std::uint64_t) override {}
    // On a reader's worker: the window applied and the lines written there, so that this thread only copies.
    std::unique_ptr<PreparedEvents> prepare(std::vector<Event>&& events) const override;
    void add_prepared(std::unique_ptr<PreparedEvents> batch) override;

    // Calls `out` with every kept line in stream order (time, source kind, id), the id rule applied
    // (id_collisions.hpp: same id and content, the first in that order kept; different content, renamed
    // and warned about in `diags`). Ties are broken on origin, source line and then the line itself, so
    // the copy kept does not depend on the order sources were read in.
    // The lines are handed over in batches (up to 1,024 at a time), each a view of the collector's bytes.
    using LinesOut = std::function<void(std::span<const std::string_view>)>;
    void write_sorted(const LinesOut& out, Diagnostics* diags = nullptr);

    std::uint64_t kept() const { return m_entries.size(); }
    std::uint64_t duplicates() const { return m_duplicates; }

private:
    struct Entry {
        Instant time;
        const std::string* kind;    // interned: equal kinds, equal pointers
        const std::string* origin;  // interned
        std::uint64_t source_line;
        std::uint64_t content;  // content_hash of the event (0 while lines_are_events: read from the line)
        const char* bytes;  // the id, then the line, in the arena
        std::uint32_t id_size;
        std::uint32_t line_size;
        std::string_view id() const { return {bytes, id_size}; }
        std::string_view line() const { return {bytes + id_size, line_size}; }
        StreamKey key() const { return {time, *kind, id(), *origin, source_line}; }
    };

    struct Lines;
    // An entry's id, for the set of ids seen (entries may move as the vector grows: looked up by index).
    struct IdOfEntry {
        const std::vector<Entry>* entries;
        std::string_view operator()(std::uint32_t i) const { return (*entries)[i].id(); }
    };

    bool in_window(Instant time) const;
    std::uint64_t content_of(const Event& event) const;
    std::uint64_t content_of(const Entry& entry) const;
    const std::string* intern(std::string_view text);
    const char* store(std::string_view bytes);
    void rename(Entry& entry, std::string_view id);
    void push(const Entry& entry, std::uint64_t id_hash);

    Writer m_writer;
    std::optional<Instant> m_from, m_until;
    bool m_lines_are_events = false;
    std::string m_scratch;
    std::vector<Entry> m_entries;
    std::set<std::string, std::less<>> m_names;  // kinds and origins, each stored once
    std::vector<std::unique_ptr<char[]>> m_blocks;  // the arena: ids and lines, never moved once stored
    // Large prepared batches, kept whole. Each is over 64 KB, so on the heap: its bytes stay where they are
    // when the vector grows.
    std::vector<std::string> m_adopted;
    std::size_t m_block_free = 0;
    char* m_block_next = nullptr;
    std::uint64_t m_duplicates = 0;
    // The ids stored so far, as they arrive (this thread waits on the workers most of the time): when no id
    // came twice, the id rule has nothing to do once the entries are sorted.
    FlatIdSet<IdOfEntry> m_ids{0, IdOfEntry{&m_entries}};
    bool m_ids_shared = false;
};

}  // namespace retro::ingest
