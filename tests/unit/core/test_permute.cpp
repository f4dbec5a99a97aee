// permute_in_place: v[k] becomes the old v[source[k]], on one thread or two, for any cycle structure.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "core/permute.hpp"

using namespace retro;

namespace {

// Items that own heap memory (strings longer than the short-string buffer), so that a wrong move shows.
std::vector<std::string> items(std::size_t n) {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < n; ++i) v.push_back("item number " + std::to_string(i) + " of the vector");
    return v;
}

void check_permutes(const std::vector<std::uint32_t>& source, std::size_t workers) {
    const std::vector<std::string> before = items(source.size());
    std::vector<std::string> v = before;
    permute_in_place(v, source, workers);
    for (std::size_t k = 0; k < source.size(); ++k) REQUIRE(v[k] == before[source[k]]);
}

}  // namespace

TEST_CASE("a permutation of small cycles, on one thread and on two", "[permute]") {
    std::vector<std::uint32_t> source(200000);
    std::iota(source.begin(), source.end(), std::uint32_t{0});
    std::mt19937 random(7);
    for (std::size_t k = 0; k + 1 < source.size(); k += 2)
        if (random() % 2) std::swap(source[k], source[k + 1]);  // swaps, fixed points between them
    check_permutes(source, 1);
    check_permutes(source, 2);
}

TEST_CASE("one cycle through every item, and one long cycle among many short ones", "[permute]") {
    const std::uint32_t n = 150000;
    std::vector<std::uint32_t> shift(n);
    for (std::uint32_t k = 0; k < n; ++k) shift[k] = (k + 1) % n;  // the stream less its first record
    check_permutes(shift, 2);

    std::vector<std::uint32_t> mixed(n);
    std::iota(mixed.begin(), mixed.end(), std::uint32_t{0});
    std::mt19937 random(11);
    std::shuffle(mixed.begin(), mixed.begin() + n / 2, random);                      // many cycles in the first half
    for (std::uint32_t k = n / 2; k < n; ++k) mixed[k] = k + 1 < n ? k + 1 : n / 2;  // one in the second
    check_permutes(mixed, 1);
    check_permutes(mixed, 2);
}

TEST_CASE("the identity and the empty vector move nothing", "[permute]") {
    std::vector<std::uint32_t> identity(100000);
    std::iota(identity.begin(), identity.end(), std::uint32_t{0});
    check_permutes(identity, 2);
    check_permutes({}, 2);
}
