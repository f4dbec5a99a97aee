// Line diffs: shortest edit scripts, hunks slid down past equal lines, and `diff -u` output.
#include <catch2/catch.hpp>

#include "render/line_diff.hpp"

using namespace retro;
using render::LineHunk;

namespace {

std::vector<LineHunk> diff(std::string_view a, std::string_view b) {
    return render::diff_lines(render::split_lines(a), render::split_lines(b));
}

// Applies the hunks to `a`: the result must be `b`.
std::string apply(std::string_view a_text, std::string_view b_text, const std::vector<LineHunk>& hunks) {
    const auto a = render::split_lines(a_text), b = render::split_lines(b_text);
    std::string out;
    std::size_t pos = 0;
    for (const LineHunk& h : hunks) {
        for (; pos < h.a_begin; ++pos) out += a[pos];
        for (std::size_t j = h.b_begin; j < h.b_end; ++j) out += b[j];
        pos = h.a_end;
    }
    for (; pos < a.size(); ++pos) out += a[pos];
    return out;
}

std::size_t edits(const std::vector<LineHunk>& hunks) {
    std::size_t n = 0;
    for (const LineHunk& h : hunks) n += (h.a_end - h.a_begin) + (h.b_end - h.b_begin);
    return n;
}

}  // namespace

TEST_CASE("lines keep their newline, the last may lack one", "[render][diff]") {
    CHECK(render::split_lines("a\n\nb") == std::vector<std::string_view>{"a\n", "\n", "b"});
    CHECK(render::split_lines("").empty());
}

TEST_CASE("diff_lines finds the changes", "[render][diff]") {
    CHECK(diff("a\nb\nc\n", "a\nb\nc\n").empty());
    CHECK(diff("", "x\n") == std::vector<LineHunk>{{0, 0, 0, 1}});
    CHECK(diff("x\n", "") == std::vector<LineHunk>{{0, 1, 0, 0}});
    CHECK(diff("a\nb\nc\n", "a\nB\nc\n") == std::vector<LineHunk>{{1, 2, 1, 2}});
    CHECK(diff("a\nb\nc\nd\n", "a\nc\nd\ne\n") == std::vector<LineHunk>{{1, 2, 1, 1}, {4, 4, 3, 4}});
    // Myers' own example (1986, figure 1): ABCABBA → CBABAC is 5 edits.
    const std::vector<LineHunk> h = diff("A\nB\nC\nA\nB\nB\nA\n", "C\nB\nA\nB\nA\nC\n");
    CHECK(edits(h) == 5);
    CHECK(apply("A\nB\nC\nA\nB\nB\nA\n", "C\nB\nA\nB\nA\nC\n", h) == "C\nB\nA\nB\nA\nC\n");
}

TEST_CASE("an inserted entry lands after the blank line that ends the entry before it", "[render][diff]") {
    // "10.00 a", "", "10.05 b", "": an entry between them is "10.02 x", "" inserted before "10.05 b", not
    // "", "10.02 x" inserted before the blank line; a deleted entry likewise takes its own blank line.
    CHECK(diff("a\n\nb\n\n", "a\n\nx\n\nb\n\n") == std::vector<LineHunk>{{2, 2, 2, 4}});
    CHECK(diff("a\n\nx\n\nb\n\n", "a\n\nb\n\n") == std::vector<LineHunk>{{2, 4, 2, 2}});
    CHECK(diff("\n\n\n", "\n\n\n\n") == std::vector<LineHunk>{{3, 3, 3, 4}});
}

TEST_CASE("diff_lines is a shortest script on thousands of lines", "[render][diff]") {
    // Every 7th line changed, every 11th deleted, every 13th gains a line after it.
    std::string a, b;
    std::size_t changes = 0;
    for (int i = 0; i < 5000; ++i) {
        const std::string line = "10." + std::to_string(i) + " entry\n";
        a += line;
        if (i % 11 == 0) {
            ++changes;
            continue;
        }
        if (i % 7 == 0) {
            b += "10." + std::to_string(i) + " edited\n";
            changes += 2;
        } else {
            b += line;
        }
        if (i % 13 == 0) {
            b += "new " + std::to_string(i) + "\n";
            ++changes;
        }
    }
    const std::vector<LineHunk> h = diff(a, b);
    CHECK(edits(h) == changes);
    CHECK(apply(a, b, h) == b);
    // Nothing in common at all.
    std::string c;
    for (int i = 0; i < 3000; ++i) c += "other " + std::to_string(i) + "\n";
    CHECK(diff(a, c) == std::vector<LineHunk>{{0, 5000, 0, 3000}});
}

TEST_CASE("unified_diff writes diff -u", "[render][diff]") {
    CHECK(render::unified_diff("a\n", "a\n", "f", "f").empty());
    CHECK(render::unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
                               "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n", "retro.md", "retro.md") ==
          "--- retro.md\n+++ retro.md\n"
          "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
          "@@ -10,3 +10,4 @@\n 10\n 11\n 12\n+13\n");
    CHECK(render::unified_diff("", "x", "a", "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n\\ No newline at end of file\n");
    CHECK(render::unified_diff("a\nb\nc\n", "a\nc\n", "a", "b") == "--- a\n+++ b\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
}
