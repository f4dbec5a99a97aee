// mbox splitting (RFC 4155 and the mboxo/mboxrd/mboxcl/mboxcl2 variants; see input-formats.md §5.3).
//
// Why our own splitter: GMime's mbox mode treats every `From ` line after a blank line as a separator and
// so splits `From Russia with love` off as a message, and needs a date on the `From ` line, so it merges
// Gmail Takeout messages. Here a `From ` line separates only when it looks like an envelope (`-`, a
// sender, a sender and a date); one not after a blank line (Netscape's `From - ` right after a body line)
// must also be followed by a header line.
#include "io/mbox_splitter.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/text_utf8.hpp"
#include "retro/time.hpp"

namespace retro::io {
namespace {

constexpr std::size_t read_chunk = 64 * 1024;
constexpr std::size_t compact_threshold = 1 << 20;

bool is_blank_line(std::string_view line) {
    return line == "\n" || line == "\r\n" || line == "\r";
}

std::string_view without_ending(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

bool is_from_line(std::string_view line) {
    return line.substr(0, 5) == "From ";
}

// `Name: value` with a name of printable ASCII other than ':' (RFC 5322 §2.2 field-name).
bool looks_like_header_line(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] >= 33 && line[i] <= 126 && line[i] != ':') ++i;
    return i > 0 && i < line.size() && line[i] == ':';
}

bool is_weekday(std::string_view word) {
    static constexpr std::string_view days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return std::find(std::begin(days), std::end(days), word.substr(0, 3)) != std::end(days);
}

// asctime (`Mon Jun  3 12:50:27 1996`), Gmail (`Mon Nov 06 04:42:58 +0000 2017`), or tolerantly a weekday
// followed by something holding a clock time.
bool looks_like_envelope_date(std::string_view text) {
    text = trim(text);
    if (auto remote = text.find(" remote from "); remote != std::string_view::npos) text = text.substr(0, remote);
    if (parse_asctime(text, TimeZone::utc())) return true;
    return text.size() >= 10 && is_weekday(text) && text.find(':') != std::string_view::npos;
}

std::optional<std::uint64_t> parse_content_length(std::string_view line) {
    if (!starts_with_icase(line, "Content-Length:")) return std::nullopt;
    auto value = trim(without_ending(line.substr(15)));
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return n;
}

}  // namespace

bool is_mbox_envelope(std::string_view rest) {
    rest = trim(without_ending(rest));
    if (rest.empty() || rest == "-") return true;
    if (rest.substr(0, 2) == "- ") return true;
    auto space = rest.find(' ');
    std::string_view sender = rest.substr(0, space);
    std::string_view date = space == std::string_view::npos ? std::string_view() : trim(rest.substr(space));
    bool sender_like = sender.find('@') != std::string_view::npos || sender == "MAILER-DAEMON";
    if (date.empty()) return sender_like;
    return looks_like_envelope_date(date);
}

bool looks_like_mbox(std::string_view head) {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    if (!is_from_line(head)) return false;
    auto end = head.find('\n');
    std::string_view first = head.substr(5, end == std::string_view::npos ? head.size() : end - 5);
    if (is_mbox_envelope(first)) return true;
    return end != std::string_view::npos && looks_like_header_line(head.substr(end + 1));
}

MboxSplitter::MboxSplitter(std::string name, std::string_view head, ByteStream* stream, std::uint64_t max_message_bytes,
                           Diagnostics& diags)
    : m_name(std::move(name)), m_head(head), m_stream(stream), m_max(max_message_bytes), m_diags(diags) {}

bool MboxSplitter::fill() {
    if (!m_head_done) {
        m_head_done = true;
        if (!m_head.empty()) {
            m_buffer.append(m_head);
            return true;
        }
    }
    if (m_eof || !m_stream) {
        m_eof = true;
        return false;
    }
    const std::size_t got = m_buffer.read_from(*m_stream, read_chunk);
    if (got == 0) {
        m_eof = true;
        if (auto damage = m_stream->damage(); !damage.empty())
            m_diags.error("ingest.truncated", {m_name, m_line, 0}, damage);
    }
    return got > 0;
}

std::string_view MboxSplitter::peek_line(std::size_t from) {
    for (;;) {
        auto nl = m_buffer.view().find('\n', from);
        if (nl != std::string::npos) return m_buffer.view().substr(from, nl + 1 - from);
        if (!fill()) return m_buffer.view().substr(std::min(from, m_buffer.size()));
    }
}

void MboxSplitter::consume_line(std::size_t length) {
    m_pos += length;
    ++m_line;
}

