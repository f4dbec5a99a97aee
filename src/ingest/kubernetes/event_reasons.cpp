// Reasons are the kubelet's, the scheduler's and the controllers' constants (k8s.io/kubernetes
// pkg/kubelet/events/event.go, pkg/controller/…); the traps seen in real lists are in
// docs/sources/kubernetes.md (the kubelet's "Back-off pulling image" is type Normal).
#include "ingest/kubernetes/event_reasons.hpp"

#include <algorithm>
#include <array>

namespace retro::ingest::kubernetes {
namespace {

// Normal events that still name trouble.
constexpr std::array<std::string_view, 9> normal_trouble = {
    "BackOff",     // "Back-off pulling image" is Normal, "Back-off restarting failed container" Warning
    "OOMKilling",  // the node problem detector's kernel OOM kill
    "Unhealthy",  "Evicted", "NodeNotReady", "Preempted", "ErrImagePull", "ImagePullBackOff", "ContainerGCFailed",
};

// Kinds whose events name the workload itself.
constexpr std::array<std::string_view, 5> workload_kinds = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"};

// apimachinery's rand.String alphabet (no vowels, no look-alike digits): generated name suffixes and
// pod-template hashes use only these.
bool is_generated(std::string_view s, std::size_t min, std::size_t max) {
    return s.size() >= min && s.size() <= max &&
           s.find_first_not_of("bcdfghjklmnpqrstvwxz2456789") == std::string_view::npos;
}

// `name` without a last `-suffix` of min..max generated characters, or "" when it has none.
std::string_view strip_generated(std::string_view name, std::size_t min, std::size_t max) {
    const std::size_t dash = name.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || !is_generated(name.substr(dash + 1), min, max)) return {};
    return name.substr(0, dash);
}

}  // namespace

EventMeaning classify_event(std::string_view reason, std::string_view type, std::string_view message) {
    if (reason == "ScalingReplicaSet")
        return message.starts_with("Scaled down") ? EventMeaning::scaled_down : EventMeaning::deploy_started;
    if (reason == "DeploymentRollback") return EventMeaning::rolled_back;
    if (type == "Warning") return EventMeaning::alert;
    if (reason.starts_with("Failed") ||
        std::find(normal_trouble.begin(), normal_trouble.end(), reason) != normal_trouble.end())
        return EventMeaning::alert;
    // "Container api failed liveness probe, will be restarted"; a plain "Stopping container" is routine.
    if (reason == "Killing" && message.find("failed") != std::string_view::npos) return EventMeaning::alert;
    return EventMeaning::routine;
}

std::string owner_workload(std::string_view kind, std::string_view name) {
    if (std::find(workload_kinds.begin(), workload_kinds.end(), kind) != workload_kinds.end()) return std::string(name);
    // A pod-template hash is a uint32 in that alphabet: up to 10 characters (6 or more in practice).
    if (kind == "ReplicaSet") return std::string(strip_generated(name, 6, 10));
    if (kind != "Pod") return {};
    const std::string_view pod_owner = strip_generated(name, 5, 5);  // `<ReplicaSet or Job>-x2b9q`
    if (pod_owner.empty()) return {};
    const std::string_view deployment = strip_generated(pod_owner, 6, 10);
    return std::string(deployment.empty() ? pod_owner : deployment);
}

std::string_view scaled_replica_set(std::string_view message) {
    constexpr std::string_view marker = "replica set ";
    const std::size_t at = message.find(marker);
    if (at == std::string_view::npos) return {};
    std::string_view name = message.substr(at + marker.size());
    return name.substr(0, name.find(' '));
}

}  // namespace retro::ingest::kubernetes
