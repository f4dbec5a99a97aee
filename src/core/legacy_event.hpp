// What a `retro.event/1` stream written before `source.medium` and `flags.system` existed can tell of them;
// the events reader fills both in from it, so old streams correlate and render as they always did.
#pragma once

#include <string_view>

#include "retro/event.hpp"

namespace retro {

// The medium of the source kinds such streams carry; a kind they never carried, by its event kind.
Medium legacy_medium(std::string_view source_kind, EventKind kind);

// A chat message that is the platform's own system text, told by that text as Slack wrote it ("@Ann has
// joined the channel", "@Ann set the channel topic: …"), the only marker an old stream kept; none otherwise.
SystemMessage legacy_system_message(const Event& e);

}  // namespace retro
