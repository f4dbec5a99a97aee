// The alert shape dispatcher (issue 5 item 1, input-formats.md §2–§5): frames JSON records from a file,
// .gz or stdin, sends every object to the vendor whose shape it has, and reports unrecognised shapes once
// each with the location of their first instance.
#include "ingest/alerts/alert_ingest.hpp"
#include "ingest/head_json.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/record_batch_reader.hpp"
#include "io/json_records.hpp"

namespace retro::ingest::alerts {
namespace {

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

const AlertVendor* detect_alert_vendor(json::Element value, const IngestOptions& options, AlertVendors vendors) {
    for (const AlertVendor* vendor : vendors)
        if (vendor->has_shape(value, options)) return vendor;
    return nullptr;
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
    convert(m_parser.parse(bytes, origin, diags, "alerts.bad-json"), bytes, origin, diags, sink);
}

void AlertRecordParser::parse(json::PaddedText bytes, const Origin& origin, Diagnostics& diags, EventSink& sink) {
    convert(m_parser.parse(bytes, origin, diags, "alerts.bad-json"), bytes, origin, diags, sink);
}

void AlertRecordParser::convert(std::optional<json::Element> root, std::string_view bytes, const Origin& origin,
                                Diagnostics& diags, EventSink& sink) {
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
    const AlertVendor* vendor = nullptr;
    if (value.is_object())
        vendor =
            m_preferred->accepts(value, ctx.options) ? m_preferred : detect_alert_vendor(value, ctx.options, m_vendors);
    if (vendor) return vendor->parse(value, text, path, ctx);
    m_shapes.count(shape_of(value), [&] {
        std::string suffix;
        return text.at_path(path, suffix);
    });
}

void ingest_alert_input(Input& input, const IngestContext& context, const AlertVendor& preferred,
                        AlertVendors vendors) {
    if (preferred.check_options) preferred.check_options(input.name, context);
    // Records are parsed in batches on all cores while this thread frames the next ones.
    std::vector<AlertRecordParser> parsers;
    for (std::size_t i = 0, n = worker_count(); i < n; ++i) parsers.emplace_back(context.options, preferred, vendors);
    ShapeTally shapes;
    RecordBatchReader<AlertRecordParser> batches(context, parsers, std::size_t{1} << 20,
                                                 [&](ShapeTally&& later) { shapes.merge(std::move(later)); });
    batches.read(input);
    shapes.report(context.diags, context.sink);
}

namespace {

// When the first record is cut off by the head size (one large document), the vendor with the earliest
// marker (ties: the earlier row).
const AlertVendor* sniff_markers(std::string_view head, AlertVendors vendors) {
    const std::string_view start = trim(head);
    if (start.empty() || (start.front() != '{' && start.front() != '[')) return nullptr;
    const AlertVendor* best = nullptr;
    std::size_t best_at = std::string_view::npos;
    for (const AlertVendor* vendor : vendors) {
        for (std::string_view marker : vendor->markers) {
            const std::size_t at = head.find(marker);
            if (at < best_at) {
                best_at = at;
                best = vendor;
            }
        }
    }
    return best;
}

}  // namespace

const AlertVendor* sniff_alert_vendor(const Probe& probe, AlertVendors vendors) {
    if (probe.tree || probe.head.empty()) return nullptr;
    static const IngestOptions no_map;
    json::DomParser parser;
    const auto root = first_head_record(probe, parser);
    if (!root) return sniff_markers(probe.head, vendors);
    json::Array items;
    if (!root->get(items)) {
        for (json::Element item : items) return detect_alert_vendor(item, no_map, vendors);
        return nullptr;
    }
    return detect_alert_vendor(*root, no_map, vendors);
}

}  // namespace retro::ingest::alerts
