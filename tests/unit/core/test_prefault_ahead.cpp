// PrefaultAhead: pages ahead of a writer faulted in on another thread, never far past it, contents untouched.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>

#include <sys/mman.h>

#include "core/prefault_ahead.hpp"

using namespace retro;

namespace {

struct Mapping {
    std::size_t size;
    char* bytes;
    explicit Mapping(std::size_t n)
        : size(n), bytes(static_cast<char*>(::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))) {}
    ~Mapping() { ::munmap(bytes, size); }
};

}  // namespace

TEST_CASE("pages are faulted in ahead of the writer, not past the distance asked, and keep what they hold") {
    constexpr std::size_t mb = 1u << 20;
    Mapping room(256 * mb);
    REQUIRE(room.bytes != MAP_FAILED);
    std::memcpy(room.bytes + 100 * mb, "kept", 4);  // written before: populating must not change it
    {
        PrefaultAhead prefault(room.bytes, room.bytes + room.size, 16 * mb);
        for (std::size_t at = 0; at < 64 * mb; at += 64 * 1024) {
            room.bytes[at] = 'x';
            prefault.reached(room.bytes + at);
        }
        // The thread works on its own time: it never goes more than the distance (and a chunk) past the writer.
        CHECK(prefault.done() <= 64 * mb + 16 * mb + 4 * mb);
    }  // stops and joins here, whatever it was doing
    CHECK(std::memcmp(room.bytes + 100 * mb, "kept", 4) == 0);
    CHECK(room.bytes[0] == 'x');
    CHECK(room.bytes[200 * mb] == 0);
}

TEST_CASE("a range too small to bother with, or empty, is left to the writer") {
    char small[4096];
    PrefaultAhead none(small, small + sizeof small);
    none.reached(small + 100);
    CHECK(none.done() == 0);
    PrefaultAhead empty(small, small);
    CHECK(empty.done() == 0);
}
