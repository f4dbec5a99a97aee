// "Did you mean …?" for a mistyped command or option: the names closest to what was typed, by edit distance.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace retro::cli {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
// characters each cost 1 (so `lnit` is 1 from `lint`, as `lnt` is).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The names close enough to `typed` to be what was meant: those at the smallest edit distance, when it is
// at most a third of the typed length (at least 1; 0 is the name itself), then the names `typed` is the
// start of; each in the order given, once. Empty when nothing is close, and for fewer than 2 characters.
std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& names);

// "'lint'", "'--from' or '--force'", "'a', 'b' or 'c'".
std::string quoted_alternatives(const std::vector<std::string>& names);

}  // namespace retro::cli
