// What an ingester reads: a byte stream (file, stdin, .gz) or a tree (folder, ZIP), opened by src/io.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "retro/diagnostic.hpp"

namespace retro {

// A sequential byte stream. Damage (a truncated .gz) is reported once through damage() after read()
// returned 0; environment failures throw retro::Error.
class ByteStream {
public:
    virtual ~ByteStream() = default;
    // Reads up to `size` bytes into `buffer`; 0 means end of stream.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
    // Why the stream ended early, or empty when it ended cleanly.
    virtual std::string damage() const { return {}; }
};

struct TreeEntry {
    std::string path;         // relative, '/'-separated, no leading "./"
    std::uint64_t size = 0;   // uncompressed size when known
    std::int64_t index = -1;  // the tree's own handle
};

// Room a tree's reader leaves allocated after what it read, where it can (`out.capacity() - out.size()`): a
// JSON parser reads whole blocks past the end, and with this much room it parses the bytes in place instead
// of copying them first (simdjson's SIMDJSON_PADDING; core/json_dom.cpp checks they agree).
inline constexpr std::size_t read_padding = 64;

// Reads whole entries of a tree. One reader is used by one thread at a time.
class EntryReader {
public:
    virtual ~EntryReader() = default;
    // As Tree::read.
    virtual bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) = 0;
};

// A folder or an archive, read in place (never unpacked to disk).
class Tree {
public:
    virtual ~Tree() = default;
    // Entries (files only), sorted by path.
    virtual const std::vector<TreeEntry>& entries() = 0;
    // Reads one entry whole into `out`, refusing more than `limit` bytes. On damage or refusal reports
    // a diagnostic and returns false (`out` holds what was read before the damage).
    virtual bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) = 0;
    // A reader of this tree's entries for another thread, usable while this tree and other readers are
    // used on theirs; nullptr when the tree can only be read from one thread.
    virtual std::unique_ptr<EntryReader> open_reader() { return nullptr; }
    // Opens one entry as a stream (for mboxes and NDJSON inside a tree).
    virtual std::unique_ptr<ByteStream> open(const TreeEntry& entry) = 0;
    // The name an entry is reported under: `export.zip!/general/2024-07-25.json` or `dir/general/…`.
    virtual std::string display(const TreeEntry& entry) const = 0;
    // Damage found while listing (a truncated ZIP): empty when none.
    virtual std::string damage() const { return {}; }
    // Entry names refused while listing because they lead outside the tree (`../x`, `/etc/x`).
    virtual std::vector<std::string> refused_entries() const { return {}; }
};

// One SOURCE of the command line, opened: exactly one of stream/tree is set.
struct Input {
    std::string name;          // as reported: the path, or `<stdin>`
    std::string path;          // the file system path ("" for stdin)
    std::string head;          // the first bytes of the (decompressed) stream, for detection; also unread
    std::unique_ptr<ByteStream> stream;  // yields the bytes after `head`
    std::unique_ptr<Tree> tree;
};

}  // namespace retro
