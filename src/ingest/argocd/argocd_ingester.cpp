// The `argocd` row: Argo CD Application resources, YAML or JSON.
#include "ingest/argocd/argocd_application.hpp"
#include "ingest/kubernetes/whole_input.hpp"
#include "ingest/kubernetes/yaml_tree.hpp"
#include "ingest/registry_rows.hpp"

namespace retro::ingest {
namespace {

// An Application (or a List of them) names its API group and kind at the top of each item. An Event list
// about Applications (Argo CD reports syncs as Events too) holds both words and is the `kubernetes` row's.
int detect_argocd(const Probe& probe) {
    if (probe.tree) return 0;
    const std::string_view head = probe.head;
    using kubernetes::head_has_member;
    if (head_has_member(head, "kind", "EventList") || head_has_member(head, "kind", "Event")) return 0;
    if (head_has_member(head, "apiVersion", "argoproj.io/v1alpha1") && head_has_member(head, "kind", "Application"))
        return 90;
    return 0;
}

}  // namespace

const Ingester argocd_ingester{"argocd", detect_argocd, kubernetes::ingest_whole<argocd::parse_argocd_applications>};

}  // namespace retro::ingest
