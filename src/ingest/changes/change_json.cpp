// The JSON reader the GitLab and Buildkite change families share: framing (io::JsonRecordReader through
// RecordBatchReader, so NDJSON, arrays and single documents all work and big files use every core),
// dispatch of each object to its family's shapes, unknown shapes counted once per input, and the field
// helpers the shapes use (times with fallbacks, users, URLs, commit ids).
#include "ingest/changes/change_json.hpp"

#include <memory>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/head_json.hpp"
#include "ingest/record_batch_reader.hpp"
#include "io/json_records.hpp"

namespace retro::ingest::changes {
namespace {

const ChangeShape* find_shape(json::Element value, const ChangeFamily& family) {
    if (!value.is_object()) return nullptr;
    for (const ChangeShape& shape : family.shapes)
        if (shape.matches(value)) return &shape;
    return nullptr;
}

// Objects of no shape in one batch: how many, and where the first was.
struct UnknownShapes {
    std::uint64_t count = 0;
    Location first;
};

// One worker's reader (RecordBatchReader's Worker): parses a framed record and reads its objects.
class ChangeJsonParser {
public:
    ChangeJsonParser(const IngestOptions& options, const ChangeFamily& family)
        : m_options(&options), m_family(&family), m_bad_json(fmt::format("{}.bad-json", family.kind)) {}

    void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink) {
        auto root = m_parser.parse(bytes, origin, diags, m_bad_json);
        if (!root) return sink.drop(fmt::format("{}: invalid JSON", m_family->kind));
        alerts::AlertContext ctx{*m_options, diags, sink, *m_embedded};
        const alerts::JsonText text(bytes, origin);
        json::Array items;
        if (root->get(items)) return read(*root, text, "", ctx);
        std::size_t i = 0;
        for (json::Element item : items) read(item, text, alerts::element_path("", i++), ctx);
    }

    UnknownShapes take_extra() { return std::exchange(m_unknown, {}); }

private:
    void read(json::Element value, const alerts::JsonText& text, const std::string& path,
              alerts::AlertContext& ctx) {
        std::string suffix;
        const ChangeShape* shape = find_shape(value, *m_family);
        if (!shape) {
            if (m_unknown.count++ == 0) m_unknown.first = text.at_path(path, suffix);
            return;
        }
        FieldReader reader(ctx, text, m_family->kind);
        ChangeOutcome outcome = shape->read(reader, value, path);
        if (reader.failed()) return ctx.sink.drop(fmt::format("{}: damaged record", m_family->kind));
        if (!outcome.record) return ctx.sink.drop(outcome.drop);
        // Each element of an array stands at its own line.
        const Location where = text.at_path(path, suffix);
        ctx.sink.add(change_event(m_family->kind, text.origin(), where.line, std::move(*outcome.record)));
    }

    const IngestOptions* m_options;
    const ChangeFamily* m_family;
    std::string m_bad_json;
    json::DomParser m_parser;
    std::unique_ptr<alerts::EmbeddedParsers> m_embedded = std::make_unique<alerts::EmbeddedParsers>();
    UnknownShapes m_unknown;
};

std::string key_list(std::initializer_list<std::string_view> keys) {
    std::string out;
    std::size_t i = 0;
    for (std::string_view key : keys) {
        if (i++) out += i == keys.size() ? " or " : ", ";
        out += fmt::format("`{}`", key.substr(1));
    }
    return out;
}

// ISO 8601 with an offset, or the `YYYY-MM-DD hh:mm:ss UTC` Buildkite's EventBridge and pipeline objects use.
std::optional<Instant> parse_change_time(std::string_view text) {
    if (auto instant = parse_iso8601(text)) return instant;
    constexpr std::string_view utc = " UTC";
    if (!text.ends_with(utc)) return std::nullopt;
    return parse_iso8601(std::string(text.substr(0, text.size() - utc.size())) + "Z");
}

bool is_start(ChangeAction action) {
    return action == ChangeAction::run_started || action == ChangeAction::deploy_started;
}

}  // namespace

void ingest_change_json(Input& input, const IngestContext& context, const ChangeFamily& family) {
    std::vector<ChangeJsonParser> parsers;
    for (std::size_t i = 0, n = worker_count(); i < n; ++i) parsers.emplace_back(context.options, family);
    UnknownShapes unknown;
    RecordBatchReader<ChangeJsonParser> batches(context, parsers, std::size_t{1} << 20, [&](UnknownShapes&& later) {
        if (later.count == 0) return;
        if (unknown.count == 0) unknown.first = std::move(later.first);
        unknown.count += later.count;
    });
    batches.read(input);
    if (unknown.count == 0) return;
    context.diags.warning(fmt::format("{}.unknown-shape", family.kind), unknown.first,
                          fmt::format("not a {} record: {} skipped (first here)", family.kind,
                                      unknown.count == 1 ? std::string("1 value")
                                                         : fmt::format("{} values", unknown.count)));
    context.sink.drop(fmt::format("{}: unrecognised record", family.kind), unknown.count);
}

