// Opsgenie outgoing webhook (input-formats.md §4.3): one event per action. Time: `alert.updatedAt` (epoch
// nanoseconds, 19 digits: read as an integer, never a double), else `alert.createdAt` (epoch ms); an action
// with neither (Escalate) is a warning and a ledger count. Id `opsgenie:<alertId>/<action>@<time>`.
#include <fmt/format.h>

#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

constexpr std::string_view vendor_name = "opsgenie";

std::string_view map_action(std::string_view action) {
    if (action == "Create" || action == "UnAcknowledge") return "firing";
    if (action == "Acknowledge") return "acknowledged";
    if (action == "Close") return "resolved";
    return "unknown";
}

bool is_opsgenie_shape(json::Element v, const IngestOptions& /*options*/) {
    auto alert = object_element(v, "alert");
    return alert && json::member(v, "action") && json::member(*alert, "alertId");
}

void parse_opsgenie(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    const std::string_view action = r.string(value, path, "action");
    auto alert = r.object(value, path, "alert");
    if (r.failed() || !alert) return ctx.sink.drop("opsgenie: damaged record");
    const std::string ap = member_path(path, "alert");
    const std::string alert_id = r.scalar(*alert, ap, "alertId");
    const std::string_view message = r.string(*alert, ap, "message");
    const std::string_view alias = r.string(*alert, ap, "alias");
    const std::string_view user = r.string(*alert, ap, "username");
    const std::string_view note = r.string(*alert, ap, "note");
    const std::string priority = r.scalar(*alert, ap, "priority");
    std::string raw;
    std::optional<Instant> time = r.epoch_time(*alert, ap, "updatedAt", EpochUnit::nanoseconds, &raw);
    if (!time && !r.failed()) time = r.epoch_time(*alert, ap, "createdAt", EpochUnit::milliseconds, &raw);
    if (r.failed()) return ctx.sink.drop("opsgenie: damaged record");
    if (!time) {
        r.report(Severity::warning, "no-time", path,
                 fmt::format("`{}` action carries no `updatedAt` or `createdAt`; not emitted", action));
        return ctx.sink.drop("opsgenie: action without a time");
    }
    Event e = make_alert_event(vendor_name, text);
    e.id = fmt::format("opsgenie:{}/{}@{}", alert_id, action, format_utc(*time));
    e.time = *time;
    e.time_raw = raw;
    e.actor.name = std::string(user);
    std::string summary = fmt::format("{}: {}", action, message);
    if (!note.empty()) summary += fmt::format(": {}", note);
    e.text = clean_text(summary);
    std::string severity;
    if (!priority.empty()) severity = priority.starts_with('P') ? priority : "P" + priority;
    e.alert = AlertInfo{std::string(message),
                        std::string(alias.empty() ? std::string_view(alert_id) : alias),
                        std::string(map_action(action)),
                        severity,
                        {}};
    ctx.sink.add(std::move(e));
}

constexpr std::string_view markers[] = {R"("alertId")"};

}  // namespace

extern const AlertVendor opsgenie_vendor{vendor_name, is_opsgenie_shape, parse_opsgenie, markers};

}  // namespace retro::ingest::alerts
