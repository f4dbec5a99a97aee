// Whole-buffer zlib: compress2() for deflating, a z_stream for inflating so the output can be capped (a few
// hundred bytes of deflate data can inflate to megabytes).
#include "io/zlib_bytes.hpp"

#include <algorithm>
#include <cstring>
#include <new>

#include <zlib.h>

namespace retro::io {

std::string deflate_bytes(std::string_view bytes) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                  static_cast<uLong>(bytes.size()), 9) != Z_OK) {
        throw std::bad_alloc();  // compress2 fails only without memory: the buffer is compressBound's size
    }
    out.resize(size);
    return out;
}

std::optional<std::string> inflate_bytes(std::string_view data, std::size_t max_bytes) {
    z_stream z;
    std::memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) return std::nullopt;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), 1u << 30));
    std::string out;
    int rc = Z_OK;
    while (rc == Z_OK) {
        const std::size_t chunk = std::min<std::size_t>(max_bytes - out.size(), (1 << 16) - 1) + 1;
        const std::size_t used = out.size();
        out.resize(used + chunk);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
        z.avail_out = static_cast<uInt>(chunk);
        rc = inflate(&z, Z_NO_FLUSH);
        out.resize(used + chunk - z.avail_out);
        if (out.size() > max_bytes) rc = Z_BUF_ERROR;
        if (rc == Z_BUF_ERROR && z.avail_out > 0) break;  // no progress: the input ended early
    }
    const bool whole = rc == Z_STREAM_END && z.total_in == data.size();
    inflateEnd(&z);
    if (!whole) return std::nullopt;
    return out;
}

}  // namespace retro::io
