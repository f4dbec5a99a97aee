// The libgsf adapter for Outlook .msg files ([MS-OXMSG] 2.1–2.4): opens the OLE2 compound document from
// memory (gsf_input_memory_new, so fuzzers and tests hand it bytes), lists the root storage's
// `__substg1.0_XXXXYYYY` streams (property id XXXX, type YYYY) and the fixed-size entries of
// `__properties_version1.0`. The OLE structure itself (sectors, FAT, directory) is libgsf's job; nothing
// here reads it by hand. Recipient, attachment and named-property storages are not read.
#include "ingest/email/msg_compound.hpp"

#include <charconv>
#include <memory>
#include <mutex>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>

namespace retro::ingest::email {
namespace {

// gsf_init() once per process (GObject's type system initialises itself since GLib 2.36), and libgsf's
// complaints about damaged files kept off stderr: the caller reports what failed, once, as a diagnostic.
// libgsf logs them under `libgsf:msole`, `libgsf` and, from gsf-infile.c, no domain at all (retro logs
// nothing through GLib; GMime logs under its own domain).
void ensure_gsf() {
    static std::once_flag once;
    std::call_once(once, [] {
        gsf_init();
        const auto levels = static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING |
                                                        G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG);
        for (const char* domain : {"libgsf:msole", "libgsf", static_cast<const char*>(nullptr)})
            g_log_set_handler(domain, levels, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    });
}

struct GObjectUnref {
    void operator()(void* object) const {
        if (object) g_object_unref(object);
    }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct ErrorFree {
    void operator()(GError* error) const {
        if (error) g_error_free(error);
    }
};

// `__substg1.0_0037001F` → id 0x0037, type 0x001F.
bool parse_stream_name(std::string_view name, std::uint16_t& id, std::uint16_t& type) {
    constexpr std::string_view prefix = "__substg1.0_";
    if (!name.starts_with(prefix) || name.size() != prefix.size() + 8) return false;
    const char* digits = name.data() + prefix.size();
    auto read_hex = [](const char* first, std::uint16_t& out) {
        auto [end, ec] = std::from_chars(first, first + 4, out, 16);
        return ec == std::errc() && end == first + 4;
    };
    return read_hex(digits, id) && read_hex(digits + 4, type);
}

// The whole of `input`, when it is no larger than `limit` bytes and libgsf can read it.
bool read_stream(GsfInput* input, std::size_t limit, std::string& out) {
    const gsf_off_t size = gsf_input_size(input);
    if (size < 0 || static_cast<std::uint64_t>(size) > limit) return false;
    out.resize(static_cast<std::size_t>(size));
    if (size == 0) return true;
    return gsf_input_read(input, out.size(), reinterpret_cast<guint8*>(out.data())) != nullptr;
}

std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
}

// The root storage's property stream: a 32-byte header, then 16-byte entries {tag, flags, value}.
void read_fixed_properties(std::string_view stream, MsgProperties& out) {
    constexpr std::size_t header = 32, entry = 16;
    for (std::size_t at = header; at + entry <= stream.size(); at += entry) {
        const std::uint32_t tag = read_u32(stream, at);
        const auto id = static_cast<std::uint16_t>(tag >> 16);
        const auto type = static_cast<std::uint16_t>(tag & 0xFFFF);
        // Variable-length types list their size here; their value is the stream, read above.
        if (type == static_cast<std::uint16_t>(MapiType::unicode) ||
            type == static_cast<std::uint16_t>(MapiType::string8) ||
            type == static_cast<std::uint16_t>(MapiType::binary) || (type & 0x1000))
            continue;
        out.values.try_emplace(id, MapiValue{type, std::string(stream.substr(at + 8, 8))});
    }
}

}  // namespace

MsgRead read_msg_properties(std::string_view bytes) {
    ensure_gsf();
    MsgRead result;
    // needs_free FALSE: libgsf reads `bytes` in place; every object made from it is released below.
    GPtr<GsfInput> input(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                              static_cast<gsf_off_t>(bytes.size()), FALSE));
    if (!input) {
        result.status = MsgReadStatus::not_compound;
        result.failure = "cannot open the bytes";
        return result;
    }
    GError* raw_error = nullptr;
    GPtr<GsfInfile> ole(gsf_infile_msole_new(input.get(), &raw_error));
    std::unique_ptr<GError, ErrorFree> error(raw_error);
    if (!ole) {
        result.status = MsgReadStatus::not_compound;
        result.failure = error && error->message ? error->message : "not an OLE2 compound document";
        return result;
    }
    bool has_properties = false;
    const int children = gsf_infile_num_children(ole.get());
    for (int i = 0; i < children; ++i) {
        const char* name_text = gsf_infile_name_by_index(ole.get(), i);
        if (!name_text) continue;
        const std::string_view name = name_text;
        std::uint16_t id = 0, type = 0;
        const bool is_property_stream = parse_stream_name(name, id, type);
        if (!is_property_stream && name != "__properties_version1.0") continue;
        GPtr<GsfInput> child(gsf_infile_child_by_index(ole.get(), i));
        // A storage (a directory) under a stream's name is no property: an embedded message (type 000D).
        if (!child || (GSF_IS_INFILE(child.get()) && gsf_infile_num_children(GSF_INFILE(child.get())) >= 0)) continue;
        std::string data;
        const bool read = read_stream(child.get(), bytes.size(), data);
        if (is_property_stream) {
            has_properties = true;
            if (read)
                result.properties.values[id] = MapiValue{type, std::move(data)};
            else
                result.properties.unreadable.try_emplace(id, std::string(name));
        } else if (read) {
            has_properties = true;
            read_fixed_properties(data, result.properties);
        }
    }
    if (!has_properties) {
        result.status = MsgReadStatus::not_message;
        result.failure = "an OLE2 compound document without MAPI message properties";
    }
    return result;
}

}  // namespace retro::ingest::email
