// Teams' own messages (`messageType` `systemEventMessage`, `unknownFutureValue` or `chatEvent`, body
// `<systemEventMessage/>`, `from: null`): what `eventDetail` says happened, as Graph writes it
// (`"@odata.type": "#microsoft.graph.membersAddedEventMessageDetail"`) or as the Teams data export does (one
// member per kind of event, `"MembersAdded": {…}`, the others null).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_dom.hpp"
#include "retro/event.hpp"

namespace retro::ingest::teams {

// Person and application ids to display names, from every message of an input (system events name
// people by id only).
using NameBook = std::map<std::string, std::string, std::less<>>;

struct SystemEvent {
    SystemMessage kind = SystemMessage::other;
    std::string text;                      // "added Jane Smith"; "" when eventDetail does not say
    std::optional<json::Element> initiator;  // the identity set of who did it (`user`, `application`)
};

// What `detail` (the message's eventDetail, when it has one) says: membership for members added, removed,
// joined or left; topic for a team or channel renamed or its description changed; other for everything else
// and for a detail that names no kind.
SystemEvent read_system_event(std::optional<json::Element> detail, const NameBook& names);

// True when the message is one of Teams' own: by its messageType, its eventDetail or its body.
bool is_system_message(json::Element message);

}  // namespace retro::ingest::teams
