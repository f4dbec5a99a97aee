// The `change` part of an event as JSON, written by the event writer and the timeline JSON alike.
#pragma once

#include "core/json_writer.hpp"
#include "retro/event.hpp"

namespace retro {

// `"change":{system, repo, ref, number, action, environment, commit, url}`, absent fields omitted.
void write_change_part(json::Writer& w, const ChangeInfo& c);

}  // namespace retro
