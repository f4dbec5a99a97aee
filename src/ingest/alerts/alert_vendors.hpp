// The alert vendors as rows (plaso's parser plugins, ninja's tool table): each vendor file (cloudwatch.cpp,
// alertmanager.cpp, grafana.cpp, pagerduty.cpp, opsgenie.cpp, statuspage.cpp, sentry.cpp, json_map.cpp)
// defines one self-contained AlertVendor, and alert_vendor_rows.cpp lists them in detection order. The
// dispatcher (alert_ingest.cpp) only loops over that list. Adding a vendor: one file, one row, one test file.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/alerts/alert_context.hpp"

namespace retro::ingest::alerts {

// Whether a JSON value (a record, or an element of a top-level array) is one this vendor reads.
using ShapeCheck = bool (*)(json::Element value, const IngestOptions& options);
// Reads one JSON value found at `path` of `text`: adds events to the sink, reports damage as diagnostics
// (`<name>.<code>`) and counts what it does not emit; never throws.
using AlertParse = void (*)(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);

struct AlertVendor {
    // The kind (`cloudwatch:PATH`), the events' `source.kind` and `channel`, the diagnostic code prefix.
    std::string_view name;
    // True when `value` has the keys this vendor's payloads always carry. Detection asks the rows in order.
    ShapeCheck has_shape;
    AlertParse parse;
    // Quoted keys or values that show this vendor in a head whose first record is cut off: the earliest
    // marker of any row wins.
    std::span<const std::string_view> markers;
    // What the vendor reads when preferred (a `KIND:` prefix, or the kind detected from the head), where
    // that is wider than its own shape; nullptr: `has_shape`.
    ShapeCheck reads_when_preferred = nullptr;
    // Checks the options once per input read with this vendor preferred (json-map's field map); nullptr: none.
    void (*check_options)(std::string_view input_name, const IngestContext& context) = nullptr;

    // Whether the dispatcher hands `value` to this vendor when it is preferred.
    bool accepts(json::Element value, const IngestOptions& options) const {
        return (reads_when_preferred ? reads_when_preferred : has_shape)(value, options);
    }
};

// Every alert vendor, in detection order (alert_vendor_rows.cpp).
using AlertVendors = std::span<const AlertVendor* const>;
AlertVendors alert_vendors();
// The row named `name` (`json-map`), or nullptr.
const AlertVendor* find_alert_vendor(std::string_view name, AlertVendors rows = alert_vendors());

// Shared by alertmanager.cpp and grafana.cpp: Grafana's unified payload is Alertmanager's plus `orgId`.
bool is_alertmanager_shape(json::Element value, const IngestOptions& options);
bool is_grafana_shape(json::Element value, const IngestOptions& options);
// Either shape: what the alertmanager and grafana rows read when preferred.
bool is_alertmanager_or_grafana_shape(json::Element value, const IngestOptions& options);
// §3: webhook v4 and the API v2 alert list, reported and emitted as `vendor` (alertmanager or grafana).
void parse_alertmanager(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx,
                        std::string_view vendor);
// Alertmanager's fingerprint of a label set sorted by name (FNV-1a 64, as prometheus/common computes it).
std::string alertmanager_fingerprint(const std::vector<std::pair<std::string_view, std::string_view>>& sorted);

}  // namespace retro::ingest::alerts
