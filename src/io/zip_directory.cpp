// ZIP central directory records (APPNOTE.TXT): little-endian fields at fixed offsets, read with bounds
// checked before every field, so any bytes at all give an answer or nothing.
#include "io/zip_directory.hpp"

namespace retro::io {

namespace {

constexpr std::uint32_t end_signature = 0x06054b50;
constexpr std::uint32_t zip64_end_signature = 0x06064b50;
constexpr std::uint32_t zip64_locator_signature = 0x07064b50;
constexpr std::uint32_t entry_signature = 0x02014b50;
constexpr std::uint32_t local_signature = 0x04034b50;
constexpr std::size_t end_bytes = 22, locator_bytes = 20, zip64_end_bytes = 56, entry_bytes = 46;
constexpr std::uint16_t zip64_extra = 0x0001, unicode_path_extra = 0x7075;

std::uint64_t field(std::string_view bytes, std::size_t at, int width) {
    std::uint64_t value = 0;
    for (int i = width - 1; i >= 0; --i)
        value = value << 8 | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return value;
}
std::uint16_t u16(std::string_view bytes, std::size_t at) { return static_cast<std::uint16_t>(field(bytes, at, 2)); }
std::uint32_t u32(std::string_view bytes, std::size_t at) { return static_cast<std::uint32_t>(field(bytes, at, 4)); }
std::uint64_t u64(std::string_view bytes, std::size_t at) { return field(bytes, at, 8); }

// The ZIP64 end record the locator just before the end record at `end` (an offset into `tail`) points to.
std::optional<ZipDirectoryPlace> zip64_place(std::string_view tail, std::size_t end, std::uint64_t tail_start) {
    if (end < locator_bytes) return std::nullopt;
    const std::size_t locator = end - locator_bytes;
    if (u32(tail, locator) != zip64_locator_signature || u32(tail, locator + 4) != 0 || u32(tail, locator + 16) > 1)
        return std::nullopt;
    const std::uint64_t record = u64(tail, locator + 8);
    if (record < tail_start || record - tail_start + zip64_end_bytes > locator) return std::nullopt;
    const std::size_t at = static_cast<std::size_t>(record - tail_start);
    if (u32(tail, at) != zip64_end_signature || u32(tail, at + 16) != 0 || u32(tail, at + 20) != 0) return std::nullopt;
    if (u64(tail, at + 24) != u64(tail, at + 32)) return std::nullopt;  // entries on this disk, in all
    ZipDirectoryPlace place{u64(tail, at + 48), u64(tail, at + 40), u64(tail, at + 32)};
    if (place.offset > record || place.size > record - place.offset) return std::nullopt;
    return place;
}

}  // namespace

std::optional<ZipDirectoryPlace> find_zip_directory(std::string_view tail, std::uint64_t archive_size) {
    if (tail.size() < end_bytes || tail.size() > archive_size) return std::nullopt;
    const std::uint64_t tail_start = archive_size - tail.size();
    // The end record is the last one whose comment reaches exactly the end of the archive.
    for (std::size_t end = tail.size() - end_bytes + 1; end-- > 0;) {
        if (u32(tail, end) != end_signature || end + end_bytes + u16(tail, end + 20) != tail.size()) continue;
        if (u16(tail, end + 4) != 0 || u16(tail, end + 6) != 0 || u16(tail, end + 8) != u16(tail, end + 10))
            return std::nullopt;  // several disks
        ZipDirectoryPlace place{u32(tail, end + 16), u32(tail, end + 12), u16(tail, end + 10)};
        if (place.entries == 0xFFFF || place.size == 0xFFFFFFFF || place.offset == 0xFFFFFFFF ||
            (end >= locator_bytes && u32(tail, end - locator_bytes) == zip64_locator_signature))
            return zip64_place(tail, end, tail_start);
        const std::uint64_t end_offset = tail_start + end;
        if (place.offset > end_offset || place.size > end_offset - place.offset) return std::nullopt;
        return place;
    }
    return std::nullopt;
}

std::optional<std::vector<ZipDirectoryEntry>> read_zip_directory(std::string_view bytes,
                                                                 const ZipDirectoryPlace& place) {
    if (bytes.size() != place.size || place.entries > bytes.size() / entry_bytes) return std::nullopt;
    std::vector<ZipDirectoryEntry> entries;
    entries.reserve(static_cast<std::size_t>(place.entries));
    std::size_t at = 0;
    for (std::uint64_t i = 0; i < place.entries; ++i) {
        if (bytes.size() - at < entry_bytes || u32(bytes, at) != entry_signature) return std::nullopt;
        const std::size_t name_size = u16(bytes, at + 28), extra_size = u16(bytes, at + 30),
                          comment_size = u16(bytes, at + 32);
        if (bytes.size() - at - entry_bytes < name_size + extra_size + comment_size) return std::nullopt;
        ZipDirectoryEntry e;
        e.flags = u16(bytes, at + 8);
        e.method = u16(bytes, at + 10);
        e.crc = u32(bytes, at + 16);
        e.compressed_size = u32(bytes, at + 20);
        e.size = u32(bytes, at + 24);
        std::uint32_t disk = u16(bytes, at + 34);
        e.local_header_offset = u32(bytes, at + 42);
        e.name.assign(bytes.substr(at + entry_bytes, name_size));
        for (char c : e.name)
            if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
        // Extra fields: ZIP64 sizes and offset (only those the fixed fields mark 0xFFFF…, in this order).
        std::string_view extra = bytes.substr(at + entry_bytes + name_size, extra_size);
        for (std::size_t x = 0; x + 4 <= extra.size();) {
            const std::uint16_t id = u16(extra, x), size = u16(extra, x + 2);
            if (extra.size() - x - 4 < size) return std::nullopt;
            if (id == unicode_path_extra) return std::nullopt;
            if (id == zip64_extra) {
                std::size_t v = x + 4;
                auto take = [&](std::uint64_t& value) {
                    if (v + 8 > x + 4 + size) return false;
                    value = u64(extra, v);
                    v += 8;
                    return true;
                };
                if (e.size == 0xFFFFFFFF && !take(e.size)) return std::nullopt;
                if (e.compressed_size == 0xFFFFFFFF && !take(e.compressed_size)) return std::nullopt;
                if (e.local_header_offset == 0xFFFFFFFF && !take(e.local_header_offset)) return std::nullopt;
                if (disk == 0xFFFF) {
                    if (v + 4 > x + 4 + size) return std::nullopt;
                    disk = u32(extra, v);
                }
            }
            x += 4 + size;
        }
        // A field marked 0xFFFF… that no ZIP64 field gave a value: libzip decides what the archive means.
        if (e.size == 0xFFFFFFFF || e.compressed_size == 0xFFFFFFFF || e.local_header_offset == 0xFFFFFFFF)
            return std::nullopt;
        if (disk != 0 || e.local_header_offset > place.offset ||
            place.offset - e.local_header_offset < zip_local_header_bytes)
            return std::nullopt;
        entries.push_back(std::move(e));
        at += entry_bytes + name_size + extra_size + comment_size;
    }
    if (at != bytes.size()) return std::nullopt;
    return entries;
}

std::optional<std::uint64_t> zip_data_offset(std::string_view local_header, std::uint64_t header_offset) {
    if (local_header.size() < zip_local_header_bytes || u32(local_header, 0) != local_signature) return std::nullopt;
    return header_offset + zip_local_header_bytes + u16(local_header, 26) + u16(local_header, 28);
}

}  // namespace retro::io
