// The alert shape dispatcher (issue 5 item 1, input-formats.md §2–§5): frames JSON records from a file,
// .gz or stdin, sends every object to the vendor whose shape it has, and reports unrecognised shapes once
// each with the location of their first instance.
#include "ingest/alerts/alert_ingest.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/alerts/alert_vendors.hpp"
#include "ingest/registry_rows.hpp"
#include "io/json_records.hpp"
#include "ingest/record_batch_reader.hpp"

namespace retro::ingest::alerts {
namespace {

// Order matters only where shapes overlap: Grafana's unified payload is Alertmanager's plus `orgId`.
std::optional<Vendor> detect_in_order(json::Element v) {
    if (is_cloudwatch_shape(v)) return Vendor::cloudwatch;
    if (is_statuspage_shape(v)) return Vendor::statuspage;
    if (is_opsgenie_shape(v)) return Vendor::opsgenie;
    if (is_sentry_shape(v)) return Vendor::sentry;
    if (is_pagerduty_shape(v)) return Vendor::pagerduty;
    if (is_grafana_shape(v)) return Vendor::grafana;
    if (is_alertmanager_shape(v)) return Vendor::alertmanager;
    return std::nullopt;
}

// A shape's name: its first keys in sorted order, `{AlarmName, Foo, …}`, or the JSON type.
std::string shape_of(json::Element v) {
    json::Object object;
    if (v.get(object)) return std::string(describe_type(v));
    std::vector<std::string_view> keys;
    for (auto field : object) keys.push_back(field.key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string name = "{";
    for (std::size_t i = 0; i < keys.size() && i < 6; ++i) name += fmt::format("{}{}", i ? ", " : "", keys[i]);
    if (keys.size() > 6) name += ", …";
    return name + "}";
}

}  // namespace

bool accepts(Vendor vendor, json::Element v, const IngestOptions& options) {
    switch (vendor) {
        case Vendor::cloudwatch:
            return is_cloudwatch_shape(v);
        case Vendor::alertmanager:
        case Vendor::grafana:
            return is_alertmanager_shape(v) || is_grafana_shape(v);
        case Vendor::pagerduty:
            return is_pagerduty_shape(v);
        case Vendor::opsgenie:
            return is_opsgenie_shape(v);
        case Vendor::statuspage:
            return is_statuspage_shape(v);
        case Vendor::sentry:
            return is_sentry_shape(v);
        case Vendor::json_map:
            return !options.json_map.empty();
    }
    return false;
}

void parse_as(Vendor vendor, json::Element v, const JsonText& text, std::string_view path, AlertContext& ctx) {
    switch (vendor) {
        case Vendor::cloudwatch:
            return parse_cloudwatch(v, text, path, ctx);
        case Vendor::alertmanager:
            return parse_alertmanager(v, text, path, ctx);
        case Vendor::grafana:
            return parse_grafana(v, text, path, ctx);
        case Vendor::pagerduty:
            return parse_pagerduty(v, text, path, ctx);
        case Vendor::opsgenie:
            return parse_opsgenie(v, text, path, ctx);
        case Vendor::statuspage:
            return parse_statuspage(v, text, path, ctx);
        case Vendor::sentry:
            return parse_sentry(v, text, path, ctx);
        case Vendor::json_map:
            return parse_json_map(v, text, path, ctx);
    }
}

std::optional<Vendor> detect_vendor(json::Element value) {
    return detect_in_order(value);
}

void ShapeTally::count(std::string name, const std::function<Location()>& first) {
    auto [it, inserted] = m_shapes.try_emplace(std::move(name));
    if (inserted) {
        it->second.first = first();
        it->second.order = m_shapes.size();
    }
    ++it->second.count;
}

void ShapeTally::merge(ShapeTally&& later) {
    std::vector<std::pair<std::string, Shape>> shapes(std::make_move_iterator(later.m_shapes.begin()),
                                                      std::make_move_iterator(later.m_shapes.end()));
    std::sort(shapes.begin(), shapes.end(), [](const auto& a, const auto& b) { return a.second.order < b.second.order; });
    for (auto& [name, shape] : shapes) {
        auto [it, inserted] = m_shapes.try_emplace(std::move(name), shape);
        if (inserted)
            it->second.order = m_shapes.size();
        else
            it->second.count += shape.count;
    }
}

void ShapeTally::report(Diagnostics& diags, EventSink& sink) {
    std::vector<std::pair<const std::string*, const Shape*>> shapes;
    for (const auto& [name, shape] : m_shapes) shapes.emplace_back(&name, &shape);
    std::sort(shapes.begin(), shapes.end(),
              [](const auto& a, const auto& b) { return a.second->order < b.second->order; });
    for (const auto& [name, shape] : shapes) {
        diags.warning(
            "alerts.unknown-shape", shape->first,
            fmt::format("unrecognised alert object {}: {} skipped (first here)", *name,
                        shape->count == 1 ? std::string("1 object") : fmt::format("{} objects", shape->count)));
        sink.drop("alerts: unrecognised shape", shape->count);
    }
    m_shapes.clear();
}

void AlertRecordParser::parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink) {
    auto root = m_parser.parse(bytes, origin, diags, "alerts.bad-json");
    if (!root) return sink.drop("alerts: invalid JSON");
    AlertContext ctx{*m_options, diags, sink, *m_embedded};
    const JsonText text(bytes, origin);
    json::Array items;
    if (root->get(items)) return dispatch(*root, text, "", ctx);
    std::size_t i = 0;
    for (json::Element item : items) dispatch(item, text, element_path("", i++), ctx);
}

void AlertRecordParser::dispatch(json::Element value, const JsonText& text, const std::string& path,
                                 AlertContext& ctx) {
    std::optional<Vendor> vendor;
    if (value.is_object()) {
        if (accepts(m_preferred, value, ctx.options))
            vendor = m_preferred;
        else
            vendor = detect_in_order(value);
        if (!vendor && !ctx.options.json_map.empty()) vendor = Vendor::json_map;
    }
    if (vendor) return parse_as(*vendor, value, text, path, ctx);
    m_shapes.count(shape_of(value), [&] {
        std::string suffix;
        return text.at_path(path, suffix);
    });
}

void ingest_alert_input(Input& input, const IngestContext& context, Vendor preferred) {
    if (preferred == Vendor::json_map) {
        if (context.options.json_map.empty())
            context.diags.error("json-map.no-map", Location{input.name, 0, 0},
                                "json-map needs a field map: --map time=.path,title=.path or [ingest.map]");
        for (const auto& target : unknown_json_map_targets(context.options.json_map))
            context.diags.warning("json-map.unknown-field", Location{input.name, 0, 0},
                                  fmt::format("unknown json-map field `{}` (known: time, title, key, state, "
                                              "severity, service, id, fingerprint)",
                                              target));
    }
    // Records are parsed in batches on all cores while this thread frames the next ones.
    std::vector<AlertRecordParser> parsers;
    for (std::size_t i = 0, n = worker_count(); i < n; ++i) parsers.emplace_back(context.options, preferred);
    ShapeTally shapes;
    RecordBatchReader<AlertRecordParser> batches(context, parsers, std::size_t{1} << 20,
                                                 [&](ShapeTally&& later) { shapes.merge(std::move(later)); });
    batches.read(input);
    shapes.report(context.diags, context.sink);
}

namespace {

// When the first record is cut off by the head size (one large document), the earliest vendor marker.
std::optional<Vendor> sniff_markers(std::string_view head) {
    static constexpr std::pair<std::string_view, Vendor> markers[] = {
        {"\"AlarmHistoryItems\"", Vendor::cloudwatch},
        {"\"HistoryItemType\"", Vendor::cloudwatch},
        {"\"AlarmName\"", Vendor::cloudwatch},
        {"\"aws:sns\"", Vendor::cloudwatch},
        {"\"CloudWatch Alarm", Vendor::cloudwatch},
        {"\"incident_updates\"", Vendor::statuspage},
        {"\"component_update\"", Vendor::statuspage},
        {"\"alertId\"", Vendor::opsgenie},
        {"\"event_type\"", Vendor::pagerduty},
        {"\"log_entries\"", Vendor::pagerduty},
        {"\"orgId\"", Vendor::grafana},
        {"\"evalMatches\"", Vendor::grafana},
        {"\"startsAt\"", Vendor::alertmanager},
        {"\"project_name\"", Vendor::sentry},
        {"\"installation\"", Vendor::sentry},
    };
    const std::string_view start = trim(head);
    if (start.empty() || (start.front() != '{' && start.front() != '[')) return std::nullopt;
    std::optional<Vendor> best;
    std::size_t best_at = std::string_view::npos;
    for (const auto& [marker, vendor] : markers) {
        const std::size_t at = head.find(marker);
        if (at < best_at) {
            best_at = at;
            best = vendor;
        }
    }
    return best;
}

// The vendor of the first object in `head`, or std::nullopt (not JSON alerts, or cut off by the head size).
std::optional<Vendor> sniff(std::string_view name, std::string_view head) {
    if (head.empty()) return std::nullopt;
    Diagnostics quiet([](const std::string&) {});
    io::JsonRecordReader reader(std::string(name), head, nullptr, head.size() + 1, quiet);
    io::JsonRecord record;
    if (!reader.next(record)) return sniff_markers(head);
    json::DomParser parser;
    auto root = parser.parse(record.bytes, record.origin, quiet, "alerts.bad-json");
    if (!root) return sniff_markers(head);
    json::Array items;
    if (!root->get(items)) {
        for (json::Element item : items) return detect_in_order(item);
        return std::nullopt;
    }
    return detect_in_order(*root);
}

}  // namespace

int detect_alert_vendor(const Probe& probe, Vendor vendor) {
    if (probe.tree || vendor == Vendor::json_map) return 0;
    // Every row asks about the same head: remember the last answer.
    thread_local std::string last_head;
    thread_local std::optional<Vendor> last_vendor;
    if (last_head.size() != probe.head.size() || last_head != probe.head) {
        last_head.assign(probe.head);
        last_vendor = sniff(probe.name, probe.head);
    }
    return last_vendor == vendor ? 85 : 0;
}

namespace {

template <Vendor V>
int detect_row(const Probe& probe) {
    return detect_alert_vendor(probe, V);
}

template <Vendor V>
void ingest_row(Input& input, const IngestContext& context) {
    ingest_alert_input(input, context, V);
}

}  // namespace

}  // namespace retro::ingest::alerts

