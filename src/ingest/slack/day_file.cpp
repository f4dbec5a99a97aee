// Slack day files and message arrays (input-formats.md §1.1, §1.5, §1.11). The DOM parser checks the whole
// file; a light string-aware scan finds where each element starts, so every event names its line.
#include "ingest/slack/day_file.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace retro::ingest::slack {

namespace {

constexpr std::array<bool, 256> byte_table(std::string_view chars) {
    std::array<bool, 256> t{};
    for (unsigned char c : chars) t[c] = true;
    return t;
}
constexpr std::array<bool, 256> structural = byte_table("\"{}[],");
constexpr std::array<bool, 256> string_stop = byte_table("\"\\");
constexpr std::array<signed char, 256> depth_change = [] {
    std::array<signed char, 256> t{};
    t['{'] = t['['] = 1;
    t['}'] = t[']'] = -1;
    return t;
}();

// The offset just past the string whose opening quote is at `open`, or npos when it is unterminated.
std::size_t skip_string(const char* p, std::size_t n, std::size_t open) {
    std::size_t j = open + 1;
    // Short strings (keys, ids) end within a few bytes: a plain loop beats a memchr call.
    for (std::size_t stop = std::min(n, j + 32); j < stop; ++j) {
        if (!string_stop[static_cast<unsigned char>(p[j])]) continue;
        if (p[j] == '"') return j + 1;
        ++j;  // the escaped byte
    }
    for (;;) {
        if (j >= n) return std::string_view::npos;
        const void* quote = std::memchr(p + j, '"', n - j);
        if (!quote) return std::string_view::npos;
        const std::size_t k = static_cast<std::size_t>(static_cast<const char*>(quote) - p);
        std::size_t backslashes = 0;
        while (k - backslashes > open + 1 && p[k - backslashes - 1] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return k + 1;
        j = k + 1;
    }
}

bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The newlines in [p, end), sixteen bytes at a time (GCC and Clang vector extensions, SSE2 on x86-64): a
// lane compared equal is all ones, so subtracting the comparison counts into each byte lane; lanes are
// summed before they can wrap (255 blocks). At -O2 std::count compiles to a byte loop, which the profile
// showed as the export's hot spot, and eight bytes at a time it was still 4% of the export's samples.
std::size_t count_newlines(const char* p, const char* end) {
    using Bytes16 = unsigned char __attribute__((vector_size(16)));
    const Bytes16 newline = {'\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n',
                             '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n'};
    std::size_t n = 0;
    while (end - p >= 16) {
        Bytes16 lanes{};
        const std::size_t blocks = std::min<std::size_t>(static_cast<std::size_t>(end - p) / 16, 255);
        for (std::size_t b = 0; b < blocks; ++b, p += 16) {
            Bytes16 bytes;
            std::memcpy(&bytes, p, 16);
            lanes -= reinterpret_cast<Bytes16>(bytes == newline);
        }
        for (int i = 0; i < 16; ++i) n += lanes[i];
    }
    for (; p < end; ++p) n += *p == '\n';
    return n;
}

// Positions of increasing offsets: lines are counted only between the offsets asked for.
class PositionCounter {
public:
    explicit PositionCounter(const char* p) : m_p(p) {}
    ValueRange at(std::size_t offset) {
        const std::size_t newlines = count_newlines(m_p + m_counted, m_p + offset);
        if (newlines > 0) {
            m_line += newlines;
            m_line_start = offset;
            while (m_line_start > m_counted && m_p[m_line_start - 1] != '\n') --m_line_start;
        }
        m_counted = offset;
        return ValueRange{offset, offset, m_line, offset - m_line_start + 1};
    }

private:
    const char* m_p;
    std::uint64_t m_line = 1;
    std::size_t m_counted = 0, m_line_start = 0;
};

// Cuts an array into its elements, fed the array's structural bytes (`{}[],`) in order after its opening
// `[`: an element ends at a `,` of the array's own level or at its closing `]`. Both scans below use it; they
// differ only in how they find those bytes and where an element starts.
class ElementCutter {
public:
    // Most structural bytes are inside an element, two levels down or more, where a byte only moves the
    // depth (an element ends at the array's own level): true, and the depth kept, for those, with one table
    // look-up and no branch on the byte.
    bool passes_inside(char c) {
        if (m_depth < 2) return false;
        m_depth += depth_change[static_cast<unsigned char>(c)];
        return true;
    }
    // True while an element may start here: at the array's level, after `[` or `,`.
    bool wants_element() const { return m_depth == 1 && !m_open; }
    void start(const ValueRange& at) {
        m_current = at;
        m_open = true;
    }
    // Takes one structural byte at `at`; false once the array is closed.
    bool take(char c, std::size_t at) {
        switch (c) {
            case '{':
            case '[':
                ++m_depth;
                break;
            case '}':
            case ']':
                if (--m_depth == 0) {
                    close(at);  // `[]` and a trailing comma leave no element open
                    return false;
                }
                break;
            case ',':
                if (m_depth == 1) close(at);
                break;
            default:
                break;
        }
        return true;
    }
    std::vector<ValueRange> ranges;

private:
    void close(std::size_t at) {
        if (!m_open) return;
        m_current.end = at;
        ranges.push_back(m_current);
        m_open = false;
    }
    int m_depth = 1;
    bool m_open = false;
    ValueRange m_current;
};

}  // namespace

std::vector<ValueRange> array_element_ranges(std::string_view bytes, std::size_t array_start) {
    const char* p = bytes.data();
    const std::size_t n = bytes.size();
    if (array_start >= n || p[array_start] != '[') return {};
    PositionCounter positions(p);
    ElementCutter cutter;
    std::size_t i = array_start + 1;
    while (i < n) {
        if (cutter.wants_element()) {
            // An element starts at the next non-blank byte (a scalar has no structural byte of its own).
            while (i < n && is_ws(p[i])) ++i;
            if (i >= n) break;
            if (p[i] != ']') cutter.start(positions.at(i));  // `]`: an empty array or a trailing comma
        } else {
            for (;;) {
                // Indentation comes in long runs of spaces: skip them eight at a time.
                std::uint64_t word;
                while (i + 8 <= n && (std::memcpy(&word, p + i, 8), word == 0x2020202020202020ull)) i += 8;
                if (i >= n || structural[static_cast<unsigned char>(p[i])]) break;
                ++i;
            }
            if (i >= n) break;
        }
        if (p[i] == '"') {
            i = skip_string(p, n, i);
            if (i == std::string_view::npos) break;  // unterminated: the DOM parser reports it
            continue;
        }
        if (!cutter.take(p[i], i)) break;
        ++i;
    }
    return std::move(cutter.ranges);
}

std::optional<std::vector<ValueRange>> array_element_ranges(std::string_view bytes,
                                                            std::span<const std::uint32_t> structurals,
                                                            std::size_t expected) {
    // The text must be the array itself, indexed from its first byte (a byte-order mark shifts the index).
    if (structurals.empty() || structurals.front() >= bytes.size() || bytes[structurals.front()] != '[')
        return std::nullopt;
    PositionCounter positions(bytes.data());
    ElementCutter cutter;
    cutter.ranges.reserve(expected);
    for (const std::uint32_t at : structurals.subspan(1)) {
        if (at >= bytes.size()) return std::nullopt;
        const char c = bytes[at];
        if (cutter.passes_inside(c)) continue;
        if (cutter.wants_element() && c != ']') cutter.start(positions.at(at));
        if (!cutter.take(c, at)) return std::move(cutter.ranges);
    }
    return std::nullopt;
}

Origin origin_of(const Origin& origin, const ValueRange& range) {
    Origin o = origin;
    place_at(o, origin, range);
    return o;
}

void place_at(Origin& at, const Origin& origin, const ValueRange& range) {
    at.line = origin.line + range.line - 1;
    at.column = range.line == 1 ? origin.column + range.column - 1 : range.column;
}

namespace {

// One element of a message array: `record` is its text, starting at `at`.
void convert_message(json::Element message, std::string_view record, const Origin& at, const ChannelRef& channel,
                     const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                     std::vector<Event>& out) {
    if (!message.is_object()) {
        diags.error("slack.bad-message", locate(at, record, 0), "message is not a JSON object");
        return;
    }
    std::string& key = seen.key_buffer();
    key.assign(channel.id).append(1, '/');
    MessageConverter::append_dedupe_key(message, key);
    if (seen.insert(key)) converter.convert(message, channel, record, at, diags, out);
    if (auto replies = json::array_member(message, "slackdump_thread_replies")) {
        // Nested replies: their positions are inside this record.
        std::size_t nested = record.find("\"slackdump_thread_replies\"");
        std::size_t open = nested == std::string_view::npos ? std::string_view::npos : record.find('[', nested);
        if (open == std::string_view::npos) open = 0;
        convert_messages(*replies, record, open, at, channel, converter, seen, diags, out);
    }
}

// A day file the DOM parser refused as a whole (one message with invalid UTF-8, a number out of range,
// nesting too deep): when its array still frames into elements, each element is parsed on its own, so the
// damage costs only the messages it is in. Returns false when the array does not frame (then nothing was
// reported or converted, and the caller reports the whole file's error).
bool salvage_messages(std::string_view bytes, const Origin& origin, const ChannelRef& channel,
                      const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                      std::vector<Event>& out, json::DomParser& parser) {
    const std::size_t start = bytes.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || bytes[start] != '[') return false;
    const std::vector<ValueRange> ranges = array_element_ranges(bytes, start);
    // Framed to the end only when the last element is closed by the array's own `]`.
    if (ranges.empty() || ranges.back().end >= bytes.size() || bytes[ranges.back().end] != ']') return false;
    // Anything but white space after the array (`[…][…]`, `[…] junk`) is not one damaged message: the caller
    // reports the whole file, rather than the salvage passing over what follows in silence.
    if (bytes.find_first_not_of(" \t\r\n", ranges.back().end + 1) != std::string_view::npos) return false;
    for (const ValueRange& range : ranges) {
        const Origin at = origin_of(origin, range);
        const std::string_view record = bytes.substr(range.start, range.end - range.start);
        auto message = parser.parse(record, at, diags, "slack.bad-json");
        if (message) convert_message(*message, record, at, channel, converter, seen, diags, out);
    }
    return true;
}

void convert_elements(json::Array messages, std::string_view bytes, const std::vector<ValueRange>& ranges,
                      const Origin& origin, const ChannelRef& channel, const MessageConverter& converter,
                      SeenMessages& seen, Diagnostics& diags, std::vector<Event>& out) {
    out.reserve(out.size() + ranges.size());
    std::size_t i = 0;
    Origin at{origin.name, 0, 0};  // one copy of the name, placed at each message in turn
    for (json::Element message : messages) {
        ValueRange range = i < ranges.size() ? ranges[i] : ValueRange{0, bytes.size(), 0, 0};
        ++i;
        if (range.line == 0)
            at.line = at.column = 0;
        else
            place_at(at, origin, range);
        convert_message(message, bytes.substr(range.start, range.end - range.start), at, channel, converter, seen,
                        diags, out);
    }
}

// The rest of parse_slack_day, once the parser has had the whole file (`doc`, or nullopt when it refused it).
void convert_day(std::optional<json::Element> doc, std::string_view bytes, const Origin& origin,
                 const ChannelRef& channel, const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                 std::vector<Event>& out, json::DomParser& parser) {
    if (!doc) {
        if (!salvage_messages(bytes, origin, channel, converter, seen, diags, out, parser))
            parser.parse(bytes, origin, diags, "slack.bad-json");  // reports the whole file's error
        return;
    }
    simdjson::dom::array messages;
    if (doc->get_array().get(messages)) {
        std::size_t first = bytes.find_first_not_of(" \t\r\n");
        diags.error("slack.bad-day-file", locate(origin, bytes, first == std::string_view::npos ? 0 : first),
                    "day file is not a JSON array of messages");
        return;
    }
    // Where each message starts comes from the parser's own structural index when it fits; else a scan.
    if (auto ranges = array_element_ranges(bytes, parser.structurals(), messages.size())) {
        convert_elements(messages, bytes, *ranges, origin, channel, converter, seen, diags, out);
        return;
    }
    std::size_t start = bytes.find('[');
    convert_messages(messages, bytes, start == std::string_view::npos ? 0 : start, origin, channel, converter, seen,
                     diags, out);
}

}  // namespace

void convert_messages(json::Array messages, std::string_view bytes, std::size_t array_start, const Origin& origin,
                      const ChannelRef& channel, const MessageConverter& converter, SeenMessages& seen,
                      Diagnostics& diags, std::vector<Event>& out) {
    convert_elements(messages, bytes, array_element_ranges(bytes, array_start), origin, channel, converter, seen,
                     diags, out);
}

void parse_slack_day(std::string_view bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                     std::vector<Event>& out) {
    json::DomParser parser;
    parse_slack_day(bytes, origin, channel, converter, seen, diags, out, parser);
}

void parse_slack_day(std::string_view bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                     std::vector<Event>& out, json::DomParser& parser) {
    Diagnostics quiet;
    convert_day(parser.parse(bytes, origin, quiet, "slack.bad-json"), bytes, origin, channel, converter, seen, diags,
                out, parser);
}

void parse_slack_day(const std::string& bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, SeenMessages& seen, Diagnostics& diags,
                     std::vector<Event>& out, json::DomParser& parser) {
    Diagnostics quiet;
    convert_day(parser.parse(bytes, origin, quiet, "slack.bad-json"), bytes, origin, channel, converter, seen, diags,
                out, parser);
}

}  // namespace retro::ingest::slack
