// Sentry webhooks (input-formats.md §4.6). Issue alerts (`event_alert`, `data.event`), error webhooks
// (`error.created`, `data.error`) and the legacy WebHooks plugin (flat, top-level `event`): one event per
// issue event, time `datetime` else the float `timestamp`, id `sentry:<event_id>` (the same error told by
// an issue alert and an error webhook is one event). Issue webhooks (`data.issue`): `created` is timed by
// the issue's `firstSeen`; other actions (resolved, assigned…) carry no time of their own, so they are a
// warning and a ledger count, never a made-up time. Metric alert webhooks (`data.metric_alert`, actions
// critical, warning, resolved): the alert rule's incident, started at `date_started`, and its resolution
// at `date_closed` when the payload has one; a resolved payload without it dates no resolution (a warning).
#include <fmt/format.h>

#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

constexpr std::string_view vendor_name = "sentry";

struct SentryEvent {
    std::string id, fingerprint, time_raw, title, level, service, link, state = "firing", actor;
    std::string text;  // when it says more than the title
    Instant time{};
};

void emit(const SentryEvent& s, const JsonText& text, AlertContext& ctx) {
    Event e = make_alert_event(vendor_name, text);
    e.id = "sentry:" + s.id;
    e.time = s.time;
    e.time_raw = s.time_raw;
    e.text = clean_text(s.text.empty() ? s.title : s.text);
    e.actor.name = s.actor;
    e.alert = AlertInfo{s.title, s.fingerprint, s.state, s.level, s.service};
    if (!s.link.empty()) e.links.push_back(s.link);
    ctx.sink.add(std::move(e));
}

// An issue event: `data.event` of an issue alert, or the legacy plugin's `event`.
void parse_issue_event(json::Element event, const JsonText& text, std::string_view path, AlertContext& ctx,
                       json::Element outer, std::string_view rule) {
    FieldReader r(ctx, text, vendor_name);
    SentryEvent s;
    s.id = r.scalar(event, path, "event_id");
    std::optional<Instant> time = r.iso_time(event, path, "datetime", &s.time_raw);
    if (!time && !r.failed()) time = r.epoch_time(event, path, "timestamp", EpochUnit::seconds, &s.time_raw);
    s.title = std::string(r.string(event, path, "title"));
    if (s.title.empty()) s.title = std::string(string_at(outer, ".message"));
    s.level = std::string(r.string(event, path, "level"));
    if (s.level.empty()) s.level = std::string(string_at(outer, ".level"));
    s.fingerprint = r.scalar(event, path, "issue_id");
    if (s.fingerprint.empty()) s.fingerprint = json::scalar_member_text(outer, "id").value_or("");
    s.service = std::string(string_at(outer, ".project_name"));
    if (s.service.empty()) s.service = r.scalar(event, path, "project");
    s.link = std::string(r.string(event, path, "web_url"));
    if (s.link.empty()) s.link = std::string(string_at(outer, ".url"));
    if (r.failed()) return ctx.sink.drop("sentry: damaged record");
    if (s.id.empty() || !time) {
        r.report(Severity::warning, "incomplete", path, "issue event without `event_id` or a time; not emitted");
        return ctx.sink.drop("sentry: event without an id or time");
    }
    s.time = *time;
    if (!rule.empty()) s.title = fmt::format("{}: {}", rule, s.title);
    emit(s, text, ctx);
}

void parse_issue(json::Element root, json::Element issue, const JsonText& text, std::string_view path,
                 AlertContext& ctx, std::string_view action) {
    FieldReader r(ctx, text, vendor_name);
    if (action != "created") {
        r.report(Severity::warning, "no-time", path,
                 fmt::format("issue `{}` webhook carries no time of its own; not emitted", action));
        return ctx.sink.drop("sentry: issue webhook without a time");
    }
    SentryEvent s;
    s.id = "issue/" + r.scalar(issue, path, "id") + "#created";
    auto time = r.iso_time(issue, path, "firstSeen", &s.time_raw);
    s.title = std::string(r.string(issue, path, "title"));
    if (s.title.empty()) s.title = std::string(string_at(issue, ".metadata.title"));
    if (s.title.empty()) s.title = std::string(string_at(issue, ".culprit"));
    s.level = std::string(r.string(issue, path, "level"));
    s.fingerprint = r.scalar(issue, path, "id");
    s.service = std::string(string_at(issue, ".project.slug"));
    s.link = std::string(string_at(issue, ".permalink"));
    s.actor = std::string(string_at(root, ".actor.name"));
    if (r.failed()) return ctx.sink.drop("sentry: damaged record");
    if (!time) {
        r.report(Severity::warning, "no-time", path, "created issue without `firstSeen`; not emitted");
        return ctx.sink.drop("sentry: issue webhook without a time");
    }
    s.time = *time;
    emit(s, text, ctx);
}

