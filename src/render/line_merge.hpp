// The 3-way merge of texts by lines, as `git merge-file` does: what one side changed since the base is taken,
// what both changed the same way is taken once, and what both changed differently is a conflict block.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace retro::render {

struct LineMerge {
    std::string text;
    std::vector<std::size_t> conflicts;  // 0-based line in `text` of each conflict block's `<<<<<<<` line
};

// Merges the changes from `base` to `ours` and from `base` to `theirs` (line diffs, see diff_lines). Changes
// conflict when their base lines overlap, when one inserts lines strictly inside the other's, or when both
// insert different lines at the same place; a change that only touches another's edge does not (lines a side
// inserts before a line the other side edited come before the edit). A conflict is written as git writes it,
// with the lines both sides share at its ends left outside:
//     <<<<<<< OURS_LABEL
//     ours' lines
//     =======
//     theirs' lines
//     >>>>>>> THEIRS_LABEL
LineMerge merge_lines(std::string_view base, std::string_view ours, std::string_view theirs,
                      std::string_view ours_label, std::string_view theirs_label);

}  // namespace retro::render
