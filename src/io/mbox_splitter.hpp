// Splits an mbox stream into messages (our own splitter: GMime's mbox mode splits real files wrongly).
// Handles mboxo/mboxrd `>From ` unescaping, mboxcl/mboxcl2 `Content-Length:`, CRLF, a UTF-8 BOM, classic,
// Netscape (`From -`) and Gmail Takeout `From ` lines, and unescaped `From ` lines inside bodies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "io/read_buffer.hpp"
#include "retro/diagnostic.hpp"
#include "retro/source.hpp"

namespace retro::io {

// One framed message: its bytes (after the `From ` line, unescaped) and where they start.
struct MboxMessage {
    std::string bytes;
    Origin origin;                    // line of the message's first header line
    std::string envelope;             // the `From ` line after "From ", line ending removed
    std::uint64_t envelope_line = 0;  // 0 when the mailbox had no `From ` line before this message
};

// True when `rest` (a `From ` line after "From ") looks like an envelope: `-`, a sender, a sender and an
// asctime/Gmail date. "From Russia with love" does not.
bool is_mbox_envelope(std::string_view rest);

// True when `head` starts (after an optional BOM) with an mbox `From ` line.
bool looks_like_mbox(std::string_view head);

// Streams messages out of an mbox. A `From ` line separates messages when it starts the file, follows a
// blank line and looks like an envelope, or looks like an envelope and is followed by a header line.
// Messages larger than `max_message_bytes` are skipped with an `ingest.record-too-large` error.
class MboxSplitter {
public:
    MboxSplitter(std::string name, std::string_view head, ByteStream* stream, std::uint64_t max_message_bytes,
                 Diagnostics& diags);

    // The next message; false at the end of the stream.
    bool next(MboxMessage& message);

private:
    bool fill();
    // The line starting at m_pos (with its ending), reading more when needed; empty at the end.
    std::string_view peek_line(std::size_t from);
    bool is_separator(std::string_view line, bool after_blank, std::size_t next_line_start);
    void consume_line(std::size_t length);
    bool take_content_length_body(std::uint64_t length, std::string& out);
    void append_body_line(std::string_view line, MboxMessage& message);

    std::string m_name;
    std::string_view m_head;
    ByteStream* m_stream;
    std::uint64_t m_max;
    Diagnostics& m_diags;
    ReadBuffer m_buffer;
    std::size_t m_pos = 0;
    bool m_head_done = false;
    bool m_eof = false;
    bool m_started = false;
    std::uint64_t m_line = 1;  // line number of the line at m_pos
    // A separator already read: the envelope of the next message.
    std::optional<std::pair<std::string, std::uint64_t>> m_pending_envelope;
    bool m_too_large = false;
};

}  // namespace retro::io
