// Detection's look at a JSON input: the first whole record of the head, parsed quietly.
#pragma once

#include <optional>

#include "core/json_dom.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest {

// The first JSON record of `probe.head` parsed by `parser` (valid until its next parse), or nullopt when the
// head holds no whole record (one large array cut off by the head size) or is not JSON. Never reports.
std::optional<json::Element> first_head_record(const Probe& probe, json::DomParser& parser);

}  // namespace retro::ingest
