// Reading Microsoft Graph JSON whatever the case of its member names: Graph itself writes `createdDateTime`,
// the Teams data export writes `CreatedDateTime` (docs/sources/teams.md). Every accessor here finds a member
// by its name in any ASCII case; a null member is absent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/json_dom.hpp"

namespace retro::ingest::teams {

// The member `key` of `e` in any case (the exact spelling first), when `e` is an object and the member is
// not null.
std::optional<json::Element> field(json::Element e, std::string_view key);
// The member at `.a.b.c` (dot-separated names, any case).
std::optional<json::Element> field_at(json::Element e, std::string_view path);

// A string member, else "" (absent, null or not a string).
std::string_view string_field(json::Element e, std::string_view key);
std::string_view string_at(json::Element e, std::string_view path);
// A string or number member as text (Graph's mention ids are numbers, message ids strings), else "".
std::string scalar_field(json::Element e, std::string_view key);
// An array member, when it is one.
std::optional<json::Array> array_field(json::Element e, std::string_view key);
// An object member, when it is one.
std::optional<json::Element> object_field(json::Element e, std::string_view key);

// True when `e` is an object with a member `key` in any case, null or not (`"replyToId": null` still says
// the object is a chat message).
bool has_key(json::Element e, std::string_view key);
// The member name as the object writes it (`CreatedDateTime` for `createdDateTime`), else `key`.
std::string_view written_key(json::Element e, std::string_view key);

}  // namespace retro::ingest::teams
