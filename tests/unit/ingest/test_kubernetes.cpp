// Kubernetes Event lists: the reason table, repeats, damage, detection, and every real sample.
#include <catch2/catch.hpp>

#include <filesystem>

#include <fmt/format.h>

#include "alerts_test_support.hpp"
#include "ingest/kubernetes/event_reasons.hpp"
#include "ingest/kubernetes/kubernetes_events.hpp"

using namespace retro;
using namespace retro::ingest::kubernetes;

namespace {

test::AlertRun run_events(std::string_view bytes, std::string name = "events.json") {
    auto diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    IngestOptions options;
    parse_kubernetes_events(bytes, Origin{name}, {options, diags, sink});
    return test::collect(sink, diags);
}

// One core/v1 Event as kubectl writes it.
std::string event(
    std::string_view reason, std::string_view type, std::string_view message, std::string_view kind = "Pod",
    std::string_view name = "api-7c5ddbdf54-x2b9q",
    std::string_view times =
        R"("count": 1, "firstTimestamp": "2024-07-25T10:14:03Z", "lastTimestamp": "2024-07-25T10:14:03Z")") {
    return fmt::format(
        R"({{"kind": "Event", "metadata": {{"name": "e.1", "namespace": "shop", "uid": "u-{}"}}, )"
        R"("involvedObject": {{"kind": "{}", "namespace": "shop", "name": "{}"}}, "reason": "{}", "type": "{}", )"
        R"("message": "{}", {}}})",
        reason, kind, name, reason, type, message, times);
}

std::string list(const std::vector<std::string>& items) {
    std::string out = R"({"kind": "EventList", "apiVersion": "v1", "items": [)";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ",\n" : "\n") + items[i];
    return out + "]}";
}

}  // namespace

TEST_CASE("kubernetes: reasons are changes, alerts or routine", "[kubernetes]") {
    struct Row {
        std::string_view reason, type, message;
        EventMeaning meaning;
    };
    const Row rows[] = {
        {"ScalingReplicaSet", "Normal", "Scaled up replica set api-7c5ddbdf54 to 3", EventMeaning::deploy_started},
        {"ScalingReplicaSet", "Normal", "Scaled down replica set api-6b4d9c8f7 to 0", EventMeaning::scaled_down},
        {"DeploymentRollback", "Normal", "Rolled back deployment \"api\" to revision 2", EventMeaning::rolled_back},
        {"BackOff", "Normal", "Back-off pulling image \"x\"", EventMeaning::alert},
        {"BackOff", "Warning", "Back-off restarting failed container", EventMeaning::alert},
        {"Failed", "Warning", "Error: ErrImagePull", EventMeaning::alert},
        {"OOMKilling", "Warning", "Memory cgroup out of memory", EventMeaning::alert},
        {"FailedMount", "Warning", "MountVolume.SetUp failed", EventMeaning::alert},
        {"FailedScheduling", "Warning", "0/1 nodes are available", EventMeaning::alert},
        {"Unhealthy", "Warning", "Liveness probe failed", EventMeaning::alert},
        {"Killing", "Normal", "Container api failed liveness probe, will be restarted", EventMeaning::alert},
        {"Killing", "Normal", "Stopping container api", EventMeaning::routine},
        {"SomethingNew", "Warning", "whatever it is", EventMeaning::alert},
        {"Pulled", "Normal", "Successfully pulled image", EventMeaning::routine},
        {"Scheduled", "Normal", "Successfully assigned", EventMeaning::routine},
        {"SuccessfulCreate", "Normal", "Created pod: api-1", EventMeaning::routine},
    };
    for (const Row& row : rows) {
        INFO(row.reason << " " << row.type << " " << row.message);
        CHECK(classify_event(row.reason, row.type, row.message) == row.meaning);
    }
}

