// The one rule for records that share an id (issue 15 item 6), used by every collector: records with the
// same id and the same content are duplicates (the same record read twice: one is kept); records with the
// same id and different content are all kept, each but the one whose content hash sorts first renamed
// `<id>#dup-<8 hex>`, with an `ingest.id-collision` warning.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "retro/diagnostic.hpp"
#include "retro/event.hpp"

namespace retro::ingest {

// The content hash of an event: FNV-1a 64 over its retro.event/1 JSON line written without `id`, `record`,
// `time_raw` and `source` (where a record was read from, and how its instant was spelled, are not what it
// says: an alarm transition from SNS and from the alarm history is one record). Stable across runs.
std::uint64_t content_hash(const Event& event);

// The content hash of the event a retro.event/1 line holds: content_hash of the event read back from it,
// which is the written event's (every field written reads back as it was: the golden outputs are checked
// to rewrite byte for byte). A line that does not read is hashed as its bytes.
std::uint64_t content_hash_of_line(std::string_view line);

// `<id>#dup-<the hash's high 32 bits as 8 lower-case hex digits>`.
std::string collision_id(std::string_view id, std::uint64_t content_hash);

// Where a record was read: its origin and line, or `<unknown origin>` (an NDJSON event naming none).
Location record_location(std::string_view origin, std::uint64_t line);

// What becomes of the items of a stream that share ids with others.
struct IdResolution {
    std::vector<std::uint32_t> duplicates;                         // items to drop, in stream order
    std::vector<std::pair<std::uint32_t, std::string>> renamed;    // items and their new ids (with the
                                                                   // duplicates of a renamed one), in stream order
};

// Applies the rule to `order` (item indices in stream order): `id_of(i)` and `hash_of(i)` (called only for
// items whose id is shared) describe item i. Among same-id items, the smallest content hash keeps the id
// (ties: the first in stream order); each further item of an already kept hash is a duplicate. Warns at
// `where(i)` for each renamed item. Does not depend on the order the items were added in. `id_hash_of(i)`,
// when given, is flat_id_hash of item i's id, made beforehand (on a worker, while the item was at hand): the
// ids themselves are then read only where two hashes meet.
IdResolution resolve_ids(const std::vector<std::uint32_t>& order,
                         const std::function<std::string_view(std::uint32_t)>& id_of,
                         const std::function<std::uint64_t(std::uint32_t)>& hash_of,
                         const std::function<Location(std::uint32_t)>& where, Diagnostics* diags,
                         const std::function<std::uint64_t(std::uint32_t)>& id_hash_of = {});

}  // namespace retro::ingest
