// Whole buffers through zlib (RFC 1950: deflate with a header and an Adler-32 check), for small records kept
// inside text files (the base of each machine region of a draft).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace retro::io {

// `bytes` deflated at level 9. The same bytes give the same output with one zlib build.
std::string deflate_bytes(std::string_view bytes);

// The bytes of one whole zlib stream; nullopt when `data` is damaged, truncated, followed by more bytes, or
// would inflate past `max_bytes`.
std::optional<std::string> inflate_bytes(std::string_view data, std::size_t max_bytes);

}  // namespace retro::io
