// Slack Web API responses and slackdump dumps (input-formats.md §1.11–1.12). Records are framed by the
// I/O layer (io::JsonRecordReader), so users may concatenate pages, pipe JSON Lines, or save `.messages`.
// There is no users.json here: actors are named from each message's `user_profile` or `[people]`.
#include "ingest/slack/api_reader.hpp"

#include <set>

#include <fmt/format.h>

#include "core/json_dom.hpp"
#include "core/text_utf8.hpp"
#include "ingest/slack/day_file.hpp"
#include "ingest/slack/directory.hpp"
#include "ingest/slack/message.hpp"
#include "io/json_records.hpp"

namespace retro::ingest::slack {

namespace {

std::string_view skip_ws(std::string_view s) {
    auto i = s.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return i == std::string_view::npos ? std::string_view() : s.substr(i);
}

bool has(std::string_view head, std::string_view key) {
    // `"key":` or `"key" :` (pretty printers differ).
    for (auto at = head.find(key); at != std::string_view::npos; at = head.find(key, at + 1)) {
        std::string_view rest = skip_ws(head.substr(at + key.size()));
        if (rest.starts_with(':')) return true;
    }
    return false;
}

std::string_view file_stem(std::string_view path) {
    auto slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.find('.');
    return name.substr(0, dot);
}

bool looks_like_channel_id(std::string_view s) {
    if (s.size() < 9 || (s[0] != 'C' && s[0] != 'G' && s[0] != 'D')) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

class ApiReader {
public:
    ApiReader(Input& input, const IngestContext& context, std::string kind)
        : m_input(input), m_context(context), m_converter(m_directory, context.options.people, std::move(kind)) {
        m_converter.set_workspace(context.options.slack_workspace);
        const IngestOptions& o = context.options;
        if (!o.slack_channel_id.empty()) {
            m_default = ChannelRef{o.slack_channel_id, o.slack_channel_name};
        } else if (std::string_view stem = file_stem(input.path); looks_like_channel_id(stem)) {
            m_default = ChannelRef{std::string(stem), {}};
        }
    }

    void run() {
        io::JsonRecordReader reader(m_input.name, m_input.head, m_input.stream.get(),
                                    m_context.options.limits.max_record_bytes, m_context.diags);
        io::JsonRecord record;
        while (reader.next(record)) {
            auto doc = m_parser.parse(record.bytes, record.origin, m_context.diags, "slack.bad-json");
            if (!doc) continue;
            read_value(*doc, record.bytes, 0, record.origin);
        }
    }

private:
    // `value` is the JSON value starting at byte `start` of `bytes`.
    void read_value(json::Element value, std::string_view bytes, std::size_t start, const Origin& origin) {
        json::Array array;
        if (value.get_array().get(array) == simdjson::SUCCESS) {
            // An array of responses (`jq -s`) or of messages.
            bool messages = true;
            for (json::Element e : array)
                if (e.is_object() && (json::member(e, "messages") || json::member(e, "ok"))) messages = false;
            if (messages) {
                convert(array, bytes, start, origin, channel_for({}));
                return;
            }
            std::vector<ValueRange> ranges = array_element_ranges(bytes, start);
            std::size_t i = 0;
            for (json::Element e : array) {
                ValueRange r = i < ranges.size() ? ranges[i] : ValueRange{start, bytes.size(), 1, 1};
                ++i;
                read_value(e, bytes.substr(0, r.end), r.start, origin);
            }
            return;
        }
        if (!value.is_object()) {
            m_context.diags.error("slack.bad-message", locate(origin, bytes, start),
                                  "not a Slack API response or message");
            return;
        }
        std::string_view record = bytes.substr(start);
        if (auto ok = json::bool_member(value, "ok"); ok && !*ok) {
            std::string error(json::string_member(value, "error").value_or("no error given"));
            m_context.diags.error("slack.api-error", json::locate_key(origin_at(origin, bytes, start), record, "ok"),
                                  fmt::format("Slack API response is an error: {}", clean_text(error)));
            return;
        }
        if (auto messages = json::array_member(value, "messages")) {
            ChannelRef channel = channel_for(value);
            std::size_t key = record.find("\"messages\"");
            std::size_t open = key == std::string_view::npos ? std::string_view::npos : record.find('[', key);
            if (open == std::string_view::npos) open = 0;
            convert(*messages, bytes, start + open, origin, channel);
            return;
        }
        if (auto event = json::member(value, "event"); event && event->is_object()) {
            // Events API envelope: the message carries its channel.
            ChannelRef channel = channel_for(*event);
            std::vector<Event> out;
            m_converter.convert(*event, channel, record, origin_at(origin, bytes, start), m_context.diags, out);
            keep(channel, *event, out);
            return;
        }
        if (json::member(value, "ts")) {
            ChannelRef channel = channel_for(value);
            std::vector<Event> out;
            m_converter.convert(value, channel, record, origin_at(origin, bytes, start), m_context.diags, out);
            keep(channel, value, out);
            return;
        }
        m_context.diags.error("slack.bad-message", locate(origin, bytes, start), "object holds no Slack messages");
    }

    static Origin origin_at(const Origin& origin, std::string_view bytes, std::size_t start) {
        Location l = locate(origin, bytes, start);
        return Origin{origin.name, l.line, l.column};
    }

    void convert(json::Array messages, std::string_view bytes, std::size_t start, const Origin& origin,
                 const ChannelRef& channel) {
        std::vector<Event> out;
        convert_messages(messages, bytes, start, origin, channel, m_converter, m_seen, m_context.diags, out);
        for (Event& e : out) m_context.sink.add(std::move(e));
    }

    void keep(const ChannelRef& channel, json::Element message, std::vector<Event>& out) {
        std::string key = fmt::format("{}/{}", channel.id, MessageConverter::dedupe_key(message));
        if (!m_seen.insert(key)) return;
        for (Event& e : out) m_context.sink.add(std::move(e));
    }

    // The channel of a response or message: --slack-channel wins, then the value's own `channel`
    // (a string id or an object), then the default; else "unknown" with one warning.
    ChannelRef channel_for(std::optional<json::Element> value) {
        if (!m_context.options.slack_channel_id.empty()) return m_default;
        if (value) {
            if (auto id = json::string_member(*value, "channel_id"); id && !id->empty())
                return ChannelRef{std::string(*id), std::string(json::string_member(*value, "name").value_or(""))};
            if (auto id = json::string_member(*value, "channel"); id && !id->empty())
                return ChannelRef{std::string(*id), {}};
            if (auto ch = json::member(*value, "channel"); ch && ch->is_object())
                if (auto id = json::string_member(*ch, "id"); id && !id->empty())
                    return ChannelRef{std::string(*id), std::string(json::string_member(*ch, "name").value_or(""))};
        }
        if (!m_default.id.empty()) return m_default;
        if (!m_warned) {
            m_warned = true;
            m_context.diags.warning("slack.no-channel", Location{m_input.name, 0, 0},
                                    "Slack API JSON names no channel: ids use \"unknown\"; "
                                    "name it with --slack-channel ID[:NAME]");
        }
        return ChannelRef{"unknown", {}};
    }

    Input& m_input;
    const IngestContext& m_context;
    Directory m_directory;
    MessageConverter m_converter;
    json::DomParser m_parser;
    ChannelRef m_default;
    SeenMessages m_seen;
    bool m_warned = false;
};

}  // namespace

int detect_slack_api(const Probe& probe) {
    if (probe.tree) return 0;
    std::string_view head = skip_ws(probe.head);
    if (head.starts_with('{')) {
        if (has(head, "\"ok\"") && (has(head, "\"messages\"") || has(head, "\"error\""))) return 90;
        if (has(head, "\"event_callback\"") || (has(head, "\"event\"") && has(head, "\"team_id\""))) return 70;
        if (has(head, "\"type\"") && head.find("\"message\"") != std::string_view::npos && has(head, "\"ts\"") &&
            !has(head, "\"channel_id\""))
            return 40;
        return 0;
    }
    if (head.starts_with('[')) {
        std::string_view first = skip_ws(head.substr(1));
        if (!first.starts_with('{')) return 0;
        if (has(first, "\"ok\"") && has(first, "\"messages\"")) return 90;
        if (has(first, "\"ts\"") && head.find("\"message\"") != std::string_view::npos && has(first, "\"type\""))
            return 50;
    }
    return 0;
}

int detect_slackdump(const Probe& probe) {
    if (probe.tree) return 0;
    std::string_view head = skip_ws(probe.head);
    if (head.starts_with('{') && has(head, "\"channel_id\"") && has(head, "\"messages\"")) return 95;
    return 0;
}

void ingest_slack_api(Input& input, const IngestContext& context) {
    ApiReader(input, context, "slack-api").run();
}

void ingest_slackdump(Input& input, const IngestContext& context) {
    ApiReader(input, context, "slackdump").run();
}

}  // namespace retro::ingest::slack
