#include <catch2/catch.hpp>

#include "cli/suggest.hpp"

using retro::cli::closest_names;
using retro::cli::edit_distance;
using retro::cli::quoted_alternatives;
using Names = std::vector<std::string>;

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
    CHECK(edit_distance("lint", "lint") == 0);
    CHECK(edit_distance("lnt", "lint") == 1);
    CHECK(edit_distance("lnit", "lint") == 1);
    CHECK(edit_distance("tzz", "tz") == 1);
    CHECK(edit_distance("", "draft") == 5);
    CHECK(edit_distance("events", "") == 6);
    CHECK(edit_distance("timeline", "lint") == 5);
}

TEST_CASE("closest names: the nearest within a third of the typed length") {
    const Names commands{"events", "timeline", "draft", "lint", "help"};
    CHECK(closest_names("lnt", commands) == Names{"lint"});
    CHECK(closest_names("evnets", commands) == Names{"events"});
    CHECK(closest_names("timelin", commands) == Names{"timeline"});
    CHECK(closest_names("drat", commands) == Names{"draft"});
    CHECK(closest_names("foo", commands).empty());
    CHECK(closest_names("lint", commands) == Names{"lint"});  // `-tz` for `--tz`: the bare name is the answer
    CHECK(closest_names("x", commands).empty());
    CHECK(closest_names("x", Names{"h", "o"}).empty());  // one letter guesses nothing
}

TEST_CASE("closest names: ties are all given, in the order defined, once") {
    const Names options{"tz", "to", "tz", "from"};
    CHECK(closest_names("tzz", options) == Names{"tz"});
    CHECK(closest_names("ta", Names{"tz", "to"}) == Names{"tz", "to"});
}

TEST_CASE("closest names: a start typed names what it starts, after the nearest") {
    CHECK(closest_names("form", Names{"format", "from", "force"}) == Names{"from", "format"});
    const Names options{"format", "force", "include-private", "incident"};
    CHECK(closest_names("form", options) == Names{"format"});
    CHECK(closest_names("inc", options) == Names{"include-private", "incident"});
    CHECK(closest_names("f", options).empty());
}

TEST_CASE("quoted alternatives") {
    CHECK(quoted_alternatives({"lint"}) == "'lint'");
    CHECK(quoted_alternatives({"--from", "--force"}) == "'--from' or '--force'");
    CHECK(quoted_alternatives({"a", "b", "c"}) == "'a', 'b' or 'c'");
}
