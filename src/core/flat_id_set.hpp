// A set of items by their string ids, holding only the items' indices: open addressing with linear probing,
// eight bytes a slot (the index and 32 bits of the id's hash, compared before the ids are) and no allocation
// per id (a node-based set of a million string views costs tens of MB and a malloc each). Used to find the
// ids a stream holds more than once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text_hash.hpp"

namespace retro {

// The hash FlatIdSet places an id by; callers that hash ids elsewhere (on a worker) pass it to insert.
inline std::uint64_t flat_id_hash(std::string_view id) {
    return text_hash(id);
}

// `IdOf` maps an index to its item's id: std::string_view(std::uint32_t). Indices are below UINT32_MAX. The
// table starts with room for `items` and doubles when half full, so items may be added as they arrive.
template <class IdOf>
class FlatIdSet {
public:
    FlatIdSet(std::size_t items, IdOf id_of) : m_id_of(std::move(id_of)) { resize(items); }

    // True when no item with the id of item `index` was in the set (it is now).
    bool insert(std::uint32_t index) { return insert(index, flat_id_hash(m_id_of(index))); }
    // Asks the processor to fetch the slot an id of this hash starts at, a few inserts ahead of inserting
    // it: the table is larger than the caches, so an insert otherwise waits for memory (three fifths of the
    // id rule's time over a million ids). Only a hint: nothing is read or written, and a slot fetched before
    // the table grows is merely wasted.
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(m_slots.data() + (tag_of(hash) & m_mask)); }
    // How many inserts ahead to prefetch: far enough for memory to answer, near enough to stay in cache.
    static constexpr std::size_t prefetch_distance = 16;
    // The same, with `hash` = flat_id_hash of the item's id.
    bool insert(std::uint32_t index, std::uint64_t hash) {
        if ((m_size + 1) * 2 > m_slots.size()) resize(m_slots.size());  // doubles
        const std::uint32_t tag = tag_of(hash);
        for (std::size_t at = tag & m_mask;; at = (at + 1) & m_mask) {
            Slot& slot = m_slots[at];
            if (slot.index == empty) {
                slot = Slot{tag, index};
                ++m_size;
                return true;
            }
            // The ids are read only where the tags meet: looking an id up can mean reading a large record
            // far away in memory, and distinct ids almost never share 32 bits of hash.
            if (slot.tag == tag && m_id_of(slot.index) == m_id_of(index)) return false;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t index = empty;
    };
    static constexpr std::uint32_t empty = UINT32_MAX;
    static std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash ^ (hash >> 32)); }

    // Room for at least `items` at half load; the slots kept are placed again by their tags.
    void resize(std::size_t items) {
        std::size_t capacity = 16;
        while (capacity < items * 2) capacity *= 2;
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        m_mask = capacity - 1;
        for (const Slot& slot : old) {
            if (slot.index == empty) continue;
            std::size_t at = slot.tag & m_mask;
            while (m_slots[at].index != empty) at = (at + 1) & m_mask;
            m_slots[at] = slot;
        }
    }

    IdOf m_id_of;
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

}  // namespace retro