TEST_CASE("kubernetes: the owner workload of generated names", "[kubernetes]") {
    CHECK(owner_workload("Pod", "no-image-deployment-849c4c4958-rxqmt") == "no-image-deployment");
    CHECK(owner_workload("Pod", "crashpod-f9b59484-7828f") == "crashpod");
    CHECK(owner_workload("Pod", "oom-kill-job3-gbb89") == "oom-kill-job3");
    CHECK(owner_workload("ReplicaSet", "no-image-deployment-849c4c4958") == "no-image-deployment");
    CHECK(owner_workload("Deployment", "api") == "api");
    CHECK(owner_workload("Pod", "init-demo") == "");
    CHECK(owner_workload("Pod", "my-nginx") == "");  // vowels: not generated
    CHECK(owner_workload("Node", "minikube") == "");
    CHECK(scaled_replica_set("Scaled up replica set api-7c5ddbdf54 to 3 from 1") == "api-7c5ddbdf54");
}

TEST_CASE("kubernetes: an alert carries reason, object, severity, service and its repeat", "[kubernetes]") {
    const auto run = run_events(list(
        {event("BackOff", "Warning", "Back-off restarting failed container", "Pod", "api-7c5ddbdf54-x2b9q",
               R"("count": 111, "firstTimestamp": "2023-07-11T03:32:15Z", "lastTimestamp": "2023-07-11T03:56:47Z")")}));
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    const Event& e = run.events[0];
    CHECK(e.id == "kubernetes:u-BackOff");
    CHECK(e.kind == EventKind::alert);
    CHECK(e.source.kind == "kubernetes");
    CHECK(e.source.medium == Medium::alerting);
    CHECK(e.source.line == 2);
    CHECK(format_utc(e.time) == "2023-07-11T03:32:15.000000Z");
    CHECK(e.time_raw == "2023-07-11T03:32:15Z");
    CHECK(e.text == "BackOff Pod/api-7c5ddbdf54-x2b9q (shop): Back-off restarting failed container");
    CHECK(e.alert->key == "BackOff Pod/api-7c5ddbdf54-x2b9q (shop)");
    CHECK(e.alert->state == "firing");
    CHECK(e.alert->severity == "warning");
    CHECK(e.alert->service == "api");
    REQUIRE(e.repeat);
    CHECK(e.repeat->count == 111);
    CHECK(format_utc(e.repeat->last) == "2023-07-11T03:56:47.000000Z");
}

TEST_CASE("kubernetes: a scale-up is a deploy started, a rollback a rollback, routine is dropped", "[kubernetes]") {
    const auto run = run_events(list({
        event("ScalingReplicaSet", "Normal", "Scaled up replica set api-7c5ddbdf54 to 3", "Deployment", "api"),
        event("ScalingReplicaSet", "Normal", "Scaled down replica set api-6b4d9c8f7 to 0", "Deployment", "api"),
        event("DeploymentRollback", "Normal", "Rolled back deployment \\\"api\\\" to revision 2", "Deployment", "api"),
        event("Pulled", "Normal", "Successfully pulled image"),
    }));
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 2);
    // One second, so the stream orders them by id: the rollback's `u-DeploymentRollback` first.
    const Event& up = run.events[1];
    CHECK(up.id == "kubernetes:u-ScalingReplicaSet#deploy-started");
    CHECK(up.kind == EventKind::change);
    CHECK(up.change->system == "kubernetes");
    CHECK(up.change->repo == "shop/api");
    CHECK(up.change->ref == "7c5ddbdf54");
    CHECK(up.change->environment == "shop");
    CHECK(up.text == "started deploying api 7c5ddbdf54 to shop: Scaled up replica set api-7c5ddbdf54 to 3");
    const Event& back = run.events[0];
    CHECK(back.change->action == ChangeAction::rolled_back);
    CHECK(back.text == "rolled back api in shop to revision 2: Rolled back deployment \"api\" to revision 2");
    CHECK(run.dropped.at("kubernetes: replica set scaled down") == 1);
    CHECK(run.dropped.at("kubernetes: routine Normal event") == 1);
}

