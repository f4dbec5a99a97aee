// The texts a field took lately, each kept once: asked for one it holds, it hands out another holder of the
// same bytes (PackedText shares them) instead of a new copy. For fields that repeat from event to event in a
// stream, like the file an event was read from: a few dozen files interleave in a merged timeline.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "core/text_hash.hpp"
#include "retro/packed_text.hpp"

namespace retro {

template <std::size_t Slots>
class RecentTexts {
public:
    // `text` as a PackedText, shared with the last one given the same text when it is still held.
    const PackedText& get(std::string_view text) {
        PackedText& slot = m_slots[Slots == 1 ? 0 : text_hash(text) % Slots];
        if (slot != text) slot = text;
        return slot;
    }

private:
    std::array<PackedText, Slots> m_slots;
};

}  // namespace retro
