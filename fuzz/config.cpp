// Fuzz target: retro.toml parsing never throws or crashes, whatever the bytes.
#include <cstdint>
#include <string>

#include "core/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags([](const std::string&) {});
    (void)retro::parse_config(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml", diags);
    return 0;
}
