// Fuzz target: bytes → a ZIP archive held in memory (as from stdin): its own central directory reading
// (io/zip_directory.hpp), and libzip and libarchive behind it when that gives up; every listed entry read
// under a small limit. Nothing may crash, and an entry read is never larger than the limit.
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "io/zip_directory.hpp"
#include "io/zip_tree.hpp"
#include "retro/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = retro::fuzz::as_text(data, size);
    if (auto place = retro::io::find_zip_directory(bytes, bytes.size());
        place && place->offset <= bytes.size() && place->size <= bytes.size() - place->offset)
        retro::io::read_zip_directory(bytes.substr(place->offset, place->size), *place);
    retro::io::zip_data_offset(bytes, 0);
    try {
        auto tree = retro::io::open_zip_tree_in_memory(std::string(bytes), "fuzz.zip");
        retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
        constexpr std::uint64_t limit = 1 << 20;
        for (const retro::TreeEntry& entry : tree->entries()) {
            std::string out;
            if (tree->read(entry, out, limit, diags) && out.size() > limit) __builtin_trap();
        }
    } catch (const retro::Error&) {
        // not a ZIP even to the streaming reader: refused with a message, as a user sees it
    }
    return 0;
}
