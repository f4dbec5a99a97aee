// Reordering a vector of large items by a computed order, moving each item once.
#pragma once

#include <cstdint>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace retro {

// Rearranges `v` so that v[k] becomes the old v[source[k]]; `source` is a permutation of 0..n-1. Follows
// each cycle once, so every item moves once and no second vector is needed. Cycles touch disjoint items:
// with `workers` ≥ 2 and enough to move, they are shared between two threads by the items they move (one
// long cycle stays on one thread). Where no thread can be started, the calling thread follows them all.
template <class T>
void permute_in_place(std::vector<T>& v, const std::vector<std::uint32_t>& source, std::size_t workers = 1) {
    // A move that threw halfway along a cycle would leave items lost, and on a second thread end the process.
    static_assert(std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>);
    constexpr std::size_t worth_a_thread = 1u << 16;
    std::vector<bool> seen(v.size(), false);
    if (workers < 2 || v.size() < worth_a_thread) {
        // One thread: each cycle followed as it is found, in one pass.
        for (std::size_t start = 0; start < v.size(); ++start) {
            if (seen[start] || source[start] == start) continue;
            T held = std::move(v[start]);
            std::size_t k = start;
            seen[k] = true;
            while (source[k] != start) {
                v[k] = std::move(v[source[k]]);
                k = source[k];
                seen[k] = true;
            }
            v[k] = std::move(held);
        }
        return;
    }
    // The cycles, found on the indices alone, each given to the side with fewer items to move so far.
    std::vector<std::uint32_t> starts[2];
    std::size_t load[2] = {0, 0};
    for (std::size_t start = 0; start < v.size(); ++start) {
        if (seen[start] || source[start] == start) continue;
        std::size_t k = start, length = 0;
        do {
            seen[k] = true;
            k = source[k];
            ++length;
        } while (k != start);
        const int side = load[0] <= load[1] ? 0 : 1;
        starts[side].push_back(static_cast<std::uint32_t>(start));
        load[side] += length;
    }
    seen = {};
    auto follow = [&](const std::vector<std::uint32_t>& cycles) {
        for (const std::size_t start : cycles) {
            T held = std::move(v[start]);
            std::size_t k = start;
            while (source[k] != start) {
                v[k] = std::move(v[source[k]]);
                k = source[k];
            }
            v[k] = std::move(held);
        }
    };
    if (load[0] + load[1] < worth_a_thread) {
        follow(starts[0]);
        follow(starts[1]);
        return;
    }
    std::thread second;
    try {
        second = std::thread([&] { follow(starts[1]); });
    } catch (const std::system_error&) {
        follow(starts[1]);  // no thread to be had (a process limit): all on this one
    }
    follow(starts[0]);
    if (second.joinable()) second.join();
}

}  // namespace retro
