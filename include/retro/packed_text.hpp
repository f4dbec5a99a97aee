// Text held in one pointer: 8 bytes in the object, not std::string's 32. For the Event fields that are
// mostly absent (record, thread, vendor) or longer than std::string keeps inline (a raw timestamp), where
// the inline buffer buys nothing: a million events carry these fields, and every byte of Event is moved
// several times on the way through (collected, sorted, correlated).
#pragma once

#include <compare>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace retro {

class PackedText {
public:
    PackedText() = default;
    PackedText(std::string_view text) { assign(text); }
    PackedText(const std::string& text) { assign(text); }
    PackedText(const char* text) { assign(text ? std::string_view(text) : std::string_view()); }  // null: empty
    PackedText(const PackedText& other) { assign(other.view()); }
    PackedText(PackedText&&) noexcept = default;
    PackedText& operator=(const PackedText& other) {
        if (this != &other) assign(other.view());
        return *this;
    }
    PackedText& operator=(PackedText&&) noexcept = default;
    PackedText& operator=(std::string_view text) {
        assign(text);
        return *this;
    }
    PackedText& operator=(const std::string& text) { return *this = std::string_view(text); }
    PackedText& operator=(const char* text) { return *this = text ? std::string_view(text) : std::string_view(); }

    std::string_view view() const {
        if (!m_bytes) return {};
        std::size_t size;
        std::memcpy(&size, m_bytes.get(), sizeof size);
        return {m_bytes.get() + sizeof size, size};
    }
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }
    bool empty() const { return !m_bytes; }
    std::size_t size() const { return view().size(); }
    void clear() { m_bytes.reset(); }

    // One overload per kind of text, each an exact match, so no comparison needs a conversion to choose.
    friend bool operator==(const PackedText& a, const PackedText& b) { return a.view() == b.view(); }
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
    // Empty text holds nothing; else the size, then the bytes.
    void assign(std::string_view text) {
        if (text.empty()) {
            m_bytes.reset();
            return;
        }
        const std::size_t size = text.size();
        auto bytes = std::make_unique_for_overwrite<char[]>(sizeof size + size);
        std::memcpy(bytes.get(), &size, sizeof size);
        std::memcpy(bytes.get() + sizeof size, text.data(), size);
        m_bytes = std::move(bytes);
    }

    std::unique_ptr<char[]> m_bytes;
};

}  // namespace retro
