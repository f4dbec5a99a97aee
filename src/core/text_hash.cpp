// text_hash: XXH3 inlined here (XXH_INLINE_ALL), in this one definition, so that no header carries
// xxHash's static functions into other translation units.
#include "core/text_hash.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace retro {

std::uint64_t text_hash(std::string_view text) {
    return XXH3_64bits(text.data(), text.size());
}

}  // namespace retro
