// The alert ingesters' entry points: one registry row per alert vendor (alert_vendors.hpp), all reading JSON
// alert streams through one shape dispatcher, so a file mixing vendors is read object by object.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/alerts/alert_vendors.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::alerts {

// Objects of unrecognised shapes: how many of each, and where the first was, in the order first seen.
class ShapeTally {
public:
    // Counts one object of shape `name`; `first` is asked for its location when the shape is new.
    void count(std::string name, const std::function<Location()>& first);
    // Adds a tally of the objects that came after everything counted here.
    void merge(ShapeTally&& later);
    // One `alerts.unknown-shape` warning per shape, at its first object, with its count; then empty.
    void report(Diagnostics& diags, EventSink& sink);

private:
    struct Shape {
        std::size_t order = 0, count = 0;
        Location first;
    };
    std::map<std::string, Shape, std::less<>> m_shapes;
};

// Parses framed JSON records (one document, an array, one NDJSON line…) and sends each object (each
// element of a top-level array) to the first of `vendors` whose shape it has. `preferred` (a `KIND:`
// prefix, or the detected kind) wins for objects it accepts. Unrecognised shapes are counted, for take_extra(). One
// parser per thread: records of one input may be parsed on several, each reporting into its batch's own sink.
class AlertRecordParser {
public:
    AlertRecordParser(const IngestOptions& options, const AlertVendor& preferred, AlertVendors vendors)
        : m_options(&options), m_preferred(&preferred), m_vendors(vendors) {}

    // Invalid JSON is an `alerts.bad-json` error at its first bad byte; the record is skipped.
    void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink);
    // The same, parsed in place (no copy of the record into the parser's buffer).
    void parse(json::PaddedText bytes, const Origin& origin, Diagnostics& diags, EventSink& sink);
    // The unrecognised shapes counted since the last call (RecordBatchReader hands each batch's on in order).
    ShapeTally take_extra() { return std::exchange(m_shapes, {}); }

private:
    void convert(std::optional<json::Element> root, std::string_view bytes, const Origin& origin, Diagnostics& diags,
                 EventSink& sink);
    void dispatch(json::Element value, const JsonText& text, const std::string& path, AlertContext& ctx);

    const IngestOptions* m_options;
    const AlertVendor* m_preferred;
    AlertVendors m_vendors;
    json::DomParser m_parser;
    std::unique_ptr<EmbeddedParsers> m_embedded = std::make_unique<EmbeddedParsers>();
    ShapeTally m_shapes;
};

// Reads a whole input (file, .gz, stdin) framed by io::JsonRecordReader.
void ingest_alert_input(Input& input, const IngestContext& context, const AlertVendor& preferred,
                        AlertVendors vendors = alert_vendors());

// The first of `vendors` whose shape `value` has, or nullptr.
const AlertVendor* detect_alert_vendor(json::Element value, const IngestOptions& options, AlertVendors vendors);

// Detection from content, one look at the head: the vendor of its first JSON object (asked of each row in
// order, without a field map, so never json-map); when that record is cut off by the head size, the vendor
// with the earliest marker. nullptr for trees, heads not starting with `{` or `[`, and unknown shapes.
const AlertVendor* sniff_alert_vendor(const Probe& probe, AlertVendors vendors = alert_vendors());

}  // namespace retro::ingest::alerts
