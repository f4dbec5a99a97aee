// sort_nearly_sorted: the order std::sort gives, for input in order, nearly in order, in reverse, or in none.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/nearly_sorted.hpp"

using namespace retro;

namespace {

// A key to sort by and a string that owns heap memory, so that a lost, doubled or half-moved item shows.
using Item = std::pair<int, std::string>;

bool by_key(const Item& a, const Item& b) {
    return a.first < b.first;
}

std::vector<Item> items_of(const std::vector<int>& keys) {
    std::vector<Item> v;
    for (std::size_t i = 0; i < keys.size(); ++i)
        v.emplace_back(keys[i], "item " + std::to_string(i) + " with a name longer than the short buffer");
    return v;
}

// Sorted by key, and the same items as before (each exactly once).
void check_sorts(const std::vector<int>& keys) {
    const std::vector<Item> before = items_of(keys);
    std::vector<Item> v = before;
    sort_nearly_sorted(v, by_key);
    REQUIRE(std::is_sorted(v.begin(), v.end(), by_key));
    std::vector<Item> expected = before, got = v;
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    REQUIRE(got == expected);
}

}  // namespace

TEST_CASE("sort_nearly_sorted sorts input in any order and keeps every item") {
    check_sorts({});
    check_sorts({7});
    check_sorts({1, 2, 3, 4, 5});
    check_sorts({5, 4, 3, 2, 1});
    check_sorts({3, 3, 3, 1, 3, 3});
    check_sorts({1, 9, 2, 3, 4, 5});      // one item far ahead: everything after it is set aside
    check_sorts({2, 3, 4, 5, 6, 1});      // one item far behind
    check_sorts({1, 2, 9, 3, 4, 10, 5});  // a few posts a little ahead of their place
    check_sorts({0, 5, 5, 4, 5, 5, 6});   // ties on both sides of the merge
    std::mt19937 rng(20240725);
    for (int round = 0; round < 50; ++round) {
        INFO(round);
        std::vector<int> keys(1 + rng() % 2000);
        // Mostly ascending, with a share of keys moved ahead by up to 30 places' worth of value.
        for (std::size_t i = 0; i < keys.size(); ++i)
            keys[i] = static_cast<int>(i) +
                      (rng() % 100 < static_cast<unsigned>(round * 2) ? static_cast<int>(rng() % 30) : 0);
        check_sorts(keys);
        std::shuffle(keys.begin(), keys.end(), rng);
        check_sorts(keys);
    }
}

TEST_CASE("sort_nearly_sorted leaves input already in order untouched, comparing each item once") {
    std::vector<Item> v = items_of({1, 2, 2, 3, 8, 13});
    const std::vector<Item> before = v;
    std::size_t comparisons = 0;
    sort_nearly_sorted(v, [&](const Item& a, const Item& b) {
        ++comparisons;
        return by_key(a, b);
    });
    CHECK(v == before);
    CHECK(comparisons == v.size() - 1);
}
