// Line diffs. Lines are numbered by content first, so the search compares integers. The search is Myers'
// "An O(ND) Difference Algorithm and Its Variations" (1986) in its linear-space form (§4b): find a point the
// shortest edit script passes through by running the forward and the reverse search towards each other, then
// solve the two halves; the loop follows Neil Fraser's diff-match-patch `diff_bisect`. The result is a flag per
// line ("not in the common subsequence"), whose runs are then slid down as GNU diff's shift_boundaries does.
#include "render/line_diff.hpp"

#include <cstdint>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

namespace retro::render {
namespace {

using Index = std::ptrdiff_t;

class Myers {
public:
    Myers(const std::vector<int>& a, const std::vector<int>& b)
        : m_a(a), m_b(b), m_a_changed(a.size(), 0), m_b_changed(b.size(), 0) {}

    // Marks the lines of a[a0, a1) and b[b0, b1) outside a longest common subsequence of the two.
    void compare(Index a0, Index a1, Index b0, Index b1) {
        while (a0 < a1 && b0 < b1 && m_a[a0] == m_b[b0]) ++a0, ++b0;
        while (a0 < a1 && b0 < b1 && m_a[a1 - 1] == m_b[b1 - 1]) --a1, --b1;
        if (a0 == a1 || b0 == b1) {
            mark(a0, a1, b0, b1);
            return;
        }
        const std::optional<std::pair<Index, Index>> split = bisect(a0, a1, b0, b1);
        if (!split || (split->first == a0 && split->second == b0) || (split->first == a1 && split->second == b1)) {
            mark(a0, a1, b0, b1);  // nothing in common (or no progress): all of one replaced by all of the other
            return;
        }
        compare(a0, split->first, b0, split->second);
        compare(split->first, a1, split->second, b1);
    }

    std::vector<char>& a_changed() { return m_a_changed; }
    std::vector<char>& b_changed() { return m_b_changed; }

private:
    void mark(Index a0, Index a1, Index b0, Index b1) {
        for (Index i = a0; i < a1; ++i) m_a_changed[i] = 1;
        for (Index j = b0; j < b1; ++j) m_b_changed[j] = 1;
    }

    // A point (absolute indices) on a shortest edit script of a[a0, a1) → b[b0, b1): where the furthest forward
    // path on a diagonal meets the furthest reverse path on it. v1[k] is the furthest x of a forward path on
    // diagonal k = x - y; v2[k] the furthest distance from the ends of a reverse path on its mirrored diagonal.
    // When the difference of the lengths is odd the paths can first meet on a forward step, else on a reverse one.
    std::optional<std::pair<Index, Index>> bisect(Index a0, Index a1, Index b0, Index b1) const {
        const Index n = a1 - a0, m = b1 - b0;
        const Index max_d = (n + m + 1) / 2;
        const Index offset = max_d, length = 2 * max_d + 2;
        std::vector<Index> v1(length, -1), v2(length, -1);
        v1[offset + 1] = 0;
        v2[offset + 1] = 0;
        const Index delta = n - m;
        const bool front = delta % 2 != 0;
        // Diagonals that ran off the edge of the grid are not searched again.
        Index k1start = 0, k1end = 0, k2start = 0, k2end = 0;
        for (Index d = 0; d < max_d; ++d) {
            for (Index k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const Index k1_offset = offset + k1;
                Index x1 = k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]) ? v1[k1_offset + 1]
                                                                                          : v1[k1_offset - 1] + 1;
                Index y1 = x1 - k1;
                while (x1 < n && y1 < m && m_a[a0 + x1] == m_b[b0 + y1]) ++x1, ++y1;
                v1[k1_offset] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const Index k2_offset = offset + delta - k1;
                    if (k2_offset >= 0 && k2_offset < length && v2[k2_offset] != -1 && x1 >= n - v2[k2_offset]) {
                        return std::pair{a0 + x1, b0 + y1};
                    }
                }
            }
            for (Index k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const Index k2_offset = offset + k2;
                Index x2 = k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]) ? v2[k2_offset + 1]
                                                                                          : v2[k2_offset - 1] + 1;
                Index y2 = x2 - k2;
                while (x2 < n && y2 < m && m_a[a1 - x2 - 1] == m_b[b1 - y2 - 1]) ++x2, ++y2;
                v2[k2_offset] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const Index k1_offset = offset + delta - k2;
                    if (k1_offset >= 0 && k1_offset < length && v1[k1_offset] != -1) {
                        const Index x1 = v1[k1_offset];
                        const Index y1 = offset + x1 - k1_offset;
                        if (x1 >= n - x2) return std::pair{a0 + x1, b0 + y1};
                    }
                }
            }
        }
        return std::nullopt;
    }

    const std::vector<int>& m_a;
    const std::vector<int>& m_b;
    std::vector<char> m_a_changed, m_b_changed;
};

