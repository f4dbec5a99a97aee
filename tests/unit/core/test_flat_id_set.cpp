// FlatIdSet: the first item of each id is new, every later one is a duplicate, across table growth and
// colliding slots.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/flat_id_set.hpp"

using namespace retro;

TEST_CASE("the first item of each id is inserted, later items with the same id are not", "[flat-id-set]") {
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back("slack:C1/" + std::to_string(i % 1700));  // each id ~3 times
    ids.push_back("");                                                                      // an empty id too
    ids.push_back("");
    FlatIdSet seen(ids.size(), [&](std::uint32_t i) { return std::string_view(ids[i]); });
    std::size_t kept = 0;
    for (std::uint32_t i = 0; i < ids.size(); ++i) {
        const bool first = seen.insert(i);
        CHECK(first == (i < 1700 || i == 5000));
        kept += first ? 1 : 0;
    }
    CHECK(kept == 1701);
}

TEST_CASE("an empty table and a one-item table", "[flat-id-set]") {
    std::vector<std::string> ids = {"a"};
    FlatIdSet none(0, [&](std::uint32_t i) { return std::string_view(ids[i]); });
    FlatIdSet one(1, [&](std::uint32_t i) { return std::string_view(ids[i]); });
    CHECK(one.insert(0));
    CHECK_FALSE(one.insert(0));
}

TEST_CASE("a set started empty grows as items arrive, with hashes made elsewhere", "[flat-id-set]") {
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i) ids.push_back("alert:" + std::to_string(i % 9000));
    FlatIdSet seen(0, [&](std::uint32_t i) { return std::string_view(ids[i]); });
    std::size_t kept = 0;
    for (std::uint32_t i = 0; i < ids.size(); ++i) {
        const bool first = seen.insert(i, flat_id_hash(ids[i]));
        CHECK(first == (i < 9000));
        kept += first ? 1 : 0;
    }
    CHECK(kept == 9000);
}

TEST_CASE("ids whose hashes share a slot are told apart by their bytes", "[flat-id-set]") {
    std::vector<std::string> ids = {"a", "b", "c", "a", "b", "c"};
    FlatIdSet seen(0, [&](std::uint32_t i) { return std::string_view(ids[i]); });
    for (std::uint32_t i = 0; i < 3; ++i) CHECK(seen.insert(i, 42));  // one hash for all: same tag, same slot
    for (std::uint32_t i = 3; i < 6; ++i) CHECK_FALSE(seen.insert(i, 42));
}

TEST_CASE("ids are read only where two hashes meet", "[flat-id-set]") {
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i) ids.push_back("slack:C1/" + std::to_string(i % 15000));  // 5000 repeated
    std::size_t reads = 0;
    FlatIdSet seen(ids.size(), [&](std::uint32_t i) {
        ++reads;
        return std::string_view(ids[i]);
    });
    std::size_t repeats = 0;
    for (std::uint32_t i = 0; i < ids.size(); ++i) repeats += seen.insert(i, flat_id_hash(ids[i])) ? 0 : 1;
    CHECK(repeats == 5000);
    // Each repeat compared with its first once; a distinct id only where 32 bits of hash collide (rare): not
    // one read per insert, as when each insert read its id first.
    CHECK(reads >= 2 * 5000);
    CHECK(reads < 2 * 5000 + 100);
}