bool MboxSplitter::is_separator(std::string_view line, bool after_blank, std::size_t next_line_start) {
    if (!is_from_line(line) || !is_mbox_envelope(line.substr(5))) return false;
    if (after_blank) return true;
    return looks_like_header_line(peek_line(next_line_start));
}

// mboxcl/mboxcl2: trust `Content-Length` only when the body it measures ends the file or is followed by a
// `From ` line (optionally after one blank line); otherwise fall back to scanning lines.
bool MboxSplitter::take_content_length_body(std::uint64_t length, std::string& out) {
    if (length > m_max) return false;
    while (m_buffer.size() - m_pos < length + 1 && fill()) {
    }
    if (m_buffer.size() - m_pos < length) return false;
    std::size_t end = m_pos + length;
    std::string after(peek_line(end));
    bool fits = after.empty() || is_from_line(after);
    if (!fits && is_blank_line(after)) {
        std::string next(peek_line(end + after.size()));
        fits = next.empty() || is_from_line(next);
    }
    if (!fits) return false;
    std::string_view body = m_buffer.view().substr(m_pos, length);
    out.append(body);
    m_line += static_cast<std::uint64_t>(std::count(body.begin(), body.end(), '\n'));
    m_pos = end;
    return true;
}

// mboxrd: remove one `>` from `>+From `; for mboxo this restores the escaped `From ` lines.
void MboxSplitter::append_body_line(std::string_view line, MboxMessage& message) {
    std::size_t quotes = 0;
    while (quotes < line.size() && line[quotes] == '>') ++quotes;
    if (quotes > 0 && line.substr(quotes, 5) == "From ") line.remove_prefix(1);
    message.bytes.append(line);
}

bool MboxSplitter::next(MboxMessage& message) {
    for (;;) {
        message = MboxMessage{};
        if (m_pos >= compact_threshold) {
            m_buffer.erase_front(m_pos);
            m_pos = 0;
        }
        if (!m_started) {
            m_started = true;
            fill();
            if (m_buffer.view().substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
            std::string_view first = peek_line(m_pos);
            if (is_from_line(first)) {
                m_pending_envelope.emplace(std::string(without_ending(first.substr(5))), m_line);
                consume_line(first.size());
            }
        }
        bool had_envelope = m_pending_envelope.has_value();
        if (had_envelope) {
            message.envelope = std::move(m_pending_envelope->first);
            message.envelope_line = m_pending_envelope->second;
            m_pending_envelope.reset();
        }
        message.origin = Origin{m_name, m_line, 1};
        if (!had_envelope && peek_line(m_pos).empty()) return false;

        bool in_headers = true, after_blank = false, too_large = false;
        std::optional<std::uint64_t> content_length;
        for (;;) {
            if (m_pos >= compact_threshold && !too_large) {
                m_buffer.erase_front(m_pos);
                m_pos = 0;
            }
            std::string_view line = peek_line(m_pos);
            if (line.empty()) break;
            std::size_t length = line.size();
            if (is_separator(line, after_blank, m_pos + length)) {
                line = m_buffer.view().substr(m_pos, length);  // peeking may have moved the buffer
                m_pending_envelope.emplace(std::string(without_ending(line.substr(5))), m_line);
                consume_line(length);
                break;
            }
            line = m_buffer.view().substr(m_pos, length);
            bool blank = is_blank_line(line);
            std::string copy(line);
            consume_line(length);
            if (too_large) {
                after_blank = blank;
                continue;
            }
            if (in_headers) {
                message.bytes.append(copy);
                if (blank) {
                    in_headers = false;
                    if (content_length) take_content_length_body(*content_length, message.bytes);
                } else if (auto n = parse_content_length(copy)) {
                    content_length = n;
                }
            } else {
                append_body_line(copy, message);
            }
            after_blank = blank;
            if (message.bytes.size() > m_max) {
                too_large = true;
                message.bytes.clear();
                message.bytes.shrink_to_fit();
            }
        }
        if (too_large) {
            m_diags.error("ingest.record-too-large",
                          {m_name, message.envelope_line ? message.envelope_line : message.origin.line, 1},
                          "message larger than " + std::to_string(m_max) + " bytes skipped");
            continue;
        }
        // The blank line written before a separator belongs to the mbox, not to the message.
        if (m_pending_envelope) {
            if (message.bytes.ends_with("\r\n\r\n"))
                message.bytes.resize(message.bytes.size() - 2);
            else if (message.bytes.ends_with("\n\n"))
                message.bytes.pop_back();
        }
        return true;
    }
}

}  // namespace retro::io
