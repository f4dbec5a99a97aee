// The change event every change source builds: its id, medium and the one-line summary the timeline shows.
#include <catch2/catch.hpp>

#include "ingest/changes/change_event.hpp"
#include "retro/time.hpp"

using namespace retro;
using namespace retro::ingest::changes;

namespace {

ChangeInfo info(ChangeAction action, std::string repo, std::uint64_t number = 0) {
    ChangeInfo c;
    c.system = "github";
    c.action = action;
    c.repo = std::move(repo);
    c.number = number;
    return c;
}

}  // namespace

TEST_CASE("change summaries name the repository's last component and the action", "[change-event]") {
    auto merged = info(ChangeAction::merged, "wellcomecollection/wellcomecollection.org", 6583);
    CHECK(change_summary(merged, "Cardigan: fix\nthe  header") ==
          "merged wellcomecollection.org#6583: Cardigan: fix the header");
    CHECK(change_summary(merged, "") == "merged wellcomecollection.org#6583");

    auto deployed = info(ChangeAction::deployed, "org/api");
    deployed.commit = "0123456789abcdef0123456789abcdef01234567";
    deployed.environment = "production";
    CHECK(change_summary(deployed, "") == "deployed api 0123456 to production");
    auto unnamed = info(ChangeAction::deployed, "");
    unnamed.ref = "master";
    unnamed.environment = "production";
    CHECK(change_summary(unnamed, "Merge branch 'x'\r") == "deployed master to production: Merge branch 'x'");

    auto failed = info(ChangeAction::deploy_failed, "org/api");
    failed.ref = "v1.2.3";
    CHECK(change_summary(failed, "") == "deploy of api v1.2.3 failed");

    auto run = info(ChangeAction::run_failed, "group/sub/project", 88);
    CHECK(change_summary(run, "Build") == "run project#88 failed: Build");

    auto back = info(ChangeAction::rolled_back, "payments");
    back.environment = "prod";
    back.ref = "42";
    CHECK(change_summary(back, "") == "rolled back payments in prod to 42");

    auto commit = info(ChangeAction::committed, "repo");
    commit.ref = "main";
    CHECK(change_summary(commit, "Fix \xff typo") == "committed to repo main: Fix \xEF\xBF\xBD typo");
}

TEST_CASE("a change event carries kind, medium, id with its action and the change part", "[change-event]") {
    ChangeRecord r;
    r.native_id = "wellcomecollection/wellcomecollection.org/pull/11052";
    r.time = *parse_iso8601("2024-07-25T10:42:31Z");
    r.time_raw = "2024-07-25T10:42:31Z";
    r.actor.id = "rcooper";
    r.change = info(ChangeAction::merged, "wellcomecollection/wellcomecollection.org", 11052);
    r.change.url = "https://github.com/wellcomecollection/wellcomecollection.org/pull/11052";
    r.title = "Revert sign-in";
    const Event e = change_event("github", Origin{"prs.json"}, 3, r);
    CHECK(e.id == "github:wellcomecollection/wellcomecollection.org/pull/11052#merged");
    CHECK(e.kind == EventKind::change);
    CHECK(e.source.medium == Medium::change);
    CHECK(e.source.kind == "github");
    CHECK(e.source.origin == "prs.json");
    CHECK(e.source.line == 3);
    CHECK(e.actor.id == "rcooper");
    CHECK(e.text == "merged wellcomecollection.org#11052: Revert sign-in");
    REQUIRE(e.change);
    CHECK(e.change->url == r.change.url);
    CHECK(e.time_raw == "2024-07-25T10:42:31Z");
}

TEST_CASE("one_line folds newlines, tabs and runs of spaces and trims the ends", "[change-event]") {
    CHECK(one_line("Liveness probe failed: \n") == "Liveness probe failed:");
    CHECK(one_line("  a\tb\r\n\n  c  ") == "a b c");
    CHECK(one_line("bad \xff byte") == "bad \xEF\xBF\xBD byte");
    CHECK(one_line("") == "");
}

TEST_CASE("a change event's strings are valid UTF-8 without NULs, whatever the source gave", "[change-event]") {
    ChangeRecord r;
    r.native_id = "0123456";
    r.change = info(ChangeAction::committed, std::string("X\0me/cart", 9));
    r.change.url = std::string("https://github.com/X\0me/cart", 28);
    r.actor.name = "Ren\xe9" "e";  // Latin-1, as an old commit may hold
    const Event e = change_event("git", Origin{"repo"}, 0, r);
    REQUIRE(e.change);
    CHECK(e.change->repo == "Xme/cart");
    CHECK(e.change->url == "https://github.com/Xme/cart");
    CHECK(e.actor.name == "Ren\xEF\xBF\xBD" "e");
}
