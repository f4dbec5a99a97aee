// A ZIP archive read in place as a Tree (never unpacked to disk): through its central directory (our own
// reading for plain archives, else libzip's), or, when the central directory is missing (a truncated ZIP),
// with libarchive's streaming reader, which keeps every entry before the damage. Entry names that are
// absolute or climb out with `..` are refused; an entry inflating past the caller's limit (a zip bomb) is
// refused with a diagnostic.
#pragma once

#include <memory>
#include <string>

#include "retro/source.hpp"

namespace retro::io {

// Opens the ZIP file at `path`, reported as `name` (`name!/entry`). Throws retro::Error when the file
// cannot be opened at all or is not a ZIP even to the streaming reader.
std::unique_ptr<Tree> open_zip_tree(const std::string& path, std::string name);

// A ZIP held in memory (read whole from stdin).
std::unique_ptr<Tree> open_zip_tree_in_memory(std::string bytes, std::string name);

// True when an entry name may be used: relative, no `..` component, no NUL.
bool is_safe_entry_name(std::string_view name);

}  // namespace retro::io
