// 3-way line merge. Both sides are diffed against the base; their hunks, sorted by where they start in the
// base, are gathered into groups of hunks that overlap (see merge_lines for the rule); a group with one side's
// hunks only takes that side's lines, a group with both sides' takes them when they agree and is a conflict
// when they do not. Base lines between groups are equal on both sides and copied.
#include "render/line_merge.hpp"

#include <algorithm>

#include "render/line_diff.hpp"

namespace retro::render {
namespace {

using Lines = std::vector<std::string_view>;

struct SideHunk {
    LineHunk hunk;  // a: the base, b: the side's lines
    int side = 0;   // 0 ours, 1 theirs
};

// Whether `h` (starting at or after the group's start, by the sort) joins the group of base lines [begin, end).
bool joins(std::size_t begin, std::size_t end, const LineHunk& h) {
    if (h.a_begin < end) return true;                           // overlapping lines, or an insertion strictly inside
    return begin == end && h.a_begin == end && h.a_end == end;  // two insertions at one place
}

// The side's lines for base lines [begin, end): its hunks' lines, base lines between them.
Lines side_lines(const Lines& base, const Lines& side_text, const std::vector<SideHunk>& group, int side,
                 std::size_t begin, std::size_t end) {
    Lines out;
    std::size_t pos = begin;
    for (const SideHunk& s : group) {
        if (s.side != side) continue;
        out.insert(out.end(), base.begin() + pos, base.begin() + s.hunk.a_begin);
        out.insert(out.end(), side_text.begin() + s.hunk.b_begin, side_text.begin() + s.hunk.b_end);
        pos = s.hunk.a_end;
    }
    out.insert(out.end(), base.begin() + pos, base.begin() + end);
    return out;
}

class MergeWriter {
public:
    explicit MergeWriter(LineMerge& out) : m_out(out) {}

    void append(Lines::const_iterator first, Lines::const_iterator last) {
        for (; first != last; ++first) line(*first);
    }

    void conflict(const Lines& ours, const Lines& theirs, std::string_view ours_label, std::string_view theirs_label) {
        // Lines both sides share at the ends are not in conflict.
        std::size_t head = 0, tail = 0;
        while (head < ours.size() && head < theirs.size() && ours[head] == theirs[head]) ++head;
        while (tail < ours.size() - head && tail < theirs.size() - head &&
               ours[ours.size() - 1 - tail] == theirs[theirs.size() - 1 - tail]) {
            ++tail;
        }
        append(ours.begin(), ours.begin() + head);
        m_out.conflicts.push_back(m_lines);
        line("<<<<<<< " + std::string(ours_label) + "\n");
        append(ours.begin() + head, ours.end() - tail);
        line("=======\n");
        append(theirs.begin() + head, theirs.end() - tail);
        line(">>>>>>> " + std::string(theirs_label) + "\n");
        append(ours.end() - tail, ours.end());
    }

private:
    void line(std::string_view text) {
        if (!m_out.text.empty() && m_out.text.back() != '\n') m_out.text += '\n';  // a last line with no '\n'
        m_out.text += text;
        ++m_lines;
    }

    LineMerge& m_out;
    std::size_t m_lines = 0;
};

}  // namespace

LineMerge merge_lines(std::string_view base_text, std::string_view ours_text, std::string_view theirs_text,
                      std::string_view ours_label, std::string_view theirs_label) {
    const Lines base = split_lines(base_text), ours = split_lines(ours_text), theirs = split_lines(theirs_text);
    std::vector<SideHunk> hunks;
    for (const LineHunk& h : diff_lines(base, ours)) hunks.push_back({h, 0});
    for (const LineHunk& h : diff_lines(base, theirs)) hunks.push_back({h, 1});
    // By start in the base; an insertion before a change starting at the same line (it comes first in the text).
    std::stable_sort(hunks.begin(), hunks.end(), [](const SideHunk& x, const SideHunk& y) {
        return std::pair{x.hunk.a_begin, x.hunk.a_end} < std::pair{y.hunk.a_begin, y.hunk.a_end};
    });

    LineMerge result;
    MergeWriter out(result);
    std::size_t pos = 0, i = 0;
    while (i < hunks.size()) {
        std::vector<SideHunk> group{hunks[i]};
        const std::size_t begin = hunks[i].hunk.a_begin;
        std::size_t end = hunks[i].hunk.a_end;
        for (++i; i < hunks.size() && joins(begin, end, hunks[i].hunk); ++i) {
            end = std::max(end, hunks[i].hunk.a_end);
            group.push_back(hunks[i]);
        }
        out.append(base.begin() + pos, base.begin() + begin);
        const bool has_ours = std::any_of(group.begin(), group.end(), [](const SideHunk& s) { return s.side == 0; });
        const bool has_theirs = std::any_of(group.begin(), group.end(), [](const SideHunk& s) { return s.side == 1; });
        const Lines mine = has_ours ? side_lines(base, ours, group, 0, begin, end) : Lines();
        const Lines new_lines = has_theirs ? side_lines(base, theirs, group, 1, begin, end) : Lines();
        if (!has_theirs || (has_ours && mine == new_lines)) {
            out.append(mine.begin(), mine.end());
        } else if (!has_ours) {
            out.append(new_lines.begin(), new_lines.end());
        } else {
            out.conflict(mine, new_lines, ours_label, theirs_label);
        }
        pos = end;
    }
    out.append(base.begin() + pos, base.end());
    return result;
}

}  // namespace retro::render