// The metric alert incident `alert` of a `metric_alert` webhook. Every payload of one incident (warning,
// critical, resolved) repeats its start, so the start's id and alert part do not depend on the action:
// the collector keeps one. The action is only in the text.
void parse_metric_alert(json::Element data, json::Element alert, const JsonText& text, std::string_view path,
                        AlertContext& ctx, std::string_view action) {
    FieldReader r(ctx, text, vendor_name);
    const std::string id = r.scalar(alert, path, "id");
    std::string raw_started, raw_closed;
    auto started = r.iso_time(alert, path, "date_started", &raw_started);
    auto closed = r.iso_time(alert, path, "date_closed", &raw_closed);
    SentryEvent s;
    s.title = std::string(string_at(alert, ".alert_rule.name"));
    if (s.title.empty()) s.title = std::string(r.string(alert, path, "title"));
    const auto rule_object = object_element(alert, "alert_rule");
    const std::string rule = rule_object ? json::scalar_member_text(*rule_object, "id").value_or("") : "";
    s.fingerprint = "alert_rule/" + (rule.empty() ? id : rule);
    s.link = std::string(string_at(data, ".web_url"));
    if (auto projects = json::array_member(alert, "projects")) {
        for (json::Element project : *projects) {
            std::string_view name;
            if (!project.get(name)) s.service += (s.service.empty() ? "" : ",") + std::string(name);
        }
    }
    if (r.failed()) return ctx.sink.drop("sentry: damaged record");
    if (id.empty() || !started) {
        r.report(Severity::warning, "incomplete", path, "metric alert without `id` or `date_started`; not emitted");
        return ctx.sink.drop("sentry: event without an id or time");
    }
    s.id = "metric_alert/" + id + "#started";
    s.time = *started;
    s.time_raw = raw_started;
    if (!action.empty() && action != "resolved") s.text = fmt::format("{} ({})", s.title, action);
    emit(s, text, ctx);
    if (closed) {
        s.id = "metric_alert/" + id + "#closed";
        s.time = *closed;
        s.time_raw = raw_closed;
        s.text.clear();
        s.state = "resolved";
        return emit(s, text, ctx);
    }
    if (action == "resolved") {
        r.report(Severity::warning, "no-time", path,
                 "resolved metric alert without `date_closed`: its resolution has no time; only its start is "
                 "emitted");
        ctx.sink.drop("sentry: metric alert resolution without a time");
    }
}

bool is_sentry_shape(json::Element v, const IngestOptions& /*options*/) {
    if (json::member(v, "project_name") && object_element(v, "event")) return true;
    auto data = object_element(v, "data");
    return data && json::member(v, "action") &&
           (json::member(v, "installation") || object_element(*data, "event") || object_element(*data, "issue") ||
            object_element(*data, "error") || object_element(*data, "metric_alert"));
}

void parse_sentry(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    if (!json::member(value, "data")) {
        auto event = r.object(value, path, "event");
        if (!event) return ctx.sink.drop("sentry: damaged record");
        return parse_issue_event(*event, text, member_path(path, "event"), ctx, value, {});
    }
    auto data = r.object(value, path, "data");
    const std::string_view action = r.string(value, path, "action");
    if (r.failed() || !data) return ctx.sink.drop("sentry: damaged record");
    const std::string dp = member_path(path, "data");
    if (auto event = object_element(*data, "event"))
        return parse_issue_event(*event, text, member_path(dp, "event"), ctx, *event,
                                 string_at(*data, ".triggered_rule"));
    if (auto error = object_element(*data, "error"))
        return parse_issue_event(*error, text, member_path(dp, "error"), ctx, *error, {});
    if (auto issue = object_element(*data, "issue"))
        return parse_issue(value, *issue, text, member_path(dp, "issue"), ctx, action);
    if (auto alert = object_element(*data, "metric_alert"))
        return parse_metric_alert(*data, *alert, text, member_path(dp, "metric_alert"), ctx, action);
    r.report(Severity::warning, "unsupported", path,
             fmt::format("Sentry `{}` webhook without an event, error, issue or metric alert; not emitted", action));
    ctx.sink.drop("sentry: unsupported webhook");
}

constexpr std::string_view markers[] = {R"("project_name")", R"("installation")"};

}  // namespace

extern const AlertVendor sentry_vendor{vendor_name, is_sentry_shape, parse_sentry, markers};

}  // namespace retro::ingest::alerts
