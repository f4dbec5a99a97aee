// Text held in one pointer: 8 bytes in the object, not std::string's 32. For the Event fields that are
// mostly absent (record, thread, vendor) or longer than std::string keeps inline (a raw timestamp, an
// origin), where the inline buffer buys nothing: a million events carry these fields, and every byte of
// Event is moved several times on the way through (collected, sorted, correlated).
//
// The bytes never change once made, so a copy shares them (a count of holders, kept atomically: events are
// made on one thread and freed on another): the events read from one file carry one copy of its name.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>

namespace retro {

class PackedText {
public:
    PackedText() = default;
    PackedText(std::string_view text) : m_block(make(text)) {}
    PackedText(const std::string& text) : m_block(make(text)) {}
    PackedText(const char* text) : m_block(make(text ? std::string_view(text) : std::string_view())) {}  // null: empty
    PackedText(const PackedText& other) noexcept : m_block(share(other.m_block)) {}
    PackedText(PackedText&& other) noexcept : m_block(std::exchange(other.m_block, nullptr)) {}
    ~PackedText() { release(m_block); }
    PackedText& operator=(const PackedText& other) noexcept {
        Block* kept = share(other.m_block);  // first, in case it is this one
        release(m_block);
        m_block = kept;
        return *this;
    }
    PackedText& operator=(PackedText&& other) noexcept {
        if (this != &other) {
            release(m_block);
            m_block = std::exchange(other.m_block, nullptr);
        }
        return *this;
    }
    PackedText& operator=(std::string_view text) {
        Block* made = make(text);  // first: `text` may be this one's own bytes
        release(m_block);
        m_block = made;
        return *this;
    }
    PackedText& operator=(const std::string& text) { return *this = std::string_view(text); }
    PackedText& operator=(const char* text) { return *this = text ? std::string_view(text) : std::string_view(); }

    std::string_view view() const {
        if (!m_block) return {};
        if (m_block->size != Block::large) return {reinterpret_cast<const char*>(m_block + 1), m_block->size};
        std::size_t size;
        std::memcpy(&size, m_block + 1, sizeof size);
        return {reinterpret_cast<const char*>(m_block + 1) + sizeof size, size};
    }
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }
    bool empty() const { return !m_block; }
    std::size_t size() const { return view().size(); }
    void clear() {
        release(m_block);
        m_block = nullptr;
    }
    // True when `other` holds the very same bytes (a copy of this one), not only equal ones.
    bool shares(const PackedText& other) const { return m_block && m_block == other.m_block; }

    // One overload per kind of text, each an exact match, so no comparison needs a conversion to choose.
    friend bool operator==(const PackedText& a, const PackedText& b) {
        return a.m_block == b.m_block || a.view() == b.view();
    }
    friend bool operator==(const PackedText& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(const PackedText& a, const std::string& b) { return a.view() == b; }
    friend bool operator==(const PackedText& a, const char* b) { return a.view() == b; }
    friend std::strong_ordering operator<=>(const PackedText& a, const PackedText& b) { return a.view() <=> b.view(); }
    friend std::strong_ordering operator<=>(const PackedText& a, std::string_view b) { return a.view() <=> b; }
    friend std::strong_ordering operator<=>(const PackedText& a, const std::string& b) { return a.view() <=> b; }
    friend std::strong_ordering operator<=>(const PackedText& a, const char* b) {
        return a.view() <=> std::string_view(b);
    }

private:
    // The holders and the size, then the bytes; a size of 4 GiB or more is `large` here and follows as a
    // std::size_t before the bytes.
    struct Block {
        static constexpr std::uint32_t large = UINT32_MAX;
        std::atomic<std::uint32_t> holders;
        std::uint32_t size;
    };
    static_assert(sizeof(Block) == 8);

    // Empty text holds nothing.
    static Block* make(std::string_view text) {
        if (text.empty()) return nullptr;
        const bool is_large = text.size() >= Block::large;
        const std::size_t header = sizeof(Block) + (is_large ? sizeof(std::size_t) : 0);
        void* memory = ::operator new(header + text.size());
        Block* block = ::new (memory) Block{{1}, is_large ? Block::large : static_cast<std::uint32_t>(text.size())};
        char* bytes = static_cast<char*>(memory) + sizeof(Block);
        if (is_large) {
            const std::size_t size = text.size();
            std::memcpy(bytes, &size, sizeof size);
            bytes += sizeof size;
        }
        std::memcpy(bytes, text.data(), text.size());
        return block;
    }
    static Block* share(Block* block) noexcept {
        if (block) block->holders.fetch_add(1, std::memory_order_relaxed);
        return block;
    }
    static void release(Block* block) noexcept {
        if (!block) return;
        // The only holder needs no atomic write: nobody else can take a share of what only it holds.
        if (block->holders.load(std::memory_order_acquire) != 1 &&
            block->holders.fetch_sub(1, std::memory_order_acq_rel) != 1)
            return;
        block->~Block();
        ::operator delete(static_cast<void*>(block));
    }

    Block* m_block = nullptr;
};

}  // namespace retro
