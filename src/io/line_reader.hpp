// Reads a byte stream line by line with 1-based line numbers; accepts LF, CRLF and lone CR endings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/read_buffer.hpp"
#include "retro/source.hpp"

namespace retro::io {

class LineReader {
public:
    LineReader(std::string_view head, ByteStream* stream);
    // The next line without its ending; false at the end. `line` is valid until the next call.
    bool next(std::string_view& line);
    std::uint64_t line_number() const { return m_line_number; }

private:
    bool fill();
    std::string_view m_head;
    ByteStream* m_stream;
    ReadBuffer m_buffer;
    std::size_t m_pos = 0;
    bool m_head_done = false;
    bool m_eof = false;
    std::uint64_t m_line_number = 0;
};

}  // namespace retro::io
