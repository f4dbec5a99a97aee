// eventDetail → what happened (system_event.hpp). One row per kind of event Graph documents
// (learn.microsoft.com/graph/api/resources/eventmessagedetail); a kind not listed is `other` with no text.
#include "ingest/teams/system_event.hpp"

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/teams/graph_fields.hpp"

namespace retro::ingest::teams {
namespace {

struct EventKindRow {
    std::string_view name;   // the detail's kind, `membersAdded` for membersAddedEventMessageDetail
    SystemMessage kind;
    std::string_view field;  // the member the text names ("" none); `members` is a list of people
    std::string_view with;   // the text, `{}` for that member's value
    std::string_view without;  // the text when the member is empty
};

constexpr EventKindRow rows[] = {
    {"membersAdded", SystemMessage::membership, "members", "added {}", "added members"},
    {"membersDeleted", SystemMessage::membership, "members", "removed {}", "removed members"},
    {"membersJoined", SystemMessage::membership, "members", "{} joined", "members joined"},
    {"membersLeft", SystemMessage::membership, "members", "{} left", "members left"},
    {"conversationMemberRoleUpdated", SystemMessage::membership, "", "", "changed a member's role"},
    {"teamDescriptionUpdated", SystemMessage::topic, "teamDescription", "changed the team description to: {}",
     "changed the team description"},
    {"channelDescriptionUpdated", SystemMessage::topic, "channelDescription",
     "changed the channel description to: {}", "changed the channel description"},
    {"teamRenamed", SystemMessage::topic, "teamDisplayName", "renamed the team to {}", "renamed the team"},
    {"channelRenamed", SystemMessage::topic, "channelDisplayName", "renamed the channel to {}",
     "renamed the channel"},
    {"chatRenamed", SystemMessage::topic, "chatDisplayName", "renamed the chat to {}", "renamed the chat"},
    {"channelAdded", SystemMessage::other, "channelDisplayName", "added the channel {}", "added a channel"},
    {"channelDeleted", SystemMessage::other, "channelDisplayName", "deleted the channel {}", "deleted a channel"},
    {"teamCreated", SystemMessage::other, "teamDisplayName", "created the team {}", "created the team"},
    {"teamArchived", SystemMessage::other, "", "", "archived the team"},
    {"teamUnarchived", SystemMessage::other, "", "", "unarchived the team"},
    {"messagePinned", SystemMessage::other, "", "", "pinned a message"},
    {"messageUnpinned", SystemMessage::other, "", "", "unpinned a message"},
    {"callStarted", SystemMessage::other, "", "", "started a call"},
    {"callEnded", SystemMessage::other, "callDuration", "ended the call ({})", "ended the call"},
    {"callRecording", SystemMessage::other, "callRecordingDisplayName", "recorded the call: {}",
     "recorded the call"},
    {"callTranscript", SystemMessage::other, "", "", "transcribed the call"},
    {"teamsAppInstalled", SystemMessage::other, "teamsAppDisplayName", "installed the app {}", "installed an app"},
    {"teamsAppRemoved", SystemMessage::other, "teamsAppDisplayName", "removed the app {}", "removed an app"},
    {"teamsAppUpgraded", SystemMessage::other, "teamsAppDisplayName", "upgraded the app {}", "upgraded an app"},
    {"tabUpdated", SystemMessage::other, "", "", "updated a tab"},
    {"teamJoiningEnabled", SystemMessage::other, "", "", "let people join the team"},
    {"teamJoiningDisabled", SystemMessage::other, "", "", "stopped people joining the team"},
    {"channelSetAsFavoriteByDefault", SystemMessage::other, "", "", "made the channel a favourite by default"},
    {"channelUnsetAsFavoriteByDefault", SystemMessage::other, "", "", "stopped the channel being a favourite by default"},
    {"meetingPolicyUpdated", SystemMessage::other, "", "", "changed the meeting policy"},
};

const EventKindRow* find_row(std::string_view name) {
    for (const EventKindRow& row : rows)
        if (iequals_ascii(row.name, name)) return &row;
    return nullptr;
}

// `#microsoft.graph.membersAddedEventMessageDetail` → `membersAdded`.
std::string_view kind_of_odata_type(std::string_view type) {
    constexpr std::string_view prefix = "#microsoft.graph.", suffix = "EventMessageDetail";
    if (starts_with_icase(type, prefix)) type.remove_prefix(prefix.size());
    if (type.size() > suffix.size() && iequals_ascii(type.substr(type.size() - suffix.size()), suffix))
        type.remove_suffix(suffix.size());
    return type;
}

// "Jane Smith, Bob Lee": each member's displayName, else the name the input gives its id elsewhere, else
// the id.
std::string member_names(json::Element detail, const NameBook& names) {
    std::string out;
    auto members = array_field(detail, "members");
    if (!members) return out;
    for (json::Element m : *members) {
        std::string name(trim(string_field(m, "displayName")));
        if (name.empty()) {
            const std::string id = scalar_field(m, "id");
            const auto known = names.find(id);
            name = known != names.end() ? known->second : id;
        }
        if (name.empty()) continue;
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

// The kind and the object holding its fields: Graph's detail itself, or the export's one non-null member.
struct DetailKind {
    std::string_view name;
    json::Element fields;
};

std::optional<DetailKind> detail_kind(json::Element detail) {
    if (std::string_view type = string_field(detail, "@odata.type"); !type.empty())
        return DetailKind{kind_of_odata_type(type), detail};
    if (std::string_view type = string_field(detail, "eventType"); !type.empty())
        return DetailKind{kind_of_odata_type(type), detail};
    json::Object object;
    if (detail.get(object)) return std::nullopt;
    for (auto member : object)
        if (member.value.is_object() && find_row(member.key)) return DetailKind{member.key, member.value};
    return std::nullopt;
}

}  // namespace

SystemEvent read_system_event(std::optional<json::Element> detail, const NameBook& names) {
    SystemEvent event;
    if (!detail || !detail->is_object()) return event;
    event.initiator = object_field(*detail, "initiator");
    const auto kind = detail_kind(*detail);
    if (!kind) return event;
    if (!event.initiator) event.initiator = object_field(kind->fields, "initiator");
    const EventKindRow* row = find_row(kind->name);
    if (!row) return event;
    event.kind = row->kind;
    std::string value;
    if (row->field == "members") {
        value = member_names(kind->fields, names);
    } else if (!row->field.empty()) {
        value = std::string(trim(scalar_field(kind->fields, row->field)));
    }
    event.text = value.empty() ? std::string(row->without) : fmt::format(fmt::runtime(row->with), value);
    return event;
}

bool is_system_message(json::Element message) {
    const std::string_view type = string_field(message, "messageType");
    if (iequals_ascii(type, "systemEventMessage") || iequals_ascii(type, "unknownFutureValue") ||
        iequals_ascii(type, "chatEvent"))
        return true;
    if (object_field(message, "eventDetail")) return true;
    return iequals_ascii(trim(string_at(message, ".body.content")), "<systemEventMessage/>");
}

}  // namespace retro::ingest::teams
