// The alert ingesters' entry points: one registry row per vendor (cloudwatch, alertmanager, grafana,
// pagerduty, opsgenie, statuspage, sentry, json-map), all reading JSON alert streams through one shape
// dispatcher, so a file mixing vendors is read object by object.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/alerts/alert_context.hpp"
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
// element of a top-level array) to the vendor its shape shows. `preferred` (a `KIND:` prefix, or the
// detected kind) wins for objects it accepts. Unrecognised shapes are counted, for take_extra(). One parser per
// thread: records of one input may be parsed on several, each reporting into its batch's own sink.
class AlertRecordParser {
public:
    AlertRecordParser(const IngestOptions& options, Vendor preferred) : m_options(&options), m_preferred(preferred) {}

    // Invalid JSON is an `alerts.bad-json` error at its first bad byte; the record is skipped.
    void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink);
    // The unrecognised shapes counted since the last call (RecordBatchReader hands each batch's on in order).
    ShapeTally take_extra() { return std::exchange(m_shapes, {}); }

private:
    void dispatch(json::Element value, const JsonText& text, const std::string& path, AlertContext& ctx);

    const IngestOptions* m_options;
    Vendor m_preferred;
    json::DomParser m_parser;
    std::unique_ptr<EmbeddedParsers> m_embedded = std::make_unique<EmbeddedParsers>();
    ShapeTally m_shapes;
};

// Reads a whole input (file, .gz, stdin) framed by io::JsonRecordReader.
void ingest_alert_input(Input& input, const IngestContext& context, Vendor preferred);

// Detection: 85 when the first JSON object of the head has `vendor`'s shape, else 0 (json-map: always 0;
// it is chosen with `json-map:` or applies to unrecognised objects when a map is given).
int detect_alert_vendor(const Probe& probe, Vendor vendor);

}  // namespace retro::ingest::alerts
