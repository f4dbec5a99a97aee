// The central directory of a ZIP archive, read from its bytes (PKWARE APPNOTE.TXT 4.3.12, 4.3.14–4.3.16 and
// 4.5.3 for ZIP64), for archives as plain as exports are: one disk, names in ASCII, no Info-ZIP Unicode
// path fields. Anything else is left to libzip, whose reading is the reference: a caller that gets nothing
// here opens the archive with libzip as before, so names, sizes and diagnostics stay libzip's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retro::io {

struct ZipDirectoryEntry {
    std::string name;
    std::uint64_t compressed_size = 0, size = 0;
    std::uint64_t local_header_offset = 0;
    std::uint32_t crc = 0;
    std::uint16_t method = 0;  // 0 stored, 8 deflated
    std::uint16_t flags = 0;   // bit 0: encrypted
};

// Where the directory lies and how many entries it says it has.
struct ZipDirectoryPlace {
    std::uint64_t offset = 0, size = 0, entries = 0;
};

// How many of an archive's last bytes find_zip_directory needs at most: the end record, its longest
// comment, and the ZIP64 end record and locator before it.
inline constexpr std::size_t zip_tail_bytes = 22 + 65535 + 20 + 56;

// The directory's place, from `tail`: the archive's last bytes (up to zip_tail_bytes) of an archive of
// `archive_size` bytes. Nothing when there is no end record whose comment reaches exactly the end, the
// archive spans disks, or the ZIP64 records it points to are not where they should be.
std::optional<ZipDirectoryPlace> find_zip_directory(std::string_view tail, std::uint64_t archive_size);

// The entries of the directory `bytes` (exactly place.size bytes read at place.offset), in directory order.
// Nothing when the bytes do not hold exactly place.entries well-formed entries, an entry's name is not
// ASCII or holds a NUL (libzip would re-encode or cut it), carries an Info-ZIP Unicode path, starts on
// another disk, or has a local header that would not lie before the directory.
std::optional<std::vector<ZipDirectoryEntry>> read_zip_directory(std::string_view bytes,
                                                                 const ZipDirectoryPlace& place);

// The offset of an entry's data, from the first 30 bytes of its local header found at `header_offset`;
// nothing when those bytes are not a local header.
std::optional<std::uint64_t> zip_data_offset(std::string_view local_header, std::uint64_t header_offset);

inline constexpr std::size_t zip_local_header_bytes = 30;

}  // namespace retro::io
