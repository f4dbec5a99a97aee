// What a Kubernetes Event's `reason` (with its `type` and message) means to a retro: a step of a rollout
// (a change), trouble (an alert) or routine (dropped). The table is docs/sources/kubernetes.md's.
#pragma once

#include <string>
#include <string_view>

namespace retro::ingest::kubernetes {

enum class EventMeaning {
    deploy_started,  // ScalingReplicaSet "Scaled up replica set …": a rollout (or a scale-up) began
    rolled_back,     // DeploymentRollback
    alert,           // every Warning; Normal reasons that name trouble (BackOff pulling, probe kills…)
    routine,         // Normal housekeeping: Scheduled, Pulling, Pulled, Created, Started, SuccessfulCreate…
    scaled_down      // ScalingReplicaSet "Scaled down …": the old half of a rollout, or a scale-in
};

EventMeaning classify_event(std::string_view reason, std::string_view type, std::string_view message);

// The workload a generated name belongs to: `api-7c5ddbdf54-x2b9q` (Pod) and `api-7c5ddbdf54` (ReplicaSet)
// → `api`; `job-gbb89` (Pod) → `job`; a Deployment, StatefulSet, DaemonSet, Job or CronJob → its name.
// Empty when the name shows no owner (a bare Pod, a Node).
std::string owner_workload(std::string_view kind, std::string_view name);

// The replica set a ScalingReplicaSet message names (`Scaled up replica set api-7c5ddbdf54 to 3`), or "".
std::string_view scaled_replica_set(std::string_view message);

}  // namespace retro::ingest::kubernetes
