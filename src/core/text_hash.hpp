// The hash of short texts (ids, file names, channels, people) for the tables and caches that place them by
// it and are never walked into output: FlatIdSet (the id rule) and RecentTexts (shared copies). XXH3 from
// libxxhash-dev, several times faster than std::hash on texts of 10 to 60 bytes; std::hash's _Hash_bytes
// was 3% of `retro timeline`'s samples. Containers whose order can reach output (StringHash) keep std::hash.
#pragma once

#include <cstdint>
#include <string_view>

namespace retro {

std::uint64_t text_hash(std::string_view text);

}  // namespace retro
