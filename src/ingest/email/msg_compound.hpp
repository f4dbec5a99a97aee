// An Outlook .msg file's top-level MAPI properties ([MS-OXMSG] 2.1–2.4), read from the OLE2 compound
// document by libgsf (the adapter keeps libgsf's and GLib's types inside msg_compound.cpp). Nothing here
// interprets the properties: msg_message.cpp does.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace retro::ingest::email {

// The magic of every OLE2 compound document (a .msg, but also a .doc, .xls or .ppt).
inline constexpr std::string_view ole_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// PropertyType codes of [MS-OXCDATA] 2.11.1 that a .msg stores.
enum class MapiType : std::uint16_t {
    int32 = 0x0003,     // PT_LONG
    boolean = 0x000B,   // PT_BOOLEAN
    int64 = 0x0014,     // PT_I8
    string8 = 0x001E,   // PT_STRING8: 8-bit, in the message's code page
    unicode = 0x001F,   // PT_UNICODE: UTF-16LE
    systime = 0x0040,   // PT_SYSTIME: FILETIME, 100 ns since 1601-01-01 UTC
    binary = 0x0102,    // PT_BINARY
};

struct MapiValue {
    std::uint16_t type = 0;
    // A variable-length property: its stream's bytes (`__substg1.0_XXXXYYYY`); a fixed-size one: the
    // 8 value bytes of its entry in `__properties_version1.0`, little-endian.
    std::string bytes;
};

struct MsgProperties {
    // By property id (0x0037 subject…). A property stored in both places keeps its stream.
    std::map<std::uint16_t, MapiValue> values;
    // Variable-length properties whose stream could not be read (a cut-off file), by id.
    std::map<std::uint16_t, std::string> unreadable;
};

enum class MsgReadStatus {
    ok,
    not_compound,  // no OLE2 compound document at all (libgsf refuses it): damaged or truncated
    not_message,   // a compound document without MAPI message streams (a Word or Excel file)
};

struct MsgRead {
    MsgReadStatus status = MsgReadStatus::ok;
    std::string failure;  // what libgsf said, for the diagnostic
    MsgProperties properties;
};

// Reads the top-level message properties of `bytes` (opened in memory, never from a path). Streams larger
// than the file they sit in are unreadable, not allocated. Never throws; libgsf's complaints are kept out of
// stderr.
MsgRead read_msg_properties(std::string_view bytes);

}  // namespace retro::ingest::email