namespace retro::ingest {

using alerts::Vendor;
const Ingester cloudwatch_ingester{"cloudwatch", alerts::detect_row<Vendor::cloudwatch>,
                                   alerts::ingest_row<Vendor::cloudwatch>};
const Ingester alertmanager_ingester{"alertmanager", alerts::detect_row<Vendor::alertmanager>,
                                     alerts::ingest_row<Vendor::alertmanager>};
const Ingester grafana_ingester{"grafana", alerts::detect_row<Vendor::grafana>, alerts::ingest_row<Vendor::grafana>};
const Ingester pagerduty_ingester{"pagerduty", alerts::detect_row<Vendor::pagerduty>,
                                  alerts::ingest_row<Vendor::pagerduty>};
const Ingester opsgenie_ingester{"opsgenie", alerts::detect_row<Vendor::opsgenie>,
                                 alerts::ingest_row<Vendor::opsgenie>};
const Ingester statuspage_ingester{"statuspage", alerts::detect_row<Vendor::statuspage>,
                                   alerts::ingest_row<Vendor::statuspage>};
const Ingester sentry_ingester{"sentry", alerts::detect_row<Vendor::sentry>, alerts::ingest_row<Vendor::sentry>};
const Ingester json_map_ingester{"json-map", alerts::detect_row<Vendor::json_map>,
                                 alerts::ingest_row<Vendor::json_map>};

}  // namespace retro::ingest
