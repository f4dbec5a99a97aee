// Texts kept as long as their arena, copied into large blocks instead of allocated one by one: for sets of
// many small keys that live together and die together (a conversation's messages seen so far).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace retro {

class TextArena {
public:
    // A copy of `text`, valid until the arena goes (blocks never move).
    std::string_view keep(std::string_view text) {
        if (text.empty()) return {};
        if (text.size() > m_left) {
            if (text.size() > block_size / 4) return {store(text.size(), text), text.size()};  // its own block
            m_next = store(block_size, {});
            m_left = block_size;
        }
        char* at = m_next;
        std::memcpy(at, text.data(), text.size());
        m_next += text.size();
        m_left -= text.size();
        return {at, text.size()};
    }

private:
    static constexpr std::size_t block_size = 64 * 1024;

    char* store(std::size_t size, std::string_view text) {
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size));
        if (!text.empty()) std::memcpy(m_blocks.back().get(), text.data(), text.size());  // never from null
        return m_blocks.back().get();
    }

    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_next = nullptr;
    std::size_t m_left = 0;
};

}  // namespace retro