TEST_CASE("kubernetes: time falls back to eventTime, then creationTimestamp, none is dropped", "[kubernetes]") {
    const auto run = run_events(list({
        event("FailedScheduling", "Warning", "0/1 nodes", "Pod", "p",
              R"("firstTimestamp": null, "lastTimestamp": null, "eventTime": "2023-07-10T05:23:33.087153Z")"),
        R"({"kind": "Event", "metadata": {"uid": "c", "creationTimestamp": "2023-07-10T06:00:00Z"}, "reason": "Evicted", "type": "Warning", "involvedObject": {"kind": "Pod", "name": "q"}})",
        R"({"kind": "Event", "metadata": {"uid": "d"}, "reason": "Evicted", "type": "Warning"})",
        R"({"kind": "ConfigMap", "metadata": {"uid": "e"}})",
    }));
    CHECK(run.diagnostics.empty());
    CHECK(test::times(run) == std::vector<std::string>{"2023-07-10T05:23:33.087153Z", "2023-07-10T06:00:00.000000Z"});
    CHECK(run.events[1].alert->key == "Evicted Pod/q");
    CHECK(run.dropped.at("kubernetes: Event without a time") == 1);
    CHECK(run.dropped.at("kubernetes: not an Event") == 1);
}

TEST_CASE("kubernetes: events.k8s.io/v1 spellings (regarding, note, series)", "[kubernetes]") {
    const auto run = run_events(R"(apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: x.1, namespace: shop, uid: v1-x}
eventTime: "2024-07-25T10:14:03.000001Z"
reason: OOMKilling
type: Warning
note: "Memory cgroup out of memory"
regarding: {kind: Node, name: worker-1}
series: {count: 4, lastObservedTime: "2024-07-25T10:20:00.000000Z"}
)",
                                "event.yaml");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    const Event& e = run.events[0];
    CHECK(e.text == "OOMKilling Node/worker-1 (shop): Memory cgroup out of memory");
    CHECK(e.alert->service == "shop");
    CHECK(e.repeat->count == 4);
    CHECK(format_utc(e.repeat->last) == "2024-07-25T10:20:00.000000Z");
}

TEST_CASE("kubernetes: damage is reported where it is and the rest is read", "[kubernetes]") {
    const auto run = run_events(list({
        event("Unhealthy", "Warning", "probe", "Pod", "p", R"("firstTimestamp": "yesterday")"),
        event("Unhealthy", "Warning", "probe", "Pod", "p",
              R"("firstTimestamp": "2024-07-25T10:14:03Z", "count": "many")"),
    }));
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "events.json:2:240: error: `firstTimestamp` is not an ISO 8601 time: \"yesterday\" [kubernetes.bad-time]",
              "events.json:3:273: warning: `count` is not a whole number: \"many\"; read as 1 [kubernetes.bad-count]"});
    CHECK(run.events.size() == 1);
    CHECK(!run.events[0].repeat);
    CHECK(run.dropped.at("kubernetes: bad time") == 1);

    const auto broken = run_events("{\"kind\": \"EventList\", \"items\": [\n{\"a\": [}\n]}\n");
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].starts_with("events.json:2:"));
    CHECK(broken.dropped.at("kubernetes: damaged YAML document") == 1);
}

TEST_CASE("kubernetes corpus: every sample reads to its alerts and rollouts", "[kubernetes]") {
    struct Sample {
        std::string_view file;
        std::size_t alerts, changes, routine, scaled_down;
    };
    // Counted by hand from the samples (SOURCES.md): every Warning, the Normal "Back-off pulling image"
    // and probe kills are alerts; ScalingReplicaSet "Scaled up" is a deploy started.
    const Sample samples[] = {
        {"troubleshoot-message-container-creating-failed-mount.json", 31, 3, 42, 0},
        {"troubleshoot-message-image-pull-fail.json", 7, 1, 9, 0},
        {"troubleshoot-message-pod-init-crashloop-backoff.json", 6, 0, 11, 0},
        {"troubleshoot-support-bundle-events-default.json", 1, 0, 4, 0},
    };
    for (const Sample& s : samples) {
        INFO(s.file);
        const auto run =
            test::run_sources({test::corpus_path(std::string("third-party/kubernetes/") + std::string(s.file))});
        CHECK(run.diagnostics.empty());
        std::size_t alerts = 0, changes = 0;
        for (const Event& e : run.events) {
            alerts += e.kind == EventKind::alert;
            changes += e.kind == EventKind::change;
            CHECK(e.source.kind == "kubernetes");
        }
        CHECK(alerts == s.alerts);
        CHECK(changes == s.changes);
        const auto routine = run.dropped.find("kubernetes: routine Normal event");
        CHECK((routine == run.dropped.end() ? 0 : routine->second) == s.routine);
    }
}

