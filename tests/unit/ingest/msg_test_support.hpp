// Making Outlook .msg files for the tests: libgsf's OLE2 writer (the same library the reader uses, so no
// compound-document layout is written by hand here either) fills a root storage with the streams given.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-output.h>
#include <gsf/gsf-utils.h>

namespace retro::test {

struct OleStream {
    std::string name;  // `__substg1.0_0037001F`
    std::string bytes;
};

// An OLE2 compound document whose root storage holds `streams`, as bytes.
inline std::string make_compound_file(const std::vector<OleStream>& streams) {
    gsf_init();
    GsfOutput* sink = gsf_output_memory_new();
    GsfOutfile* ole = gsf_outfile_msole_new(sink);
    for (const OleStream& stream : streams) {
        GsfOutput* child = gsf_outfile_new_child(ole, stream.name.c_str(), FALSE);
        gsf_output_write(child, stream.bytes.size(), reinterpret_cast<const guint8*>(stream.bytes.data()));
        gsf_output_close(child);
        g_object_unref(child);
    }
    gsf_output_close(GSF_OUTPUT(ole));
    g_object_unref(ole);
    const auto* data = reinterpret_cast<const char*>(gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(sink)));
    std::string out(data, static_cast<std::size_t>(gsf_output_size(sink)));
    g_object_unref(sink);
    return out;
}

// UTF-8 (the Basic Multilingual Plane is enough for the tests) as UTF-16LE, the 001F string form.
inline std::string utf16le(std::string_view utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(utf8[at]); };
        char32_t cp = byte(i);
        if ((cp & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
            cp = ((cp & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
            i += 1;
        } else if ((cp & 0xF0) == 0xE0 && i + 2 < utf8.size()) {
            cp = ((cp & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
            i += 2;
        }
        out.push_back(static_cast<char>(cp & 0xFF));
        out.push_back(static_cast<char>(cp >> 8));
    }
    return out;
}

// A `__substg1.0_` stream of a Unicode string property.
inline OleStream unicode_property(std::uint16_t id, std::string_view utf8) {
    char name[32];
    std::snprintf(name, sizeof name, "__substg1.0_%04X001F", id);
    return {name, utf16le(utf8)};
}

inline OleStream string8_property(std::uint16_t id, std::string bytes) {
    char name[32];
    std::snprintf(name, sizeof name, "__substg1.0_%04X001E", id);
    return {name, std::move(bytes)};
}

// One fixed-size entry of `__properties_version1.0`: {tag, flags, 8 value bytes}.
struct FixedProperty {
    std::uint16_t id;
    std::uint16_t type;
    std::uint64_t value;
};

// The root storage's property stream: a 32-byte header, then one 16-byte entry per property.
inline OleStream properties_stream(const std::vector<FixedProperty>& properties) {
    std::string out(32, '\0');
    auto put = [&](std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    };
    for (const FixedProperty& p : properties) {
        put((std::uint32_t{p.id} << 16) | p.type, 4);
        put(0x6, 4);  // PROPATTR_READABLE | PROPATTR_WRITABLE
        put(p.value, 8);
    }
    return {"__properties_version1.0", out};
}

// Unix seconds as a FILETIME: 100 ns ticks since 1601-01-01 (11644473600 s before 1970).
inline constexpr std::uint64_t filetime_of(std::int64_t unix_seconds) {
    return static_cast<std::uint64_t>(unix_seconds + 11644473600LL) * 10000000ULL;
}

}  // namespace retro::test
