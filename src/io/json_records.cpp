// JSON record framing. Three shapes reach us: NDJSON (as `jq -c` prints), one whole document (an export's
// day file, an API response), and pretty-printed documents one after another (as `jq .` or paged AWS CLI
// output prints). Documents are framed by bracket depth outside strings; once a line is seen to hold
// exactly one record, framing switches to lines, so a damaged NDJSON line costs only that line instead of
// swallowing the lines after it into one unbalanced "document".
#include "io/json_records.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

namespace retro::io {

namespace {

constexpr std::size_t chunk_size = 1 << 20;

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x1e'; }

}  // namespace

JsonRecordReader::JsonRecordReader(std::string name, std::string_view head, ByteStream* stream,
                                   std::uint64_t max_record_bytes, Diagnostics& diags)
    : m_name(std::move(name)), m_head(head), m_stream(stream), m_max(max_record_bytes), m_diags(diags) {}

bool JsonRecordReader::fill() {
    if (m_eof) return false;
    if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
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
    const std::size_t n = m_buffer.read_from(*m_stream, chunk_size);
    if (n == 0) {
        m_eof = true;
        const std::string damage = m_stream->damage();
        if (!damage.empty())
            m_diags.error("ingest.truncated", {m_name, m_line, m_column}, damage);
        return false;
    }
    return true;
}

void JsonRecordReader::consume(std::size_t n) {
    const char* begin = m_buffer.data() + m_pos;
    const char* end = begin + n;
    const char* last_newline = nullptr;
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
        ++m_line;
        last_newline = p;
    }
    if (last_newline) m_column = static_cast<std::uint64_t>(end - last_newline);
    else m_column += n;
    m_pos += n;
}

// Skips whitespace, a UTF-8 BOM at the very start, and RFC 7464 record separators.
bool JsonRecordReader::skip_separators() {
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) return false;
        if (m_first && m_line == 1 && m_column == 1 && m_buffer.view().substr(m_pos, 3) == "\xEF\xBB\xBF") {
            m_pos += 3;
            continue;
        }
        std::size_t i = m_pos;
        while (i < m_buffer.size() && is_ws(m_buffer[i])) ++i;
        consume(i - m_pos);
        if (m_pos < m_buffer.size()) return true;
    }
}

void JsonRecordReader::skip_rest_of_line() {
    for (;;) {
        const char* start = m_buffer.data() + m_pos;
        const void* nl = std::memchr(start, '\n', m_buffer.size() - m_pos);
        if (nl) {
            consume(static_cast<const char*>(nl) - start + 1);
            return;
        }
        consume(m_buffer.size() - m_pos);
        if (!fill()) return;
    }
}

bool JsonRecordReader::next(JsonRecord& record) {
    // frame_*() skip an oversized record by returning false with m_skipped set: a loop, not recursion, so
    // a long run of oversized records cannot exhaust the stack.
    for (;;) {
        m_skipped = false;
        if (next_framed(record)) return true;
        if (!m_skipped) return false;
    }
}

bool JsonRecordReader::next_framed(JsonRecord& record) {
    bool reported_junk = false;
    for (;;) {
        if (!skip_separators()) return false;
        const char c = m_buffer[m_pos];
        if (m_line_mode) return frame_line(record);
        if (c == '{' || c == '[') return frame_document(record);
        if (!reported_junk) {
            m_diags.error("ingest.bad-json", {m_name, m_line, m_column},
                          fmt::format("expected a JSON object or array, found '{}'; skipping to the next line",
                                      std::isprint(static_cast<unsigned char>(c)) ? std::string(1, c)
                                                                                  : fmt::format("\\x{:02x}", static_cast<unsigned char>(c))));
            reported_junk = true;
        }
        skip_rest_of_line();
    }
}

