// Whole-buffer zlib: round trip, damage, trailing bytes and the inflate cap.
#include <catch2/catch.hpp>

#include "io/zlib_bytes.hpp"

using namespace retro;

TEST_CASE("deflated bytes inflate back, and only whole undamaged streams do", "[io][zlib]") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "11.15 #wc-platform-alerts: Catalogue API errors\n\n";
    const std::string deflated = io::deflate_bytes(text);
    CHECK(deflated.size() < text.size() / 20);
    CHECK(io::deflate_bytes(text) == deflated);
    CHECK(io::inflate_bytes(deflated, text.size()) == text);
    CHECK(io::inflate_bytes(io::deflate_bytes(""), 0) == "");

    CHECK_FALSE(io::inflate_bytes(deflated, text.size() - 1));                             // past the cap
    CHECK_FALSE(io::inflate_bytes(deflated.substr(0, deflated.size() - 1), text.size()));  // truncated
    CHECK_FALSE(io::inflate_bytes(deflated + "x", text.size()));                           // bytes after the stream
    std::string damaged = deflated;
    damaged[deflated.size() / 2] ^= 0x55;
    CHECK_FALSE(io::inflate_bytes(damaged, text.size()));
    CHECK_FALSE(io::inflate_bytes("", 10));
    CHECK_FALSE(io::inflate_bytes("not zlib at all", 100));
}