int detect_change_json(const Probe& probe, const ChangeFamily& family) {
    if (probe.tree || probe.head.empty()) return 0;
    json::DomParser parser;
    const auto root = first_head_record(probe, parser);
    if (!root) {
        // A record cut off by the head size (one large array): markers, weaker than a shape.
        const std::string_view start = trim(probe.head);
        if (start.empty() || (start.front() != '{' && start.front() != '[')) return 0;
        for (std::string_view marker : family.markers)
            if (probe.head.find(marker) != std::string_view::npos) return 60;
        return 0;
    }
    json::Array items;
    if (!root->get(items)) {
        for (json::Element item : items) return find_shape(item, family) ? 90 : 0;
        return 0;
    }
    return find_shape(*root, family) ? 90 : 0;
}

std::optional<Instant> read_first_time(FieldReader& reader, json::Element obj, std::string_view path,
                                       std::initializer_list<std::string_view> keys, std::string_view what,
                                       std::string& raw) {
    for (std::string_view key : keys) {
        auto value = json::at_path(obj, key);
        if (!value) continue;
        const std::string where = fmt::format("{}{}", path, key);
        std::string_view text;
        if (value->get(text)) {
            reader.report(Severity::error, "bad-field", where,
                          fmt::format("`{}` is {} where a time string was expected; record skipped", key.substr(1),
                                      alerts::describe_type(*value)));
            return std::nullopt;
        }
        auto instant = parse_change_time(text);
        if (!instant) {
            reader.report(Severity::error, "bad-time", where,
                          fmt::format("`{}` holds `{}`, not an ISO 8601 time with an offset; record skipped",
                                      key.substr(1), text));
            return std::nullopt;
        }
        raw = std::string(text);
        return instant;
    }
    reader.report(Severity::warning, "no-time", path,
                  fmt::format("{} carries no {}; not emitted", what, key_list(keys)));
    return std::nullopt;
}

std::optional<Instant> read_action_time(FieldReader& reader, json::Element obj, std::string_view path,
                                        ChangeAction action, std::initializer_list<std::string_view> start_keys,
                                        std::initializer_list<std::string_view> end_keys, std::string_view what,
                                        std::string& raw) {
    return read_first_time(reader, obj, path, is_start(action) ? start_keys : end_keys, what, raw);
}

ChangeOutcome dropped_without_time(const FieldReader& reader) {
    return ChangeOutcome{std::nullopt, fmt::format("{}: record without a time", reader.vendor())};
}

std::optional<ChangeAction> action_for_status(FieldReader& reader, std::span<const StatusAction> table,
                                              std::string_view status, std::string_view path,
                                              std::string_view what, ChangeOutcome& outcome) {
    for (const StatusAction& row : table) {
        if (row.status != status) continue;
        if (!row.action) outcome.drop = fmt::format("{}: {}", reader.vendor(), row.drop);
        return row.action;
    }
    reader.report(Severity::warning, "unknown-status", path,
                  fmt::format("{} in status `{}`, which retro does not know; not emitted", what, status));
    outcome.drop = fmt::format("{}: unknown status", reader.vendor());
    return std::nullopt;
}

Actor actor_of(FieldReader& reader, json::Element user, std::string_view path) {
    Actor actor;
    std::string_view id = reader.string(user, path, "username");
    if (id.empty()) id = reader.string(user, path, "login");
    actor.id = std::string(id);
    actor.name = std::string(reader.string(user, path, "name"));
    actor.email = std::string(reader.string(user, path, "email"));
    return actor;
}

std::uint64_t positive_member(json::Element obj, std::string_view key) {
    auto value = json::integer_member(obj, key);
    return value && *value > 0 ? static_cast<std::uint64_t>(*value) : 0;
}

std::string_view url_path(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos || (url.substr(0, scheme) != "https" && url.substr(0, scheme) != "http"))
        return {};
    url.remove_prefix(scheme + 3);
    const std::size_t slash = url.find('/');
    if (slash == std::string_view::npos) return {};
    url.remove_prefix(slash);
    return url.substr(0, url.find_first_of("?#"));
}

bool is_commit_id(std::string_view text) {
    return (text.size() == 40 || text.size() == 64) &&
           text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string_view first_line(std::string_view text) {
    text = text.substr(0, text.find('\n'));
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace retro::ingest::changes