bool JsonRecordReader::frame_line(JsonRecord& record) {
    // A line holding only "{" or "[" opens a pretty-printed document: frame it by depth.
    std::size_t probe = m_pos;
    while (probe < m_buffer.size() && (m_buffer[probe] == '{' || m_buffer[probe] == '[')) ++probe;
    if (probe == m_pos + 1) {
        std::size_t k = probe;
        while (k < m_buffer.size() && (m_buffer[k] == ' ' || m_buffer[k] == '\t' || m_buffer[k] == '\r')) ++k;
        if (k < m_buffer.size() && m_buffer[k] == '\n') return frame_document(record);
    }
    const std::uint64_t start_line = m_line, start_column = m_column;
    std::size_t scanned = m_pos;
    bool too_large = false;
    for (;;) {
        const void* nl = std::memchr(m_buffer.data() + scanned, '\n', m_buffer.size() - scanned);
        if (nl) {
            scanned = static_cast<const char*>(nl) - m_buffer.data();
            break;
        }
        scanned = m_buffer.size();
        if (scanned - m_pos > m_max) {
            if (!too_large) {
                m_diags.error("ingest.record-too-large", {m_name, start_line, start_column},
                              fmt::format("record larger than the limit of {} bytes; skipped", m_max));
                too_large = true;
            }
            consume(scanned - m_pos);
            scanned = m_pos;
        }
        const std::size_t offset = scanned - m_pos;
        if (!fill()) break;
        scanned = m_pos + offset;
    }
    std::size_t end = scanned;
    const std::size_t after = end < m_buffer.size() ? end + 1 : end;
    if (end > m_pos && m_buffer[end - 1] == '\r') --end;
    if (too_large || end - m_pos > m_max) {
        if (!too_large)
            m_diags.error("ingest.record-too-large", {m_name, start_line, start_column},
                          fmt::format("record larger than the limit of {} bytes; skipped", m_max));
        consume(after - m_pos);
        m_skipped = true;
        return false;
    }
    record.bytes = m_buffer.view().substr(m_pos, end - m_pos);
    set_origin(record, start_line, start_column);
    // The view stays valid: m_pos only moves; the buffer is compacted by the next fill().
    if (after > scanned) {  // the line ends at its newline, the only one in it: no scan to count lines
        ++m_line;
        m_column = 1;
        m_pos = after;
    } else {
        consume(after - m_pos);
    }
    m_first = false;
    return true;
}

// The name is copied only when the record does not hold it already (a record reused for every line).
void JsonRecordReader::set_origin(JsonRecord& record, std::uint64_t line, std::uint64_t column) const {
    if (record.origin.name != m_name) record.origin.name = m_name;
    record.origin.line = line;
    record.origin.column = column;
}

bool JsonRecordReader::frame_document(JsonRecord& record) {
    const std::uint64_t start_line = m_line, start_column = m_column;
    int depth = 0;
    bool in_string = false, escape = false, too_large = false, saw_newline = false;
    std::size_t i = m_pos;
    for (;;) {
        for (; i < m_buffer.size(); ++i) {
            const char c = m_buffer[i];
            if (in_string) {
                if (escape) escape = false;
                else if (c == '\\') escape = true;
                else if (c == '"') in_string = false;
                else if (c == '\n') saw_newline = true;
                continue;
            }
            if (c == '"') in_string = true;
            else if (c == '{' || c == '[') ++depth;
            else if (c == '}' || c == ']') {
                if (--depth == 0) break;
            } else if (c == '\n') saw_newline = true;
        }
        if (i < m_buffer.size()) break;  // found the end
        if (i - m_pos > m_max) {
            if (!too_large) {
                m_diags.error("ingest.record-too-large", {m_name, start_line, start_column},
                              fmt::format("record larger than the limit of {} bytes; skipped", m_max));
                too_large = true;
            }
            consume(i - m_pos);
            i = m_pos;
        }
        const std::size_t offset = i - m_pos;
        if (!fill()) {
            // End of input inside a document: hand it to the parser, which says where it broke off.
            if (too_large) return false;
            record.bytes = m_buffer.view().substr(m_pos);
            set_origin(record, start_line, start_column);
            consume(m_buffer.size() - m_pos);
            return !record.bytes.empty();
        }
        i = m_pos + offset;
    }
    const std::size_t end = i + 1;
    if (too_large || end - m_pos > m_max) {
        if (!too_large)
            m_diags.error("ingest.record-too-large", {m_name, start_line, start_column},
                          fmt::format("record larger than the limit of {} bytes; skipped", m_max));
        consume(end - m_pos);
        m_skipped = true;
        return false;
    }
    if (m_first && !saw_newline) {
        // The first record fits on one line: if nothing else follows on that line, this is NDJSON.
        std::size_t k = end;
        while (k < m_buffer.size() && (m_buffer[k] == ' ' || m_buffer[k] == '\t' || m_buffer[k] == '\r')) ++k;
        if (k >= m_buffer.size() || m_buffer[k] == '\n') m_line_mode = true;
    }
    record.bytes = m_buffer.view().substr(m_pos, end - m_pos);
    set_origin(record, start_line, start_column);
    consume(end - m_pos);
    m_first = false;
    return true;
}

}  // namespace retro::io
