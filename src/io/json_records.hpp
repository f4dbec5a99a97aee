// Frames JSON records from a byte stream: NDJSON lines, one whole document, or pretty-printed documents
// one after another (as `jq .` prints them). Each record goes to a parser as bytes with its origin.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/read_buffer.hpp"
#include "retro/diagnostic.hpp"
#include "retro/source.hpp"

namespace retro::io {

struct JsonRecord {
    std::string_view bytes;  // valid until the next call to next()
    Origin origin;           // where the record starts
};

class JsonRecordReader {
public:
    // Reads `head` first, then `stream` (which may be null). `name` is used in diagnostics.
    // Records larger than `max_record_bytes` are skipped with an `ingest.record-too-large` error.
    JsonRecordReader(std::string name, std::string_view head, ByteStream* stream,
                     std::uint64_t max_record_bytes, Diagnostics& diags);

    // The next record; false at the end. Bytes between records that cannot start a JSON value are
    // reported once per run as `ingest.bad-json` and skipped to the next line.
    bool next(JsonRecord& record);

    // True once a line held exactly one record: later records are framed by newlines, so a broken line
    // costs only itself.
    bool is_line_mode() const { return m_line_mode; }

private:
    bool next_framed(JsonRecord& record);
    bool fill();
    bool skip_separators();
    bool frame_line(JsonRecord& record);
    bool frame_document(JsonRecord& record);
    void skip_rest_of_line();
    void consume(std::size_t n);
    void set_origin(JsonRecord& record, std::uint64_t line, std::uint64_t column) const;

    std::string m_name;
    std::string_view m_head;
    ByteStream* m_stream;
    std::uint64_t m_max;
    Diagnostics& m_diags;
    ReadBuffer m_buffer;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 1, m_column = 1;
    bool m_eof = false;
    bool m_skipped = false;  // the last frame_*() call skipped an oversized record
    bool m_head_done = false;
    bool m_line_mode = false;
    bool m_first = true;
};

}  // namespace retro::io
