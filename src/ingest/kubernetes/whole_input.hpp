// A registry row's `ingest` for formats parsed as one document (Kubernetes resources: YAML has no record
// framing to stream by): the input is read whole, up to `max_file_bytes`, then parsed.
#pragma once

#include <string>
#include <string_view>

#include "io/byte_streams.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::kubernetes {

// Past the limit, or on a truncated stream, io::read_all has reported it and nothing is parsed.
template <void (*Parse)(std::string_view bytes, const Origin& origin, const IngestContext& context)>
void ingest_whole(Input& input, const IngestContext& context) {
    std::string bytes;
    if (!io::read_all(input, bytes, context.options.limits.max_file_bytes, context.diags)) return;
    Parse(bytes, Origin{input.name}, context);
}

}  // namespace retro::ingest::kubernetes
