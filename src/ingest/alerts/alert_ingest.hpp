// The alert ingesters' entry points: one registry row per vendor (cloudwatch, alertmanager, grafana,
// pagerduty, opsgenie, statuspage, sentry, json-map), all reading JSON alert streams through one shape
// dispatcher, so a file mixing vendors is read object by object.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/alerts/alert_context.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::alerts {

// Parses framed JSON records (one document, an array, one NDJSON line…) and sends each object (each
// element of a top-level array) to the vendor its shape shows. `preferred` (a `KIND:` prefix, or the
// detected kind) wins for objects it accepts. Unrecognised shapes are counted and reported by finish().
class AlertRecordParser {
public:
    AlertRecordParser(const IngestOptions& options, Diagnostics& diags, EventSink& sink, Vendor preferred);
    AlertRecordParser(const AlertRecordParser&) = delete;
    AlertRecordParser& operator=(const AlertRecordParser&) = delete;

    // Invalid JSON is an `alerts.bad-json` error at its first bad byte; the record is skipped.
    void parse(std::string_view bytes, const Origin& origin);
    // One `alerts.unknown-shape` warning per unrecognised shape, at its first instance, with its count.
    void finish();

private:
    void dispatch(json::Element value, const JsonText& text, const std::string& path);

    struct Shape {
        std::size_t order = 0, count = 0;
        Location first;
    };
    Vendor m_preferred;
    Diagnostics& m_diags;
    EventSink& m_sink;
    json::DomParser m_parser;
    EmbeddedParsers m_embedded;
    AlertContext m_ctx;
    std::map<std::string, Shape, std::less<>> m_shapes;
};

// Reads a whole input (file, .gz, stdin) framed by io::JsonRecordReader.
void ingest_alert_input(Input& input, const IngestContext& context, Vendor preferred);

// Detection: 85 when the first JSON object of the head has `vendor`'s shape, else 0 (json-map: always 0;
// it is chosen with `json-map:` or applies to unrecognised objects when a map is given).
int detect_alert_vendor(const Probe& probe, Vendor vendor);

}  // namespace retro::ingest::alerts
