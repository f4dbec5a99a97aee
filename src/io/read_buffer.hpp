// The bytes a reader has read from a stream and not yet consumed. A stream is read into room at the end that
// is not written first: std::string's resize() writes every byte of the room before the stream overwrites it
// (a megabyte per read, on the thread that frames records while the workers wait for them).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

#include "retro/source.hpp"

namespace retro::io {

class ReadBuffer {
public:
    ReadBuffer() = default;
    ReadBuffer(const ReadBuffer&) = delete;  // a reader's own: never copied or moved
    ReadBuffer& operator=(const ReadBuffer&) = delete;

    std::size_t size() const { return m_size; }
    const char* data() const { return m_data.get(); }
    char operator[](std::size_t i) const { return m_data[i]; }
    std::string_view view() const { return {m_data.get(), m_size}; }
    operator std::string_view() const { return view(); }

    // Drops the first `n` bytes (views into the buffer are then invalid).
    void erase_front(std::size_t n) {
        if (n >= m_size) {
            m_size = 0;
            return;
        }
        std::memmove(m_data.get(), m_data.get() + n, m_size - n);
        m_size -= n;
    }

    // Appends `bytes` (the room may move: views into the buffer are then invalid).
    void append(std::string_view bytes) {
        make_room(bytes.size());
        if (!bytes.empty()) std::memcpy(m_data.get() + m_size, bytes.data(), bytes.size());
        m_size += bytes.size();
    }

    // Reads at most `chunk` bytes of `stream` onto the end; returns how many (0 at its end). The room may
    // move, as with append.
    std::size_t read_from(ByteStream& stream, std::size_t chunk) {
        make_room(chunk);
        const std::size_t n = stream.read(m_data.get() + m_size, chunk);
        m_size += n;
        return n;
    }

private:
    void make_room(std::size_t more) {
        if (m_capacity - m_size >= more) return;
        const std::size_t capacity = std::max(m_size + more, 2 * m_capacity);
        auto data = std::make_unique_for_overwrite<char[]>(capacity);
        if (m_size) std::memcpy(data.get(), m_data.get(), m_size);
        m_data = std::move(data);
        m_capacity = capacity;
    }

    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0, m_capacity = 0;
};

}  // namespace retro::io
