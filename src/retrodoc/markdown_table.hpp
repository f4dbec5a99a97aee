// The cells of a GFM table row as written: split at unescaped `|` (also inside code spans,
// as GFM does), outer pipes dropped.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace retro::retrodoc {

struct TableCell {
    std::string_view text;  // trimmed
    std::size_t column = 0;  // 0-based byte offset of `text` in the row
};

std::vector<TableCell> split_table_row(std::string_view row);

// `|---|:--:|`: every cell is dashes with optional colons at its ends.
bool is_table_delimiter_row(const std::vector<TableCell>& cells);

}  // namespace retro::retrodoc
