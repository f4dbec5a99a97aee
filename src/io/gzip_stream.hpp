// Decompresses a gzip stream on the fly (zlib); a truncated or corrupt stream ends with damage().
#pragma once

#include <memory>

#include "retro/source.hpp"

namespace retro::io {

std::unique_ptr<ByteStream> make_gzip_stream(std::unique_ptr<ByteStream> compressed, std::string head);

}  // namespace retro::io
