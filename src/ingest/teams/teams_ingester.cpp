// `teams`: Microsoft Teams messages as Microsoft Graph chatMessage JSON (docs/sources/teams.md): a Graph list
// response (`{"@odata.context": …, "value": […]}`, replies nested by `$expand=replies`), a bare array of
// messages (export tools, `m365 teams message list`, the Teams data export's PascalCase form) or one
// message. Records are framed by io::JsonRecordReader, so saved pages may follow one another or be JSON Lines.
#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/alerts/json_locate.hpp"
#include "ingest/head_json.hpp"
#include "ingest/record_batch_reader.hpp"
#include "ingest/registry_rows.hpp"
#include "ingest/slack/day_file.hpp"
#include "ingest/teams/chat_message.hpp"
#include "ingest/teams/graph_fields.hpp"
#include "io/json_records.hpp"

namespace retro::ingest {
namespace {

using teams::MessageBook;
using teams::MessageSite;

// A chatMessage: an id, a body object, and one of the members only Graph's messages have.
bool is_chat_message(json::Element v) {
    if (!v.is_object() || !teams::has_key(v, "id") || !teams::object_field(v, "body")) return false;
    for (std::string_view key : {"messageType", "replyToId", "channelIdentity", "chatId"})
        if (teams::has_key(v, key)) return true;
    return false;
}

// A Graph collection of messages: `value` whose first element is a chatMessage, or an `@odata.context`
// naming messages or replies.
bool is_message_list(json::Element v) {
    auto value = teams::array_field(v, "value");
    if (!value) return false;
    for (json::Element first : *value) return is_chat_message(first);
    const std::string_view context = teams::string_field(v, "@odata.context");
    return context.find("/messages") != std::string_view::npos || context.find("/replies") != std::string_view::npos;
}

std::string_view strip_suffix(std::string_view name, std::string_view suffix) {
    if (name.size() > suffix.size() && iequals_ascii(name.substr(name.size() - suffix.size()), suffix))
        name.remove_suffix(suffix.size());
    return name;
}

// The channel of messages naming none: the file's name without its extension (`war-room.json` →
// `war-room`), or its folder's when the file is only named `messages…` as export tools name them.
std::string channel_from_name(std::string_view path) {
    if (path.empty() || path == "<stdin>") return "teams";
    const std::size_t slash = path.find_last_of("/\\");
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    name = strip_suffix(name, ".gz");
    for (std::string_view ext : {".json", ".jsonl", ".ndjson"}) name = strip_suffix(name, ext);
    if (starts_with_icase(name, "messages") && slash != std::string_view::npos) {
        std::string_view folder = path.substr(0, slash);
        if (folder.ends_with('!')) folder.remove_suffix(1);  // an archive's top level: `a.zip!/messages.json`
        const std::size_t up = folder.find_last_of("/\\!");
        folder = up == std::string_view::npos ? folder : folder.substr(up + 1);
        if (!folder.empty() && folder != ".") return std::string(folder);
    }
    return name.empty() ? std::string("teams") : std::string(name);
}

struct NoExtra {};

// One worker's reader (RecordBatchReader's Worker): a framed record is one JSON document.
class TeamsParser {
public:
    explicit TeamsParser(const IngestOptions& options) : m_options(&options) {}

    void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink) {
        Diagnostics quiet([](const std::string&) {});
        auto root = m_parser.parse(bytes, origin, quiet, "teams.bad-json");
        if (!root) {
            if (salvage(bytes, origin, diags, sink)) return;
            m_parser.parse(bytes, origin, diags, "teams.bad-json");  // the document's error
            return sink.drop("teams: invalid JSON");
        }
        MessageBook book;
        book.fallback_channel = channel_from_name(origin.name);
        json::Array items;
        if (!root->get(items)) return read_array(items, bytes, first_byte(bytes, '['), origin, book, diags, sink);
        if (auto error = teams::object_field(*root, "error"); error && !is_chat_message(*root)) {
            diags.error("teams.api-error", json::locate_key(origin, bytes, teams::written_key(*root, "error")),
                        fmt::format("Microsoft Graph answered with an error: {}: {}",
                                    escape_controls(teams::string_field(*error, "code")),
                                    escape_controls(teams::string_field(*error, "message"))));
            return;
        }
        if (auto value = teams::array_field(*root, "value"); value && !is_chat_message(*root)) {
            const std::string path = fmt::format(".{}", teams::written_key(*root, "value"));
            return read_array(*value, bytes, alerts::locate_json_path(bytes, path), origin, book, diags, sink);
        }
        if (!root->is_object()) {
            diags.error("teams.bad-message", locate(origin, bytes, first_byte(bytes, 0)),
                        "not a Teams message, a list of them or a Graph response");
            return sink.drop("teams: not a message");
        }
        teams::learn_message(*root, book);
        const std::size_t start = first_byte(bytes, 0);
        const Location at = locate(origin, bytes, start);
        teams::read_message(*root, MessageSite{bytes.substr(start), Origin{origin.name, at.line, at.column}}, {}, book,
                            *m_options, diags, sink);
    }

    NoExtra take_extra() { return {}; }

private:
    static std::size_t first_byte(std::string_view bytes, char expected) {
        const std::size_t at = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        if (at == std::string_view::npos || (expected && bytes[at] != expected)) return 0;
        return at;
    }

