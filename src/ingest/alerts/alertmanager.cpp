// Prometheus Alertmanager (input-formats.md §3): webhook payload version "4" (per-alert `status`; `endsAt`
// of `0001-01-01T00:00:00Z` means unset; nanosecond `startsAt` with any offset), the API v2 /
// `amtool -o json` alert list (firing only: its `endsAt` is a future expiry) and API v2 alert groups.
// Grafana unified alerting (§4.4, version "1") is the same shape and goes through here as vendor grafana.
// Events: the firing at `startsAt`, id `<vendor>:<fingerprint>@<startsAt>`, and, when the alert is
// resolved, the resolution at `endsAt` with `#resolved` (DESIGN.md). Key: `alertname{sorted labels}`.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

// Sorted by name; non-string values (never seen in real payloads) are skipped.
Labels read_labels(json::Element alert, std::string_view key) {
    Labels labels;
    auto object = json::object_member(alert, key);
    if (!object) return labels;
    for (auto field : *object) {
        std::string_view value;
        if (!field.value.get(value)) labels.emplace_back(field.key, value);
    }
    std::sort(labels.begin(), labels.end());
    return labels;
}

std::string_view find_label(const Labels& labels, std::string_view name) {
    for (const auto& [k, v] : labels)
        if (k == name) return v;
    return {};
}

// `alertname{k="v", …}` with the other labels sorted by name.
std::string alert_key(const Labels& labels) {
    std::string key(find_label(labels, "alertname"));
    std::string rest;
    for (const auto& [k, v] : labels) {
        if (k == "alertname") continue;
        rest += fmt::format("{}{}=\"{}\"", rest.empty() ? "" : ", ", k, v);
    }
    if (!rest.empty()) key += "{" + rest + "}";
    return key;
}

}  // namespace

// Alertmanager's own fingerprint of a label set (prometheus/common model.LabelsToSignature): FNV-1a 64 over
// the sorted names and values, each followed by the 0xff separator, printed as 16 hex digits. Used when a
// hand-made payload has no `fingerprint`.
std::string alertmanager_fingerprint(const std::vector<std::pair<std::string_view, std::string_view>>& sorted) {
    std::uint64_t hash = 14695981039346656037ull;
    auto add = [&hash](std::string_view s) {
        for (unsigned char c : s) hash = (hash ^ c) * 1099511628211ull;
    };
    for (const auto& [k, v] : sorted) {
        add(k);
        add("\xff");
        add(v);
        add("\xff");
    }
    return fmt::format("{:016x}", hash);
}

namespace {

// `0001-01-01T00:00:00Z` (Go's zero time) means "not set".
bool is_zero_time(std::string_view raw) {
    return raw.starts_with("0001-01-01");
}

void parse_one_alert(json::Element alert, const JsonText& text, std::string_view path, AlertContext& ctx,
                     std::string_view vendor) {
    FieldReader r(ctx, text, vendor);
    r.object(alert, path, "labels");
    r.object(alert, path, "annotations");
    const Labels labels = read_labels(alert, "labels");
    const Labels annotations = read_labels(alert, "annotations");
    std::string starts_raw, ends_raw;
    auto starts = r.iso_time(alert, path, "startsAt", &starts_raw);
    const std::string_view ends_text = r.string(alert, path, "endsAt");
    std::optional<Instant> ends;
    if (!ends_text.empty() && !is_zero_time(ends_text)) ends = r.iso_time(alert, path, "endsAt", &ends_raw);
    // Webhooks say `"status": "firing"|"resolved"`; the API v2 list has a status object (state active…).
    std::string_view status;
    if (auto s = json::member(alert, "status"); s && s->is_string()) status = r.string(alert, path, "status");
    std::string fingerprint(r.string(alert, path, "fingerprint"));
    const std::string_view generator = r.string(alert, path, "generatorURL");
    if (r.failed()) return ctx.sink.drop(fmt::format("{}: damaged record", vendor));
    if (!starts) {
        r.report(Severity::warning, "no-time", path, "alert without `startsAt`; not emitted");
        return ctx.sink.drop(fmt::format("{}: alert without a time", vendor));
    }
    if (fingerprint.empty()) fingerprint = alertmanager_fingerprint(labels);

    Event e = make_alert_event(vendor, text);
    e.id = fmt::format("{}:{}@{}", vendor, fingerprint, format_utc(*starts));
    e.time = *starts;
    e.time_raw = starts_raw;
    std::string_view summary = find_label(annotations, "summary");
    if (summary.empty()) summary = find_label(annotations, "description");
    const std::string key = alert_key(labels);
    e.text = clean_text(summary.empty() ? key : fmt::format("{}: {}", find_label(labels, "alertname"), summary));
    std::string_view service = find_label(labels, "service");
    if (service.empty()) service = find_label(labels, "job");
    e.alert = AlertInfo{key, fingerprint, "firing", std::string(find_label(labels, "severity")), std::string(service)};
    if (!generator.empty()) e.links.emplace_back(generator);

    if (status == "resolved") {
        if (!ends) {
            r.report(Severity::warning, "no-end-time", path,
                     "resolved alert without `endsAt`; its resolution is not emitted");
            ctx.sink.drop(fmt::format("{}: resolution without a time", vendor));
        } else {
            Event resolved = e;
            resolved.id = e.id + "#resolved";
            resolved.record = e.id;
            resolved.time = *ends;
            resolved.time_raw = ends_raw;
            resolved.alert->state = "resolved";
            ctx.sink.add(std::move(e));
            ctx.sink.add(std::move(resolved));
            return;
        }
    }
    ctx.sink.add(std::move(e));
}

constexpr std::string_view vendor_name = "alertmanager";

void parse(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    parse_alertmanager(value, text, path, ctx, vendor_name);
}

// Content sniff for a head cut off before its first record ends.
constexpr std::string_view markers[] = {R"("startsAt")"};

}  // namespace

bool is_alertmanager_shape(json::Element v, const IngestOptions& /*options*/) {
    if (auto alerts = json::array_member(v, "alerts"); alerts) return !json::member(v, "orgId");
    return json::member(v, "labels") && json::member(v, "startsAt");
}

bool is_alertmanager_or_grafana_shape(json::Element v, const IngestOptions& options) {
    return is_alertmanager_shape(v, options) || is_grafana_shape(v, options);
}

void parse_alertmanager(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx,
                        std::string_view vendor) {
    FieldReader r(ctx, text, vendor);
    if (!json::member(value, "alerts")) return parse_one_alert(value, text, path, ctx, vendor);
    auto alerts = r.array(value, path, "alerts");
    if (!alerts) return ctx.sink.drop(fmt::format("{}: damaged record", vendor));
    const std::string array_path = member_path(path, "alerts");
    std::size_t i = 0;
    for (json::Element alert : *alerts) parse_one_alert(alert, text, element_path(array_path, i++), ctx, vendor);
}

// Preferred, it also reads Grafana's payloads (as alertmanager events).
extern const AlertVendor alertmanager_vendor{vendor_name, is_alertmanager_shape, parse, markers,
                                             is_alertmanager_or_grafana_shape};

}  // namespace retro::ingest::alerts
