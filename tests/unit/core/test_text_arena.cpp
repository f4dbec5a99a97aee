// TextArena: texts copied into blocks that never move, so every view it hands out stays valid.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/text_arena.hpp"

using namespace retro;

TEST_CASE("an arena keeps every text it was given, across blocks and past a block's size") {
    TextArena arena;
    std::vector<std::string> texts;
    std::vector<std::string_view> kept;
    for (int i = 0; i < 20000; ++i) {
        texts.push_back(std::string(static_cast<std::size_t>(i % 97), static_cast<char>('a' + i % 26)) +
                        std::to_string(i));
        if (i % 5000 == 0) texts.back() += std::string(40000, 'x');  // larger than a quarter block: its own
        kept.push_back(arena.keep(texts.back()));
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CHECK(kept[i] == texts[i]);
        CHECK(kept[i].data() != texts[i].data());
    }
    CHECK(arena.keep("").empty());
}
