#include "cli/suggest.hpp"

#include <algorithm>
#include <limits>

namespace retro::cli {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the dynamic programme: the swap looks two rows back.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& names) {
    if (typed.size() < 2) return {};  // one letter is a step from every short name: no meaning to guess
    const std::size_t limit = std::max<std::size_t>(1, typed.size() / 3);
    std::size_t best = std::numeric_limits<std::size_t>::max();
    std::vector<std::string> closest;
    for (const std::string& name : names) {
        const std::size_t d = edit_distance(typed, name);
        if (d > limit || d > best) continue;
        if (d < best) closest.clear();
        best = d;
        if (std::find(closest.begin(), closest.end(), name) == closest.end()) closest.push_back(name);
    }
    // `--form`: `--from` is one swap away, but `--format` may be meant too.
    for (const std::string& name : names) {
        if (name.size() > typed.size() && name.starts_with(typed) &&
            std::find(closest.begin(), closest.end(), name) == closest.end())
            closest.push_back(name);
    }
    return closest;
}

std::string quoted_alternatives(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += "'" + names[i] + "'";
    }
    return out;
}

}  // namespace retro::cli
