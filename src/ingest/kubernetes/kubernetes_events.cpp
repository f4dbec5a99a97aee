// Kubernetes Events (core/v1 Event; events.k8s.io/v1 spellings read too), mapped by reason
// (event_reasons.hpp, docs/sources/kubernetes.md). An Event the cluster saw `count` times is one event at
// its first time (`firstTimestamp`, else `eventTime`, else `metadata.creationTimestamp`) carrying the
// count and the last time, so repeats group as an alert storm does.
#include "ingest/kubernetes/kubernetes_events.hpp"

#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "ingest/changes/change_event.hpp"
#include "ingest/kubernetes/event_reasons.hpp"
#include "ingest/kubernetes/yaml_tree.hpp"

namespace retro::ingest::kubernetes {
namespace {

constexpr std::string_view kind = "kubernetes";

// The first of `keys` that holds a time; `raw` receives it as written. A bad one fails the record.
std::optional<Instant> first_time(const YamlNode& obj, std::initializer_list<std::string_view> keys,
                                  const Origin& origin, const IngestContext& ctx, bool& bad, std::string* raw) {
    for (const std::string_view key : keys) {
        if (auto t = read_time(obj, key, origin, ctx.diags, kind, bad)) {
            if (raw) *raw = obj.text({key});
            return t;
        }
        if (bad) return std::nullopt;
    }
    return std::nullopt;
}

// One Event's fields, under either API's names.
struct EventRecord {
    const YamlNode* node = nullptr;
    std::string_view reason, type, message;
    std::string_view object_kind, object_name, ns;
    std::string native_id;
    Instant time{};
    std::string time_raw;
    std::optional<Repeat> repeat;
};

std::uint64_t read_count(const EventRecord& r, const Origin& origin, const IngestContext& ctx) {
    const YamlNode& e = *r.node;
    const YamlNode* count = e.find("count");
    if (!count || !count->is_scalar()) count = e.find("deprecatedCount");
    if (!count || !count->is_scalar()) count = e.at({"series", "count"});
    if (!count || !count->is_scalar()) return 1;
    std::uint64_t n = 0;
    const std::string& s = count->scalar;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size()) {
        ctx.diags.warning("kubernetes.bad-count", node_location(origin, *count),
                          fmt::format("`count` is not a whole number: \"{}\"; read as 1", s));
        return 1;
    }
    return n;
}

// The key alerts group by: `BackOff Pod/api-7c5ddbdf54-x2b9q (payments)`.
std::string alert_key(const EventRecord& r) {
    std::string key = fmt::format("{} {}/{}", r.reason, r.object_kind, r.object_name);
    if (!r.ns.empty()) key += fmt::format(" ({})", r.ns);
    return key;
}

Event alert_event(const EventRecord& r, const Origin& origin) {
    Event e;
    e.id = fmt::format("{}:{}", kind, r.native_id);
    e.time = r.time;
    e.time_raw = r.time_raw;
    e.kind = EventKind::alert;
    e.source.kind = std::string(kind);
    e.source.vendor = e.source.kind;
    e.source.medium = Medium::alerting;
    e.source.origin = origin.name;
    e.source.line = node_location(origin, *r.node).line;
    e.channel = e.source.kind;
    const std::string key = alert_key(r);
    e.text = changes::one_line(r.message.empty() ? key : fmt::format("{}: {}", key, r.message));
    std::string service = owner_workload(r.object_kind, r.object_name);
    if (service.empty()) service = std::string(r.ns);
    const std::string_view severity = r.type == "Warning" ? "warning" : r.type == "Normal" ? "info" : "";
    e.alert = AlertInfo{changes::one_line(key), "", "firing", std::string(severity), changes::one_line(service)};
    return e;
}

Event change_of(const EventRecord& r, ChangeAction action, const Origin& origin) {
    changes::ChangeRecord c;
    c.native_id = r.native_id;
    c.time = r.time;
    c.time_raw = r.time_raw;
    c.change.system = std::string(kind);
    c.change.repo = r.ns.empty() ? std::string(r.object_name) : fmt::format("{}/{}", r.ns, r.object_name);
    c.change.action = action;
    c.change.environment = std::string(r.ns);
    if (action == ChangeAction::deploy_started) {
        // The new ReplicaSet `<deployment>-<pod-template-hash>`: the hash names the revision.
        std::string_view rs = scaled_replica_set(r.message);
        if (rs.size() > r.object_name.size() + 1 && rs.starts_with(r.object_name) && rs[r.object_name.size()] == '-')
            rs.remove_prefix(r.object_name.size() + 1);
        c.change.ref = std::string(rs);
    } else if (const std::size_t at = r.message.find("to revision "); at != std::string_view::npos) {
        c.change.ref = std::string(r.message.substr(at + 3));  // "revision 3"
    }
    c.change.ref = changes::one_line(c.change.ref);
    c.change.repo = changes::one_line(c.change.repo);
    c.change.environment = changes::one_line(c.change.environment);
    c.title = std::string(r.message);
    return changes::change_event(kind, origin, node_location(origin, *r.node).line, std::move(c));
}

void read_event(const YamlNode& node, const Origin& origin, const IngestContext& ctx) {
    if (!node.is_map() || (node.find("kind") && node.text({"kind"}) != "Event"))
        return ctx.sink.drop("kubernetes: not an Event");
    EventRecord r;
    r.node = &node;
    const YamlNode* object = node.find("involvedObject");
    if (!object || !object->is_map()) object = node.find("regarding");  // events.k8s.io/v1
    static const YamlNode none;
    if (!object) object = &none;
    r.reason = node.text({"reason"});
    r.type = node.text({"type"});
    r.message = node.text({"message"});
    if (r.message.empty()) r.message = node.text({"note"});
    r.object_kind = object->text({"kind"});
    r.object_name = object->text({"name"});
    r.ns = object->text({"namespace"});
    if (r.ns.empty()) r.ns = node.text({"metadata", "namespace"});

    bool bad = false;
    auto time =
        first_time(node, {"firstTimestamp", "deprecatedFirstTimestamp", "eventTime"}, origin, ctx, bad, &r.time_raw);
    if (const YamlNode* metadata = node.find("metadata"); !time && !bad && metadata)
        time = first_time(*metadata, {"creationTimestamp"}, origin, ctx, bad, &r.time_raw);
    const YamlNode* series = node.find("series");
    auto last =
        bad ? std::nullopt : first_time(node, {"lastTimestamp", "deprecatedLastTimestamp"}, origin, ctx, bad, nullptr);
    if (!last && !bad && series) last = first_time(*series, {"lastObservedTime"}, origin, ctx, bad, nullptr);
    if (bad) return ctx.sink.drop("kubernetes: bad time");
    if (!time) return ctx.sink.drop("kubernetes: Event without a time");
    r.time = *time;
    if (const std::uint64_t count = read_count(r, origin, ctx); count > 1)
        r.repeat = Repeat{count, last.value_or(r.time)};

    r.native_id = node.text({"metadata", "uid"});
    if (r.native_id.empty()) {
        const std::string_view name = node.text({"metadata", "name"});
        r.native_id = name.empty() ? fmt::format("{}/{}@{}", r.reason, r.object_name, r.time_raw)
                                   : fmt::format("{}/{}", node.text({"metadata", "namespace"}), name);
    }
    r.native_id = changes::one_line(r.native_id);

    Event e;
    switch (classify_event(r.reason, r.type, r.message)) {
        case EventMeaning::deploy_started:
            e = change_of(r, ChangeAction::deploy_started, origin);
            break;
        case EventMeaning::rolled_back:
            e = change_of(r, ChangeAction::rolled_back, origin);
            break;
        case EventMeaning::alert:
            e = alert_event(r, origin);
            break;
        case EventMeaning::scaled_down:
            return ctx.sink.drop("kubernetes: replica set scaled down");
        case EventMeaning::routine:
            return ctx.sink.drop("kubernetes: routine Normal event");
    }
    if (r.repeat) e.repeat = *r.repeat;
    ctx.sink.add(std::move(e));
}

}  // namespace

void parse_kubernetes_events(std::string_view bytes, const Origin& origin, const IngestContext& context) {
    const std::size_t damaged = read_yaml_documents(bytes, origin, context.diags, kind, [&](const YamlDocument& doc) {
        for (const YamlNode* item : resource_items(doc.root)) read_event(*item, origin, context);
    });
    if (damaged) context.sink.drop("kubernetes: damaged YAML document", damaged);
}

}  // namespace retro::ingest::kubernetes
