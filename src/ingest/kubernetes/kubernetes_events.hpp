// Kubernetes Events (`kubectl get events -o json|yaml`, a troubleshoot support bundle's
// cluster-resources/events/<namespace>.json) read into alerts and changes.
#pragma once

#include <string_view>

#include "retro/ingest.hpp"

namespace retro::ingest::kubernetes {

// Reads every Event of `bytes` (an EventList or List, a sequence of Events or one Event; core/v1 or
// events.k8s.io/v1 fields; several YAML documents) into `context.sink`: rollout steps as changes, trouble
// as alerts, routine Normal events dropped with a reason. Damage is a `kubernetes.*` diagnostic at
// file:line:col and the rest is read.
void parse_kubernetes_events(std::string_view bytes, const Origin& origin, const IngestContext& context);

}  // namespace retro::ingest::kubernetes