    // The elements of the message array whose `[` is at `open` in `bytes`.
    void read_array(json::Array items, std::string_view bytes, std::size_t open, const Origin& origin,
                    MessageBook& book, Diagnostics& diags, EventSink& sink) {
        for (json::Element item : items)
            if (item.is_object()) teams::learn_message(item, book);
        const auto ranges = open < bytes.size() && bytes[open] == '[' ? slack::array_element_ranges(bytes, open)
                                                                      : std::vector<slack::ValueRange>{};
        std::size_t i = 0;
        for (json::Element item : items) {
            const slack::ValueRange range = i < ranges.size() ? ranges[i] : slack::ValueRange{0, bytes.size(), 1, 1};
            ++i;
            const MessageSite site{bytes.substr(range.start, range.end - range.start), slack::origin_of(origin, range)};
            if (!item.is_object()) {
                diags.error("teams.bad-message", locate(site.origin, site.text, 0), "message is not a JSON object");
                sink.drop("teams: not a message");
                continue;
            }
            teams::read_message(item, site, {}, book, *m_options, diags, sink);
        }
    }

    // A document cut short (a download that stopped) or damaged inside one message: the whole messages of its
    // array (the document itself, or a list response's `value`) are still read, each parsed on its own, and a
    // damaged one is its own `teams.bad-json`. The document's error is reported when the array does not close
    // (where it was cut) or no message holds the damage. False when there is no array to read.
    bool salvage(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink) {
        const std::size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        if (first == std::string_view::npos) return false;
        std::size_t open = first;
        if (bytes[first] == '{') open = alerts::locate_json_path(bytes, ".value");
        if (open >= bytes.size() || bytes[open] != '[') return false;
        const std::vector<slack::ValueRange> ranges = slack::array_element_ranges(bytes, open);
        auto site_of = [&](const slack::ValueRange& range) {
            return MessageSite{bytes.substr(range.start, range.end - range.start), slack::origin_of(origin, range)};
        };
        // Two passes, as for a whole document: what every message says about the others first.
        MessageBook book;
        book.fallback_channel = channel_from_name(origin.name);
        Diagnostics quiet([](const std::string&) {});
        for (const slack::ValueRange& range : ranges) {
            const MessageSite site = site_of(range);
            auto message = m_element_parser.parse(site.text, site.origin, quiet, "teams.bad-json");
            if (message && message->is_object()) teams::learn_message(*message, book);
        }
        bool damaged_message = false;
        for (const slack::ValueRange& range : ranges) {
            const MessageSite site = site_of(range);
            auto message = m_element_parser.parse(site.text, site.origin, diags, "teams.bad-json");
            if (!message) {
                damaged_message = true;
                sink.drop("teams: invalid JSON");
            } else if (!message->is_object()) {
                diags.error("teams.bad-message", locate(site.origin, site.text, 0), "message is not a JSON object");
                sink.drop("teams: not a message");
            } else {
                teams::read_message(*message, site, {}, book, *m_options, diags, sink);
            }
        }
        const bool closed = !ranges.empty() && ranges.back().end < bytes.size() && bytes[ranges.back().end] == ']';
        if (!closed || !damaged_message) {
            m_parser.parse(bytes, origin, diags, "teams.bad-json");
            sink.drop("teams: invalid JSON");
        }
        return true;
    }

    const IngestOptions* m_options;
    json::DomParser m_parser, m_element_parser;
};

void ingest_teams(Input& input, const IngestContext& context) {
    std::vector<TeamsParser> parsers;
    for (std::size_t i = 0, n = worker_count(); i < n; ++i) parsers.emplace_back(context.options);
    RecordBatchReader<TeamsParser> batches(context, parsers, std::size_t{1} << 20);
    batches.read(input);
}

// 95 for a Graph list of messages, 90 for a message or an array of them; for a head that cuts its first
// record off, 80 for an `@odata.context` of messages, 60 for a message's members (createdDateTime,
// messageType and body, in either case); else 0.
int detect_teams(const Probe& probe) {
    if (probe.tree || probe.head.empty()) return 0;
    json::DomParser parser;
    if (auto root = first_head_record(probe, parser)) {
        json::Array items;
        if (!root->get(items)) {
            for (json::Element first : items) return is_chat_message(first) ? 90 : 0;
            return 0;
        }
        if (is_message_list(*root)) return 95;
        return is_chat_message(*root) ? 90 : 0;
    }
    const std::string_view start = trim(probe.head);
    if (start.empty() || (start.front() != '{' && start.front() != '[')) return 0;
    const std::string_view head = probe.head;
    if (head.find("\"@odata.context\"") != std::string_view::npos &&
        head.find("/messages") != std::string_view::npos && head.find("\"value\"") != std::string_view::npos)
        return 80;
    const bool created = head.find("\"createdDateTime\"") != std::string_view::npos ||
                         head.find("\"CreatedDateTime\"") != std::string_view::npos;
    const bool type = head.find("\"messageType\"") != std::string_view::npos ||
                      head.find("\"MessageType\"") != std::string_view::npos;
    const bool body = head.find("\"body\"") != std::string_view::npos || head.find("\"Body\"") != std::string_view::npos;
    return created && type && body ? 60 : 0;
}

}  // namespace

const Ingester teams_ingester{"teams", detect_teams, ingest_teams};

}  // namespace retro::ingest
