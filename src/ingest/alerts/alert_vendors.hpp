// The per-vendor parsers behind the alert dispatcher. Each reads one JSON value (a record, or an element
// of a top-level array) found at `path` of `text`, adds events to the sink, reports damage as diagnostics
// and counts what it does not emit; none throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/alerts/alert_context.hpp"

namespace retro::ingest::alerts {

// Whether the dispatcher hands `value` to `vendor` when that vendor is preferred (its shape, or for
// json-map a field map given), and the call of that vendor's parser.
bool accepts(Vendor vendor, json::Element value, const IngestOptions& options);
void parse_as(Vendor vendor, json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);

// Shape tests: true when `value` has the keys that vendor's payloads always carry.
bool is_cloudwatch_shape(json::Element value);
bool is_alertmanager_shape(json::Element value);
bool is_grafana_shape(json::Element value);
bool is_pagerduty_shape(json::Element value);
bool is_opsgenie_shape(json::Element value);
bool is_statuspage_shape(json::Element value);
bool is_sentry_shape(json::Element value);

// §2: SNS notification, Lambda `Records[].Sns`, EventBridge, Lambda alarm action, describe-alarm-history.
void parse_cloudwatch(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);
// §3: webhook v4 and the API v2 alert list; also Grafana unified alerting when `vendor` is grafana.
void parse_alertmanager(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx,
                        Vendor vendor = Vendor::alertmanager);
// §4.4: unified (Alertmanager-shaped) and legacy dashboard alerts (which carry no time).
void parse_grafana(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);
// §4.1–4.2: webhook v3, v2 and v1 messages, REST log entries.
void parse_pagerduty(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);
// §4.3: outgoing webhook actions.
void parse_opsgenie(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);
// §5.5: incident webhooks (one event per update id) and component updates.
void parse_statuspage(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);
// §4.6: issue alerts (`event_alert`), issue webhooks and the legacy plugin.
void parse_sentry(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);
// json-map: the fields named by IngestOptions::json_map.
void parse_json_map(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx);

// Alertmanager's fingerprint of a label set sorted by name (FNV-1a 64, as prometheus/common computes it).
std::string alertmanager_fingerprint(const std::vector<std::pair<std::string_view, std::string_view>>& sorted);

// The targets of a json-map field map that json-map does not know (reported once per input).
std::vector<std::string> unknown_json_map_targets(const FieldMap& map);

// The vendor whose shape `value` has, or std::nullopt.
std::optional<Vendor> detect_vendor(json::Element value);

}  // namespace retro::ingest::alerts
