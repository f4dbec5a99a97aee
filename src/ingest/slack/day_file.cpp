// Slack day files and message arrays (input-formats.md §1.1, §1.5, §1.11). The DOM parser checks the whole
// file; a light string-aware scan finds where each element starts, so every event names its line.
#include "ingest/slack/day_file.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/format.h>

namespace retro::ingest::slack {

namespace {

constexpr std::array<bool, 256> byte_table(std::string_view chars) {
    std::array<bool, 256> t{};
    for (unsigned char c : chars) t[c] = true;
    return t;
}
constexpr std::array<bool, 256> structural = byte_table("\"{}[],");
constexpr std::array<bool, 256> string_stop = byte_table("\"\\");

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

}  // namespace

std::vector<ValueRange> array_element_ranges(std::string_view bytes, std::size_t array_start) {
    std::vector<ValueRange> ranges;
    const char* p = bytes.data();
    const std::size_t n = bytes.size();
    if (array_start >= n || p[array_start] != '[') return ranges;
    // Lines are counted only between element starts (std::count vectorises).
    std::uint64_t line = 1;
    std::size_t counted = 0, line_start = 0;
    auto position_of = [&](std::size_t at) {
        std::size_t newlines = static_cast<std::size_t>(std::count(p + counted, p + at, '\n'));
        if (newlines > 0) {
            line += newlines;
            line_start = at;
            while (line_start > counted && p[line_start - 1] != '\n') --line_start;
        }
        counted = at;
        return ValueRange{at, at, line, at - line_start + 1};
    };
    int depth = 1;
    bool want_value = true;
    ValueRange current;
    std::size_t i = array_start + 1;
    while (i < n) {
        if (depth == 1 && want_value) {
            // An element starts at the next non-blank byte (a scalar has no structural byte of its own).
            while (i < n && is_ws(p[i])) ++i;
            if (i >= n) break;
            if (p[i] == ']') return ranges;  // empty array or a trailing comma
            current = position_of(i);
            want_value = false;
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
        switch (p[i]) {
            case '"':
                i = skip_string(p, n, i);
                if (i == std::string_view::npos) return ranges;  // unterminated: the DOM parser reports it
                continue;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (--depth == 0) {
                    current.end = i;
                    ranges.push_back(current);
                    return ranges;
                }
                break;
            case ',':
                if (depth == 1) {
                    current.end = i;
                    ranges.push_back(current);
                    want_value = true;
                }
                break;
            default:
                break;
        }
        ++i;
    }
    return ranges;
}

Origin origin_of(const Origin& origin, const ValueRange& range) {
    Origin o = origin;
    o.line = origin.line + range.line - 1;
    o.column = range.line == 1 ? origin.column + range.column - 1 : range.column;
    return o;
}

namespace {

// One element of a message array: `record` is its text, starting at `at`.
void convert_message(json::Element message, std::string_view record, const Origin& at, const ChannelRef& channel,
                     const MessageConverter& converter, std::set<std::string>& seen, Diagnostics& diags,
                     std::vector<Event>& out) {
    if (!message.is_object()) {
        diags.error("slack.bad-message", locate(at, record, 0), "message is not a JSON object");
        return;
    }
    std::string key = fmt::format("{}/{}", channel.id, MessageConverter::key_ts(message));
    if (seen.insert(key).second) converter.convert(message, channel, record, at, diags, out);
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
                      const MessageConverter& converter, std::set<std::string>& seen, Diagnostics& diags,
                      std::vector<Event>& out, json::DomParser& parser) {
    const std::size_t start = bytes.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || bytes[start] != '[') return false;
    const std::vector<ValueRange> ranges = array_element_ranges(bytes, start);
    // Framed to the end only when the last element is closed by the array's own `]`.
    if (ranges.empty() || ranges.back().end >= bytes.size() || bytes[ranges.back().end] != ']') return false;
    for (const ValueRange& range : ranges) {
        const Origin at = origin_of(origin, range);
        const std::string_view record = bytes.substr(range.start, range.end - range.start);
        auto message = parser.parse(record, at, diags, "slack.bad-json");
        if (message) convert_message(*message, record, at, channel, converter, seen, diags, out);
    }
    return true;
}

}  // namespace

void convert_messages(json::Array messages, std::string_view bytes, std::size_t array_start, const Origin& origin,
                      const ChannelRef& channel, const MessageConverter& converter, std::set<std::string>& seen,
                      Diagnostics& diags, std::vector<Event>& out) {
    std::vector<ValueRange> ranges = array_element_ranges(bytes, array_start);
    std::size_t i = 0;
    for (json::Element message : messages) {
        ValueRange range = i < ranges.size() ? ranges[i] : ValueRange{0, bytes.size(), 0, 0};
        ++i;
        Origin at = range.line == 0 ? Origin{origin.name, 0, 0} : origin_of(origin, range);
        convert_message(message, bytes.substr(range.start, range.end - range.start), at, channel, converter, seen,
                        diags, out);
    }
}

void parse_slack_day(std::string_view bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, std::set<std::string>& seen, Diagnostics& diags,
                     std::vector<Event>& out) {
    json::DomParser parser;
    parse_slack_day(bytes, origin, channel, converter, seen, diags, out, parser);
}

void parse_slack_day(std::string_view bytes, const Origin& origin, const ChannelRef& channel,
                     const MessageConverter& converter, std::set<std::string>& seen, Diagnostics& diags,
                     std::vector<Event>& out, json::DomParser& parser) {
    Diagnostics quiet;
    auto doc = parser.parse(bytes, origin, quiet, "slack.bad-json");
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
    std::size_t start = bytes.find('[');
    convert_messages(messages, bytes, start == std::string_view::npos ? 0 : start, origin, channel, converter, seen,
                     diags, out);
}

}  // namespace retro::ingest::slack