TEST_CASE("kubernetes corpus: a FailedMount seen 324 times is one event at its first time", "[kubernetes]") {
    const auto run = test::run_sources(
        {test::corpus_path("third-party/kubernetes/troubleshoot-message-pod-init-crashloop-backoff.json")});
    const Event* mount = nullptr;
    for (const Event& e : run.events)
        if (e.repeat && e.repeat->count == 324) mount = &e;
    REQUIRE(mount);
    CHECK(format_utc(mount->time) == "2023-07-09T23:57:26.000000Z");
    CHECK(format_utc(mount->repeat->last) == "2023-07-11T03:27:03.000000Z");
    CHECK(mount->alert->key ==
          "FailedMount Pod/troubleshoot-copyfromhost-4m79m-psdjm (message-pod-init-crashloop-backoff)");
    CHECK(mount->alert->service == "troubleshoot-copyfromhost-4m79m");
    CHECK(mount->alert->severity == "warning");
    // Its sibling (490 times, from 23:53:09) holds the earliest instant of the file.
    REQUIRE(run.events.front().repeat);
    CHECK(run.events.front().repeat->count == 490);
}

TEST_CASE("kubernetes: detection claims Event lists, not alerts, Slack or Argo CD", "[kubernetes]") {
    const Ingester* row = find_ingester("kubernetes");
    REQUIRE(row);
    auto score = [&](std::string_view head) { return row->detect(Probe{"x", head, nullptr}); };
    CHECK(score(list({event("BackOff", "Warning", "x")})) == 90);
    CHECK(score(event("BackOff", "Warning", "x")) == 80);
    CHECK(
        score(
            "apiVersion: v1\nitems:\n- involvedObject: {kind: Pod}\n  kind: Event\n  reason: BackOff\nkind: List\n") ==
        80);
    CHECK(score(R"({"kind": "Event", "text": "no object"})") == 0);
    for (const char* path : {"alerts/sentry/sample_event_through_alert.json",
                             "third-party/argocd/sa-it-academy-nemkovich-jenkins-application.yaml"}) {
        INFO(path);
        CHECK(score(test::read_file(test::corpus_path(path)).substr(0, 65536)) == 0);
    }
}

TEST_CASE("kubernetes, argocd: no other sample of the corpus is claimed", "[kubernetes][argocd]") {
    // Alert payloads, Slack exports and the other change sources' samples (files as they are, ZIPs too).
    namespace fs = std::filesystem;
    const Ingester* rows[] = {find_ingester("kubernetes"), find_ingester("argocd")};
    std::size_t files = 0;
    for (const char* folder : {"alerts", "slack", "third-party"}) {
        for (const auto& entry : fs::recursive_directory_iterator(test::corpus_path(folder))) {
            if (!entry.is_regular_file()) continue;
            const std::string path = entry.path().string();
            const std::string head = test::read_file(path).substr(0, 65536);
            for (const Ingester* row : rows) {
                const bool own = path.find("/third-party/" + std::string(row->kind) + "/") != std::string::npos;
                INFO(row->kind << " " << path);
                CHECK((row->detect(Probe{path, head, nullptr}) > 0) == own);
            }
            ++files;
        }
    }
    CHECK(files > 100);
}
