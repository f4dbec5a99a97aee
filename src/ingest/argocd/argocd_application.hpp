// Argo CD Applications (`kubectl get application -o yaml|json`, a List of them, several YAML documents)
// read into deploys.
#pragma once

#include <string_view>

#include "retro/ingest.hpp"

namespace retro::ingest::argocd {

// Reads every Application of `bytes` into `context.sink`: one `deployed` change per `status.history`
// entry, and the current `status.operationState` when it failed (`deploy-failed`) or is running
// (`deploy-started`). Damage is an `argocd.*` diagnostic at file:line:col and the rest is read.
void parse_argocd_applications(std::string_view bytes, const Origin& origin, const IngestContext& context);

}  // namespace retro::ingest::argocd
