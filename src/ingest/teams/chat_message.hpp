// One Microsoft Graph chatMessage (learn.microsoft.com/graph/api/resources/chatmessage), and the replies
// nested in it by `$expand=replies`, to retro events (docs/sources/teams.md).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/json_dom.hpp"
#include "ingest/teams/system_event.hpp"
#include "retro/diagnostic.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::teams {

// What every message of one JSON document shares, learned in a first pass over all of them.
struct MessageBook {
    NameBook names;                                   // person and app ids → display names
    std::map<std::string, std::string, std::less<>> channel_names;  // channel ids → names (channelAdded…)
    std::string fallback_channel;                     // from the file's name, for messages naming none
};

// Adds what `message` (and its nested replies) tells about people and channels to `book`.
void learn_message(json::Element message, MessageBook& book);

// Where a message is: its JSON text (for positions) and where that text starts.
struct MessageSite {
    std::string_view text;
    Origin origin;
};

// Reads `message` and its nested `replies` into `sink`: one chat event each. A deleted message is dropped
// (`teams: deleted message`); one without createdDateTime is a `teams.no-time` warning and dropped; an
// unreadable time a `teams.bad-time` error. `parent` is the id of the message a nested reply answers.
void read_message(json::Element message, const MessageSite& site, std::string_view parent, const MessageBook& book,
                  const IngestOptions& options, Diagnostics& diags, EventSink& sink);

}  // namespace retro::ingest::teams
