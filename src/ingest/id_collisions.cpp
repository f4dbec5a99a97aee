// Same id, different content (issue 15 item 6): both kept, the later by content hash renamed and warned
// about; same id, same content: a duplicate, dropped and counted by the caller.
#include "ingest/id_collisions.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/flat_id_set.hpp"
#include "retro/event_json.hpp"

namespace retro::ingest {

namespace {

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ull;
    }
    return hash;
}

}  // namespace

std::uint64_t content_hash(const Event& event) {
    thread_local std::string line;
    line.clear();
    write_event_content_json(event, line);
    return fnv1a(line);
}

std::uint64_t content_hash_of_line(std::string_view line) {
    Diagnostics quiet(Diagnostics::Printer{}, Diagnostics::Format::text, SIZE_MAX);
    Event event;
    return read_event_json(line, Origin{"", 0, 0}, quiet, event) ? content_hash(event) : fnv1a(line);
}

std::string collision_id(std::string_view id, std::uint64_t content_hash) {
    return fmt::format("{}#dup-{:08x}", id, static_cast<std::uint32_t>(content_hash >> 32));
}

Location record_location(std::string_view origin, std::uint64_t line) {
    return origin.empty() ? Location{"<unknown origin>"} : Location{std::string(origin), line, 0};
}

IdResolution resolve_ids(const std::vector<std::uint32_t>& order,
                         const std::function<std::string_view(std::uint32_t)>& id_of,
                         const std::function<std::uint64_t(std::uint32_t)>& hash_of,
                         const std::function<Location(std::uint32_t)>& where, Diagnostics* diags,
                         const std::function<std::uint64_t(std::uint32_t)>& id_hash_of) {
    IdResolution result;
    auto hash_of_id = [&](std::uint32_t i) { return id_hash_of ? id_hash_of(i) : flat_id_hash(id_of(i)); };
    // Shared ids are rare: find them with the flat set, then group only those.
    std::vector<std::uint32_t> repeats;
    {
        FlatIdSet seen(order.size(), [&](std::uint32_t i) { return id_of(i); });
        // Each slot is fetched `ahead` inserts before it is needed, its hash kept until then.
        constexpr std::size_t ahead = decltype(seen)::prefetch_distance;
        std::array<std::uint64_t, ahead> hashes{};
        for (std::size_t k = 0; k < order.size() + ahead; ++k) {
            if (k >= ahead) {
                const std::uint32_t i = order[k - ahead];
                if (!seen.insert(i, hashes[k % ahead])) repeats.push_back(i);
            }
            if (k < order.size()) {
                hashes[k % ahead] = hash_of_id(order[k]);
                seen.prefetch(hashes[k % ahead]);
            }
        }
    }
    if (repeats.empty()) return result;
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> groups;
    std::unordered_set<std::uint64_t> repeated_hashes;  // an item whose id hash is none of these is in no group
    for (std::uint32_t i : repeats) {
        groups.emplace(id_of(i), std::vector<std::uint32_t>{});
        if (id_hash_of) repeated_hashes.insert(id_hash_of(i));
    }
    std::vector<std::uint32_t> position(order.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) {
        position[order[k]] = k;
        if (id_hash_of && !repeated_hashes.contains(id_hash_of(order[k]))) continue;
        if (auto it = groups.find(id_of(order[k])); it != groups.end()) it->second.push_back(order[k]);
    }
    std::vector<std::pair<std::uint32_t, std::string>> warned;  // the first of each renamed run
    for (auto& [id, members] : groups) {
        struct Member {
            std::uint64_t hash;
            std::uint32_t position, index;
        };
        std::vector<Member> sorted;
        for (std::uint32_t i : members) sorted.push_back({hash_of(i), position[i], i});
        std::sort(sorted.begin(), sorted.end(), [](const Member& a, const Member& b) {
            return a.hash != b.hash ? a.hash < b.hash : a.position < b.position;
        });
        // A duplicate of a renamed record takes the new id too, quietly: the next pass, which checks the new
        // ids, then finds it a duplicate again instead of a collision with the old id's keeper.
        std::string name;  // the id of the current run of equal hashes, if it is renamed
        for (std::size_t m = 1; m < sorted.size(); ++m) {
            if (sorted[m].hash == sorted[m - 1].hash) {
                result.duplicates.push_back(sorted[m].index);
                if (!name.empty()) result.renamed.emplace_back(sorted[m].index, name);
            } else {
                name = collision_id(id, sorted[m].hash);
                result.renamed.emplace_back(sorted[m].index, name);
                warned.emplace_back(sorted[m].index, name);
            }
        }
    }
    auto by_position = [&](std::uint32_t a, std::uint32_t b) { return position[a] < position[b]; };
    std::sort(result.duplicates.begin(), result.duplicates.end(), by_position);
    auto pair_by_position = [&](const auto& a, const auto& b) { return by_position(a.first, b.first); };
    std::sort(result.renamed.begin(), result.renamed.end(), pair_by_position);
    std::sort(warned.begin(), warned.end(), pair_by_position);
    if (diags)
        for (const auto& [i, renamed] : warned)
            diags->warning("ingest.id-collision", where(i),
                           fmt::format("another record has the id {} with different content; this one is {}",
                                       id_of(i), renamed));
    return result;
}

}  // namespace retro::ingest
