// 3-way line merge: one side's changes are taken, the same change on both sides once, different changes to
// the same lines are a conflict block.
#include <catch2/catch.hpp>

#include "render/line_merge.hpp"

using namespace retro;

namespace {

render::LineMerge merge(std::string_view base, std::string_view ours, std::string_view theirs) {
    return render::merge_lines(base, ours, theirs, "yours", "retro draft");
}

const std::string base =
    "### Thursday 25 July\n\n10.00 NP stand up\n\n11.14 #alerts: lambda errors\n\n"
    "11.33 RC users cannot log in\n\n11.40 NP reported to CSS\n\n";

std::string replace(std::string text, std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("merge: unchanged sides give the other side", "[render][merge]") {
    CHECK(merge(base, base, base).text == base);
    const std::string theirs = replace(base, "11.40", "11.41");
    CHECK(merge(base, base, theirs).text == theirs);
    CHECK(merge(base, theirs, base).text == theirs);
    CHECK(merge(base, theirs, theirs).text == theirs);
    CHECK(merge(base, theirs, theirs).conflicts.empty());
}

TEST_CASE("merge: a line the person deleted stays deleted, an edit stays, new events arrive in order",
          "[render][merge]") {
    std::string ours = replace(base, "10.00 NP stand up\n\n", "");                          // deleted
    ours = replace(ours, "11.40 NP reported to CSS", "11.40 NP reported to CSS by phone");  // edited
    std::string theirs = replace(base, "10.00 NP", "09.58 AB first\n\n10.00 NP");           // new events
    theirs = replace(theirs, "11.33 RC", "11.20 SB disk full\n\n11.33 RC");
    theirs = replace(theirs, "lambda errors\n", "lambda errors (3 times)\n");  // a group grew
    theirs += "12.30 SB all clear\n\n";
    const render::LineMerge m = merge(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.text ==
          "### Thursday 25 July\n\n09.58 AB first\n\n11.14 #alerts: lambda errors (3 times)\n\n"
          "11.20 SB disk full\n\n11.33 RC users cannot log in\n\n11.40 NP reported to CSS by phone\n\n"
          "12.30 SB all clear\n\n");
}

TEST_CASE("merge: a line the person deleted and the machine changed is a conflict", "[render][merge]") {
    const std::string ours = replace(base, "11.14 #alerts: lambda errors\n\n", "");
    const std::string theirs = replace(base, "lambda errors\n", "lambda errors (3 times)\n");
    const render::LineMerge m = merge(base, ours, theirs);
    CHECK(m.conflicts == std::vector<std::size_t>{4});
    CHECK(m.text ==
          "### Thursday 25 July\n\n10.00 NP stand up\n\n"
          "<<<<<<< yours\n=======\n11.14 #alerts: lambda errors (3 times)\n\n>>>>>>> retro draft\n"
          "11.33 RC users cannot log in\n\n11.40 NP reported to CSS\n\n");
}

TEST_CASE("merge: a new event next to an edited or deleted line is no conflict", "[render][merge]") {
    const std::string ours = replace(replace(base, "11.33 RC users cannot log in", "11.33 RC nobody can log in"),
                                     "11.40 NP reported to CSS\n\n", "");
    const std::string theirs =
        replace(replace(base, "11.33 RC", "11.30 SB before\n\n11.33 RC"), "11.40 NP reported to CSS\n\n",
                "11.40 NP reported to CSS\n\n11.45 SB after\n\n");
    const render::LineMerge m = merge(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.text ==
          "### Thursday 25 July\n\n10.00 NP stand up\n\n11.14 #alerts: lambda errors\n\n"
          "11.30 SB before\n\n11.33 RC nobody can log in\n\n11.45 SB after\n\n");
}

TEST_CASE("merge: a line both sides changed differently is a conflict", "[render][merge]") {
    const std::string ours = replace(base, "11.40 NP reported to CSS", "11.40 NP reported it to CSS by phone");
    const std::string theirs = replace(base, "11.40 NP reported to CSS", "11.40 NP reported to CSS (edited)");
    const render::LineMerge m = merge(base, ours, theirs);
    CHECK(m.conflicts == std::vector<std::size_t>{8});
    CHECK(m.text ==
          "### Thursday 25 July\n\n10.00 NP stand up\n\n11.14 #alerts: lambda errors\n\n"
          "11.33 RC users cannot log in\n\n"
          "<<<<<<< yours\n11.40 NP reported it to CSS by phone\n=======\n11.40 NP reported to CSS (edited)\n"
          ">>>>>>> retro draft\n\n");
    // Merging the conflicted text again against the same machine text keeps the block as the person's text.
    CHECK(merge(theirs, m.text, theirs).text == m.text);
}

TEST_CASE("merge: both sides adding different lines at one place conflict, the same lines are taken once",
          "[render][merge]") {
    const std::string ours = base + "A person's note\n";
    const std::string theirs = base + "12.30 SB all clear\n\n";
    const render::LineMerge m = merge(base, ours, theirs);
    CHECK(m.conflicts == std::vector<std::size_t>{10});
    CHECK(
        m.text.ends_with("11.40 NP reported to CSS\n\n<<<<<<< yours\nA person's note\n=======\n12.30 SB all clear\n\n"
                         ">>>>>>> retro draft\n"));
    CHECK(merge(base, theirs, theirs).text == theirs);
    // Shared lines at the ends of a conflict stay outside the block.
    const render::LineMerge shared = merge("a\nb\nc\n", "a\nB1\nc\n", "a\nB2\nc\n");
    CHECK(shared.text == "a\n<<<<<<< yours\nB1\n=======\nB2\n>>>>>>> retro draft\nc\n");
    const render::LineMerge ends = merge("x\n", "s\nmine\ne\n", "s\ntheirs\ne\n");
    CHECK(ends.text == "s\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> retro draft\ne\n");
    CHECK(ends.conflicts == std::vector<std::size_t>{1});
}

TEST_CASE("merge: an empty base or side", "[render][merge]") {
    CHECK(merge("", "", "new\n").text == "new\n");
    CHECK(merge(base, "", base + "12.30 x\n\n").text == "12.30 x\n\n");  // all deleted, the new line arrives
    CHECK(merge("", "", "").text.empty());
}