// Slides each run of changed lines down while the line after the run equals its first line (the same edit,
// drawn lower), merging it with a run it reaches. Lines outside the runs still pair up in order, so the other
// side's flags stay valid.
void slide_down(const std::vector<int>& lines, std::vector<char>& changed) {
    const std::size_t n = lines.size();
    std::size_t i = 0;
    while (i < n) {
        if (!changed[i]) {
            ++i;
            continue;
        }
        std::size_t start = i, end = i;
        while (end < n && changed[end]) ++end;
        while (end < n && lines[start] == lines[end]) {
            changed[start++] = 0;
            changed[end++] = 1;
            while (end < n && changed[end]) ++end;
        }
        i = end;
    }
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(pos, next - pos));
        pos = next;
    }
    return lines;
}

std::vector<LineHunk> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::unordered_map<std::string_view, int> numbers;
    auto number = [&numbers](const std::vector<std::string_view>& lines) {
        std::vector<int> out;
        out.reserve(lines.size());
        for (const std::string_view line : lines) {
            out.push_back(numbers.emplace(line, static_cast<int>(numbers.size())).first->second);
        }
        return out;
    };
    const std::vector<int> a_numbers = number(a), b_numbers = number(b);
    Myers myers(a_numbers, b_numbers);
    myers.compare(0, static_cast<Index>(a.size()), 0, static_cast<Index>(b.size()));
    std::vector<char>& a_changed = myers.a_changed();
    std::vector<char>& b_changed = myers.b_changed();
    slide_down(a_numbers, a_changed);
    slide_down(b_numbers, b_changed);

    // Runs of changed lines at the same place on both sides make one hunk; unchanged lines pair up in order.
    std::vector<LineHunk> hunks;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if ((i < a.size() && a_changed[i]) || (j < b.size() && b_changed[j])) {
            LineHunk h{i, i, j, j};
            while (i < a.size() && a_changed[i]) ++i;
            while (j < b.size() && b_changed[j]) ++j;
            h.a_end = i;
            h.b_end = j;
            hunks.push_back(h);
        } else {
            ++i;
            ++j;
        }
    }
    return hunks;
}

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_name,
                         std::string_view new_name) {
    constexpr std::size_t context = 3;
    const std::vector<std::string_view> a = split_lines(old_text), b = split_lines(new_text);
    const std::vector<LineHunk> hunks = diff_lines(a, b);
    if (hunks.empty()) return {};
    std::string out = fmt::format("--- {}\n+++ {}\n", old_name, new_name);
    auto append_line = [&out](char prefix, std::string_view line) {
        out += prefix;
        out += line;
        if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
    };
    // `diff -u` numbers a range by its first line, or by the line before it when it is empty; a count of 1 is
    // left out.
    auto range = [](std::size_t begin, std::size_t count) {
        if (count == 1) return fmt::format("{}", begin + 1);
        return fmt::format("{},{}", count == 0 ? begin : begin + 1, count);
    };
    std::size_t first = 0;
    while (first < hunks.size()) {
        // Hunks whose contexts touch or overlap print as one.
        std::size_t last = first;
        while (last + 1 < hunks.size() && hunks[last + 1].a_begin - hunks[last].a_end <= 2 * context) ++last;
        const std::size_t a_lo = hunks[first].a_begin - std::min(context, hunks[first].a_begin);
        const std::size_t a_hi = std::min(a.size(), hunks[last].a_end + context);
        const std::size_t b_lo = hunks[first].b_begin - (hunks[first].a_begin - a_lo);
        const std::size_t b_hi = hunks[last].b_end + (a_hi - hunks[last].a_end);
        out += fmt::format("@@ -{} +{} @@\n", range(a_lo, a_hi - a_lo), range(b_lo, b_hi - b_lo));
        std::size_t pos = a_lo;
        for (std::size_t h = first; h <= last; ++h) {
            for (; pos < hunks[h].a_begin; ++pos) append_line(' ', a[pos]);
            for (std::size_t i = hunks[h].a_begin; i < hunks[h].a_end; ++i) append_line('-', a[i]);
            for (std::size_t j = hunks[h].b_begin; j < hunks[h].b_end; ++j) append_line('+', b[j]);
            pos = hunks[h].a_end;
        }
        for (; pos < a_hi; ++pos) append_line(' ', a[pos]);
        first = last + 1;
    }
    return out;
}

}  // namespace retro::render
