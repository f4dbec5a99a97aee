// The first line of a timed timeline entry: the time in its written forms (plain, bold `**14.21 …**` or
// `**10:23**`, a link to the message `[10.41](https://…)`), the separator after it (`:`, ` - `, ` – `),
// house-style initials (`11.36 RC …`) and, for documents, a person the text opens with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "retrodoc/line_time.hpp"
#include "retrodoc/retro_document.hpp"

namespace retro::retrodoc {

// `content` is the line's text after indentation and list marker, starting at 0-based byte `col` of line
// `line`. Returns the entry with its first RetroLine, or std::nullopt when the content starts with no time.
// Zone words are never initials (`21:17 UTC: …`). With `read_names`, text opening with a handle (`[name]`,
// `[name](url)`, `@name`) names the entry's actor_name (the handle stays in the text).
// A timed entry at 0-based `column` of `line` whose time is `time` as written at `time_text`: the time's
// fields set, no text lines yet. Both entry readers (retros and notes, documents' key events) start here.
RetroEntry timed_entry(std::uint32_t line, std::uint32_t column, std::string_view time_text, const LineTime& time);

std::optional<RetroEntry> read_timed_entry_start(std::string_view content, std::uint32_t line, std::size_t col,
                                                 bool read_names);

}  // namespace retro::retrodoc
