// Slack day files and message arrays (input-formats.md §1.1, §1.5, §1.11). The DOM parser checks the whole
// file; a light string-aware scan finds where each element starts, so every event names its line.
#include "ingest/slack/day_file.hpp"

#include <fmt/format.h>

namespace retro::ingest::slack {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::vector<ValueRange> array_element_ranges(std::string_view bytes, std::size_t array_start) {
    std::vector<ValueRange> ranges;
    std::uint64_t line = 1, column = 1;
    // Line and column of array_start first.
    for (std::size_t i = 0; i < array_start && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') { ++line; column = 1; } else { ++column; }
    }
    if (array_start >= bytes.size() || bytes[array_start] != '[') return ranges;
    int depth = 0;
    bool in_string = false, escaped = false, want_value = true;
    ValueRange current;
    for (std::size_t i = array_start; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"' || c == '{' || c == '[' || (!is_ws(c) && c != ',' && c != ']' && c != '}')) {
            if (depth == 1 && want_value) {
                current = ValueRange{i, i, line, column};
                want_value = false;
            }
            if (c == '"') in_string = true;
            else if (c == '{' || c == '[') ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 1 && c == ']') {
                if (!want_value) {
                    current.end = i;
                    ranges.push_back(current);
                }
                return ranges;
            }
            --depth;
        } else if (c == ',' && depth == 1) {
            current.end = i;
            ranges.push_back(current);
            want_value = true;
        }
        if (c == '\n') { ++line; column = 1; } else { ++column; }
    }
    return ranges;
}

Origin origin_of(const Origin& origin, const ValueRange& range) {
    Origin o = origin;
    o.line = origin.line + range.line - 1;
    o.column = range.line == 1 ? origin.column + range.column - 1 : range.column;
    return o;
}

void convert_messages(json::Array messages, std::string_view bytes, std::size_t array_start,
                      const Origin& origin, const ChannelRef& channel, const MessageConverter& converter,
                      std::set<std::string>& seen, Diagnostics& diags, std::vector<Event>& out) {
    std::vector<ValueRange> ranges = array_element_ranges(bytes, array_start);
    std::size_t i = 0;
    for (json::Element message : messages) {
        ValueRange range = i < ranges.size() ? ranges[i] : ValueRange{0, bytes.size(), 0, 0};
        ++i;
        Origin at = range.line == 0 ? Origin{origin.name, 0, 0} : origin_of(origin, range);
        std::string_view record = bytes.substr(range.start, range.end - range.start);
        if (!message.is_object()) {
            diags.error("slack.bad-message", locate(at, record, 0), "message is not a JSON object");
            continue;
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
    auto doc = parser.parse(bytes, origin, diags, "slack.bad-json");
    if (!doc) return;
    simdjson::dom::array messages;
    if (doc->get_array().get(messages)) {
        std::size_t first = bytes.find_first_not_of(" \t\r\n");
        diags.error("slack.bad-day-file", locate(origin, bytes, first == std::string_view::npos ? 0 : first),
                    "day file is not a JSON array of messages");
        return;
    }
    std::size_t start = bytes.find('[');
    convert_messages(messages, bytes, start == std::string_view::npos ? 0 : start, origin, channel, converter,
                     seen, diags, out);
}

}  // namespace retro::ingest::slack
