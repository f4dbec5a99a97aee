// Line reading with LF, CRLF and lone CR endings, over head bytes then a stream.
#include "io/line_reader.hpp"

namespace retro::io {

LineReader::LineReader(std::string_view head, ByteStream* stream) : m_head(head), m_stream(stream) {}

bool LineReader::fill() {
    if (m_eof) return false;
    if (m_pos > 0) {
        m_buffer.erase_front(m_pos);
        m_pos = 0;
    }
    if (!m_head_done) {
        m_head_done = true;
        if (!m_head.empty()) {
            m_buffer.append(m_head);
            return true;
        }
    }
    if (!m_stream) {
        m_eof = true;
        return false;
    }
    constexpr std::size_t chunk = 1 << 16;
    const std::size_t n = m_buffer.read_from(*m_stream, chunk);
    if (n == 0) m_eof = true;
    return n > 0;
}

bool LineReader::next(std::string_view& line) {
    std::size_t i = m_pos;
    for (;;) {
        while (i < m_buffer.size() && m_buffer[i] != '\n' && m_buffer[i] != '\r') ++i;
        if (i < m_buffer.size()) {
            // A CR at the end of the buffer may be the first half of CRLF: read on before deciding.
            if (m_buffer[i] == '\r' && i + 1 == m_buffer.size() && !m_eof) {
                const std::size_t offset = i - m_pos;
                if (fill()) {
                    i = m_pos + offset;
                    continue;
                }
                i = m_pos + offset;
            }
            break;
        }
        const std::size_t offset = i - m_pos;
        if (!fill()) {
            i = m_pos + offset;
            break;
        }
        i = m_pos + offset;
    }
    if (m_pos >= m_buffer.size()) return false;
    line = m_buffer.view().substr(m_pos, i - m_pos);
    std::size_t after = i;
    if (after < m_buffer.size()) {
        if (m_buffer[after] == '\r' && after + 1 < m_buffer.size() && m_buffer[after + 1] == '\n') after += 2;
        else after += 1;
    }
    m_pos = after;
    ++m_line_number;
    return true;
}

}  // namespace retro::io
