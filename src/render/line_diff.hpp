// Line diffs: the changes between two texts as hunks (Myers' O(ND) algorithm in linear space), and the unified
// diff (`diff -u`) of two texts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace retro::render {

// `text` cut into lines, each with its '\n' (the last one lacks it when the text does not end in '\n').
std::vector<std::string_view> split_lines(std::string_view text);

// a[a_begin, a_end) is replaced by b[b_begin, b_end); an empty a range is an insertion before a[a_begin].
struct LineHunk {
    std::size_t a_begin = 0, a_end = 0, b_begin = 0, b_end = 0;
    bool operator==(const LineHunk&) const = default;
};

// A shortest edit script from `a` to `b`, as hunks in order with at least one equal line between two. Each run
// of inserted or deleted lines is slid as far down as equal lines allow (an inserted "entry, blank line" lands
// after the blank line that ends the entry before it, not inside it), so two diffs against one base agree on
// where a change sits. Linear space; time O((N+M)·D) for D changed lines.
std::vector<LineHunk> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

// `old_text` → `new_text` as a unified diff with 3 lines of context, headed `--- old_name` and `+++ new_name`;
// empty when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_name,
                         std::string_view new_name);

}  // namespace retro::render
