// Atlassian Statuspage webhooks (input-formats.md §5.5) → `kind: status`. Incident payloads repeat every
// earlier update (newest first): one event per `incident_updates[].id`, timed by the update's
// `created_at`, so the same update read from several payloads keeps one id (`retro events` drops the
// copies). Component payloads give one event per `component_update.id`, with no incident state. The REST
// API's incident list (a bare array of incidents, or the public `incidents.json` object `{page,
// incidents}`) reads the same way: one event per update of every incident, the page from `page_id`.
#include <fmt/format.h>

#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

constexpr std::string_view vendor_name = "statuspage";

Event make_status_event(const JsonText& text, std::string_view page) {
    Event e = make_alert_event(vendor_name, text);
    e.kind = EventKind::status;
    e.status = StatusInfo{std::string(page), {}};
    return e;
}

void parse_incident(json::Element incident, const JsonText& text, std::string_view path, AlertContext& ctx,
                    std::string_view page) {
    FieldReader r(ctx, text, vendor_name);
    const std::string incident_id = r.scalar(incident, path, "id");
    const std::string_view name = r.string(incident, path, "name");
    const std::string_view shortlink = r.string(incident, path, "shortlink");
    auto updates = r.array(incident, path, "incident_updates");
    if (r.failed()) return ctx.sink.drop("statuspage: damaged record");
    if (!updates) {
        r.report(Severity::warning, "incomplete", path, "incident without `incident_updates`; not emitted");
        return ctx.sink.drop("statuspage: incident without updates");
    }
    const std::string ap = member_path(path, "incident_updates");
    std::size_t i = 0;
    for (json::Element update : *updates) {
        const std::string up = element_path(ap, i++);
        FieldReader ur(ctx, text, vendor_name);
        const std::string id = ur.scalar(update, up, "id");
        const std::string_view status = ur.string(update, up, "status");
        const std::string_view body = ur.string(update, up, "body");
        std::string raw;
        auto time = ur.iso_time(update, up, "created_at", &raw);
        if (ur.failed()) {
            ctx.sink.drop("statuspage: damaged record");
            continue;
        }
        if (id.empty() || !time) {
            ur.report(Severity::warning, "incomplete", up, "incident update without `id` or `created_at`; not emitted");
            ctx.sink.drop("statuspage: update without an id or time");
            continue;
        }
        Event e = make_status_event(text, page);
        e.id = "statuspage:" + id;
        if (!incident_id.empty()) e.record = "statuspage:" + incident_id;
        e.time = *time;
        e.time_raw = raw;
        e.status->state = std::string(status);
        e.text = clean_text(body.empty() ? std::string(name) : fmt::format("{}: {}", name, body));
        if (!shortlink.empty()) e.links.emplace_back(shortlink);
        ctx.sink.add(std::move(e));
    }
}

void parse_component(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx,
                     std::string_view page) {
    FieldReader r(ctx, text, vendor_name);
    auto update = r.object(value, path, "component_update");
    const std::string up = member_path(path, "component_update");
    if (!update) return ctx.sink.drop("statuspage: damaged record");
    const std::string id = r.scalar(*update, up, "id");
    const std::string_view before = r.string(*update, up, "old_status");
    const std::string_view after = r.string(*update, up, "new_status");
    std::string raw;
    auto time = r.iso_time(*update, up, "created_at", &raw);
    if (r.failed()) return ctx.sink.drop("statuspage: damaged record");
    if (id.empty() || !time) {
        r.report(Severity::warning, "incomplete", up, "component update without `id` or `created_at`; not emitted");
        return ctx.sink.drop("statuspage: update without an id or time");
    }
    std::string_view name = string_at(value, ".component.name");
    Event e = make_status_event(text, page);
    e.id = "statuspage:" + id;
    e.time = *time;
    e.time_raw = raw;
    e.text = clean_text(fmt::format("{}: {} -> {}", name.empty() ? "component" : name, before, after));
    ctx.sink.add(std::move(e));
}

// An incident on its own, as the REST API lists them: its id and name beside the update array.
bool is_incident(json::Element v) {
    return json::array_member(v, "incident_updates") && json::member(v, "id") && json::string_member(v, "name");
}

bool is_statuspage_shape(json::Element v, const IngestOptions& /*options*/) {
    if (is_incident(v)) return true;
    if (!object_element(v, "page")) return false;
    return json::member(v, "incident") || json::member(v, "component_update") || json::array_member(v, "incidents");
}

// `{page, incidents: [...]}` (the public status API's incidents.json).
void parse_incident_list(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx,
                         std::string_view page) {
    FieldReader r(ctx, text, vendor_name);
    auto incidents = r.array(value, path, "incidents");
    if (!incidents) return ctx.sink.drop("statuspage: damaged record");
    const std::string ap = member_path(path, "incidents");
    std::size_t i = 0;
    for (json::Element incident : *incidents) {
        const std::string ip = element_path(ap, i++);
        if (!incident.is_object()) {
            r.report(Severity::error, "bad-field", ip,
                     fmt::format("incident is {} where an object was expected; skipped", describe_type(incident)));
            ctx.sink.drop("statuspage: damaged record");
            continue;
        }
        const std::string_view own_page = string_at(incident, ".page_id");
        parse_incident(incident, text, ip, ctx, own_page.empty() ? page : own_page);
    }
}

void parse_statuspage(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    if (is_incident(value)) return parse_incident(value, text, path, ctx, string_at(value, ".page_id"));
    std::string_view page = string_at(value, ".page.id");
    if (json::member(value, "component_update")) return parse_component(value, text, path, ctx, page);
    if (!json::member(value, "incident") && json::member(value, "incidents"))
        return parse_incident_list(value, text, path, ctx, page);
    auto incident = r.object(value, path, "incident");
    if (!incident) return ctx.sink.drop("statuspage: damaged record");
    parse_incident(*incident, text, member_path(path, "incident"), ctx, page);
}

constexpr std::string_view markers[] = {R"("incident_updates")", R"("component_update")"};

}  // namespace

extern const AlertVendor statuspage_vendor{vendor_name, is_statuspage_shape, parse_statuspage, markers};

}  // namespace retro::ingest::alerts
