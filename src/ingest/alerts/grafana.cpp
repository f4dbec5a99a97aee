// Grafana alerting webhooks (input-formats.md §4.4). Unified alerting (Grafana ≥ 8, `version: "1"`) is the
// Alertmanager webhook shape plus Grafana fields and is read by parse_alertmanager as vendor grafana.
// Legacy dashboard alerts (`ruleName`, `evalMatches`, `state`) carry no time at all: each is a warning
// and a ledger count, never an invented time (DESIGN.md "anything without a usable time").
#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

bool is_legacy(json::Element v) {
    return json::member(v, "ruleName") || json::member(v, "evalMatches") || json::member(v, "ruleId");
}

}  // namespace

bool is_grafana_shape(json::Element v) {
    if (json::array_member(v, "alerts")) return json::member(v, "orgId") || json::string_member(v, "version") == "1";
    return is_legacy(v) && json::member(v, "state");
}

void parse_grafana(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    if (json::member(value, "alerts") || !is_legacy(value))
        return parse_alertmanager(value, text, path, ctx, Vendor::grafana);
    FieldReader r(ctx, text, Vendor::grafana);
    r.report(Severity::warning, "no-time", path, "legacy Grafana alert carries no time; not emitted");
    ctx.sink.drop("grafana: legacy alert without a time");
}

}  // namespace retro::ingest::alerts
