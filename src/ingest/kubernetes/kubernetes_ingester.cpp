// The `kubernetes` row: Event lists as kubectl or a troubleshoot support bundle writes them, JSON or YAML.
#include "ingest/kubernetes/kubernetes_events.hpp"
#include "ingest/kubernetes/whole_input.hpp"
#include "ingest/kubernetes/yaml_tree.hpp"
#include "ingest/registry_rows.hpp"

namespace retro::ingest {
namespace {

// An EventList is sure; a `List`, a sequence or one Event needs an Event's `involvedObject` (core/v1) or
// `regarding` (events.k8s.io/v1) too, so a resource that merely mentions an Event is not claimed.
int detect_kubernetes(const Probe& probe) {
    if (probe.tree) return 0;
    const std::string_view head = probe.head;
    if (kubernetes::head_has_member(head, "kind", "EventList")) return 90;
    const bool has_object =
        head.find("involvedObject") != std::string_view::npos || head.find("regarding") != std::string_view::npos;
    if (kubernetes::head_has_member(head, "kind", "Event") && has_object &&
        head.find("reason") != std::string_view::npos)
        return 80;
    return 0;
}

}  // namespace

const Ingester kubernetes_ingester{"kubernetes", detect_kubernetes,
                                   kubernetes::ingest_whole<kubernetes::parse_kubernetes_events>};

}  // namespace retro::ingest
