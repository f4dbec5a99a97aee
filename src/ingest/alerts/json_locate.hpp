// Byte positions inside a JSON text, found by a small scanner (strings, nesting, escapes), for diagnostics:
// simdjson's DOM keeps no positions, so the error path finds them again from the bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace retro::ingest::alerts {

// The offset just past the JSON value starting at `pos` (after any whitespace); `text.size()` when it
// does not end.
std::size_t skip_json_value(std::string_view text, std::size_t pos);

// The offset of the value at `path` (`.Records[0].Sns.Message`; `""` is the root value) in `text`. When a
// step is missing, the offset of the deepest value found; `key_offset` receives the offset of the last
// member's `"key"` when the last step is a member that exists (else the value offset).
std::size_t locate_json_path(std::string_view text, std::string_view path, std::size_t* key_offset = nullptr);

}  // namespace retro::ingest::alerts
