// Grafana alerting webhooks (input-formats.md §4.4). Unified alerting (Grafana ≥ 8, `version: "1"`) is the
// Alertmanager webhook shape plus Grafana fields and is read by parse_alertmanager as vendor grafana.
// Legacy dashboard alerts (`ruleName`, `evalMatches`, `state`) carry no time at all: each is a warning
// and a ledger count, never an invented time (DESIGN.md "anything without a usable time").
#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

constexpr std::string_view vendor_name = "grafana";

bool is_legacy(json::Element v) {
    return json::member(v, "ruleName") || json::member(v, "evalMatches") || json::member(v, "ruleId");
}

void parse_grafana(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    if (json::member(value, "alerts") || !is_legacy(value))
        return parse_alertmanager(value, text, path, ctx, vendor_name);
    FieldReader r(ctx, text, vendor_name);
    r.report(Severity::warning, "no-time", path, "legacy Grafana alert carries no time; not emitted");
    ctx.sink.drop("grafana: legacy alert without a time");
}

// Content sniff for a head cut off before its first record ends.
constexpr std::string_view markers[] = {R"("orgId")", R"("evalMatches")"};

}  // namespace

bool is_grafana_shape(json::Element v, const IngestOptions& /*options*/) {
    if (json::array_member(v, "alerts")) return json::member(v, "orgId") || json::string_member(v, "version") == "1";
    return is_legacy(v) && json::member(v, "state");
}

// Preferred, it also reads Alertmanager's payloads (as grafana events).
extern const AlertVendor grafana_vendor{vendor_name, is_grafana_shape, parse_grafana, markers,
                                        is_alertmanager_or_grafana_shape};

}  // namespace retro::ingest::alerts
