// json-map: alerts from any script's JSON, read through a field map given with `--map time=.detail.at,
// title=.name` or in retro.toml's `[ingest.map]` (DESIGN.md). Targets: `time` (required; any machine
// timestamp form, naive ones in --assume-tz), `title`, `key`, `state`, `severity`, `service`, `id`,
// `fingerprint`. The id is `json-map:<id>` when an id is mapped, else `json-map:<key>/<state>@<time>`.
#include <array>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

constexpr std::string_view vendor_name = "json-map";

std::string normalise_path(std::string_view path) {
    if (path.empty() || path.front() == '.' || path.front() == '[') return std::string(path);
    return "." + std::string(path);
}

// Common state words of alerting scripts.
std::string_view map_state(std::string_view raw) {
    const std::string s = to_lower_ascii(trim(raw));
    static constexpr std::array firing{"firing",   "alarm", "alert",   "alerting", "triggered", "trigger",
                                       "critical", "open",  "problem", "down",     "error",     "active"};
    static constexpr std::array resolved{"resolved", "ok", "closed", "recovered", "up", "resolve", "normal"};
    static constexpr std::array acknowledged{"acknowledged", "ack", "acked", "acknowledge"};
    for (auto w : firing)
        if (s == w) return "firing";
    for (auto w : resolved)
        if (s == w) return "resolved";
    for (auto w : acknowledged)
        if (s == w) return "acknowledged";
    return "unknown";
}

// The targets of a field map that json-map does not know.
std::vector<std::string> unknown_json_map_targets(const FieldMap& map) {
    static constexpr std::array known{"time", "title", "key", "state", "severity", "service", "id", "fingerprint"};
    std::vector<std::string> unknown;
    for (const auto& [target, path] : map) {
        bool found = false;
        for (auto k : known) found = found || target == k;
        if (!found) unknown.push_back(target);
    }
    return unknown;
}

void parse_json_map(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    auto field = [&](std::string_view target) -> std::string {
        for (const auto& [t, p] : ctx.options.json_map) {
            if (t != target) continue;
            const std::string mapped = normalise_path(p);
            auto e = json::at_path(value, mapped);
            if (!e) return {};
            if (e->is_object() || e->is_array()) {
                r.report(Severity::error, "bad-field", fmt::format("{}{}", path, mapped),
                         fmt::format("`{}` ({}) is {} where a string or number was expected; record skipped", p, target,
                                     describe_type(*e)));
                return {};
            }
            return json::scalar_text(*e).value_or(std::string());
        }
        return {};
    };
    const std::string time_text = field("time");
    const std::string title = field("title");
    std::string key = field("key");
    const std::string state_raw = field("state");
    const std::string severity = field("severity");
    const std::string service = field("service");
    const std::string id = field("id");
    const std::string fingerprint = field("fingerprint");
    if (r.failed()) return ctx.sink.drop("json-map: damaged record");
    if (time_text.empty()) {
        r.report(Severity::warning, "no-time", path, "record has no value at the mapped `time` path; not emitted");
        return ctx.sink.drop("json-map: record without a time");
    }
    auto parsed = parse_any_timestamp(time_text, ctx.options.assume_tz);
    if (!parsed) {
        std::string time_path;
        for (const auto& [t, p] : ctx.options.json_map)
            if (t == "time") time_path = normalise_path(p);
        r.report(Severity::error, "bad-time", fmt::format("{}{}", path, time_path),
                 fmt::format("`{}` is not a time; record skipped", time_text));
        return ctx.sink.drop("json-map: damaged record");
    }
    if (key.empty()) key = title;
    const std::string_view state = state_raw.empty() ? std::string_view("unknown") : map_state(state_raw);
    Event e = make_alert_event(vendor_name, text);
    e.id = id.empty() ? fmt::format("json-map:{}/{}@{}", key, state, format_utc(parsed->instant)) : "json-map:" + id;
    e.time = parsed->instant;
    e.time_raw = time_text;
    if (parsed->zone_missing) e.provenance.ensure().tz_assumed = ctx.options.assume_tz.name();
    e.text = clean_text(title.empty() ? key : title);
    e.alert = AlertInfo{clean_text(key), fingerprint, std::string(state), severity, service};
    ctx.sink.add(std::move(e));
}

// Any object, once a field map is given; never detected from content (no map there).
bool has_map(json::Element /*value*/, const IngestOptions& options) {
    return !options.json_map.empty();
}

// Reported once per input read as json-map.
void check_map(std::string_view input_name, const IngestContext& context) {
    if (context.options.json_map.empty())
        context.diags.error("json-map.no-map", Location{std::string(input_name), 0, 0},
                            "json-map needs a field map: --map time=.path,title=.path or [ingest.map]");
    for (const auto& target : unknown_json_map_targets(context.options.json_map))
        context.diags.warning("json-map.unknown-field", Location{std::string(input_name), 0, 0},
                              fmt::format("unknown json-map field `{}` (known: time, title, key, state, "
                                          "severity, service, id, fingerprint)",
                                          target));
}

}  // namespace

// Last in detection order: it takes every object no other row's shape claims.
extern const AlertVendor json_map_vendor{vendor_name, has_map, parse_json_map, {}, nullptr, check_map};

}  // namespace retro::ingest::alerts
