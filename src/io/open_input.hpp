// Opens a SOURCE: `-` for stdin, a file (decompressing `.gz` on the fly, opening a ZIP as a tree), or a
// folder (as a tree). Throws retro::Error (exit 2) when the path is missing or unreadable.
#pragma once

#include <string_view>

#include "retro/source.hpp"

namespace retro::io {

inline constexpr std::size_t head_size = 64 * 1024;

Input open_input(std::string_view path);

// Opens bytes already in memory as stdin would be read (gzip decoded, a ZIP opened as a tree): for the
// pipeline fuzz target.
Input open_bytes(std::string name, std::string bytes);

// Opens an entry of a tree as an Input of its own (for case folders and archives holding sources).
Input open_tree_entry(Tree& tree, const TreeEntry& entry);

// Wraps `stream` in a gzip decoder when `head` starts with the gzip magic; returns it unchanged otherwise.
bool is_gzip(std::string_view head);
bool is_zip(std::string_view head);

}  // namespace retro::io
