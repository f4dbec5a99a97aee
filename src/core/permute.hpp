// Reordering a vector of large items by a computed order, moving each item once.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace retro {

// Rearranges `v` so that v[k] becomes the old v[source[k]]; `source` is a permutation of 0..n-1. Follows
// each cycle once, so every item moves once and no second vector is needed.
template <class T>
void permute_in_place(std::vector<T>& v, const std::vector<std::uint32_t>& source) {
    std::vector<bool> done(v.size(), false);
    for (std::size_t start = 0; start < v.size(); ++start) {
        if (done[start] || source[start] == start) continue;
        T held = std::move(v[start]);
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

}  // namespace retro
