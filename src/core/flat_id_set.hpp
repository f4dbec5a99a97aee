// A set of items by their string ids, holding only the items' indices: open addressing with linear probing,
// four bytes a slot and no allocation per id (a node-based set of a million string views costs tens of MB
// and a malloc each). Used to drop the later copies of duplicate ids from a sorted stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace retro {

// `IdOf` maps an index to its item's id: std::string_view(std::uint32_t). Indices are below UINT32_MAX.
template <class IdOf>
class FlatIdSet {
public:
    FlatIdSet(std::size_t items, IdOf id_of) : m_id_of(std::move(id_of)) {
        std::size_t capacity = 16;
        while (capacity < items * 2) capacity *= 2;
        m_slots.assign(capacity, empty);
        m_mask = capacity - 1;
    }

    // True when no item with the id of item `index` was in the set (it is now).
    bool insert(std::uint32_t index) {
        const std::string_view id = m_id_of(index);
        for (std::size_t at = std::hash<std::string_view>{}(id)&m_mask;; at = (at + 1) & m_mask) {
            std::uint32_t& slot = m_slots[at];
            if (slot == empty) {
                slot = index;
                return true;
            }
            if (m_id_of(slot) == id) return false;
        }
    }

private:
    static constexpr std::uint32_t empty = UINT32_MAX;
    IdOf m_id_of;
    std::vector<std::uint32_t> m_slots;
    std::size_t m_mask = 0;
};

}  // namespace retro
