// The pure parts of the git source: commit messages, remote URLs, git times, actors, the walk's window.
#include <catch2/catch.hpp>

#include "ingest/git/commit_message.hpp"
#include "ingest/git/commit_record.hpp"
#include "ingest/git/remote_url.hpp"

using namespace retro;
using namespace retro::ingest::git;

namespace {

struct MessageCase {
    const char* message;
    std::size_t parents;
    ChangeAction action;
    std::uint64_t number;
    const char* title;
};

}  // namespace

TEST_CASE("commit messages: merges, squash merges and direct commits", "[git]") {
    const MessageCase cases[] = {
        // GitHub's merge button: the PR title is the body's first line.
        {"Merge pull request #6583 from wellcomecollection/cardigan\n\nCardigan fix for the login page\n", 2,
         ChangeAction::merged, 6583, "Cardigan fix for the login page"},
        {"Merge pull request #7 from o/b\n\n\n  Padded title  \nmore text\n", 2, ChangeAction::merged, 7, "Padded title"},
        {"Merge pull request #7 from o/b\n", 2, ChangeAction::merged, 7, ""},
        {"Merge pull request #7 from o/b\r\n\r\nCRLF title\r\n", 2, ChangeAction::merged, 7, "CRLF title"},
        // Not GitHub's form: the subject is the title.
        {"Merge pull request #x from o/b\n", 2, ChangeAction::merged, 0, "Merge pull request #x from o/b"},
        {"Merge pull request #12\n", 2, ChangeAction::merged, 0, "Merge pull request #12"},
        {"Merge branch 'feature' into main\n", 2, ChangeAction::merged, 0, "Merge branch 'feature' into main"},
        {"Merge branch 'f' (#41)\n", 3, ChangeAction::merged, 41, "Merge branch 'f'"},
        // GitLab: `See merge request` carries the number, the body's first line the title.
        {"Merge branch 'fix-login' into 'main'\n\nFix the login redirect\n\nCloses #3\n\nSee merge request "
         "group/sub/project!128\n",
         2, ChangeAction::merged, 128, "Fix the login redirect"},
        {"Merge branch 'x' into 'main'\n\nSee merge request g/p!5", 2, ChangeAction::merged, 5, ""},
        // Bitbucket.
        {"Merged in feature/cart (pull request #9)\n\nAdd a cart\n", 2, ChangeAction::merged, 9, "Add a cart"},
        {"Merged in feature/cart (pull request #9)\n", 2, ChangeAction::merged, 9, "Merged in feature/cart"},
        // Squash merges: `(#N)` at the end of the subject.
        {"Add the license aggregation to /images (#5581)\n\n* one\n* two\n", 1, ChangeAction::merged, 5581,
         "Add the license aggregation to /images"},
        {"Revert \"Add thing (#12)\" (#13)", 1, ChangeAction::merged, 13, "Revert \"Add thing (#12)\""},
        {"Fix (#12) (#13)  \n", 1, ChangeAction::merged, 13, "Fix (#12)"},
        {"Initial import (#1)", 0, ChangeAction::merged, 1, "Initial import"},
        {"A subject over\ntwo lines (#44)\n\nbody (#45)\n", 1, ChangeAction::merged, 44, "A subject over two lines"},
        // Direct commits.
        {"Revert \"Add thing (#12)\"\n", 1, ChangeAction::committed, 0, "Revert \"Add thing (#12)\""},
        {"Fix typo\n\nSee #12 (#13)\n", 1, ChangeAction::committed, 0, "Fix typo"},
        {"Bump (#0)", 1, ChangeAction::committed, 0, "Bump (#0)"},
        {"Bump (#)", 1, ChangeAction::committed, 0, "Bump (#)"},
        {"Bump (#1234567890123456789)", 1, ChangeAction::committed, 0, "Bump (#1234567890123456789)"},
        {"Bump (#12a)", 1, ChangeAction::committed, 0, "Bump (#12a)"},
        {"(#5)", 1, ChangeAction::merged, 5, ""},
        {"Merge pull request #7 from o/b\n\nTitle\n", 1, ChangeAction::committed, 0, "Merge pull request #7 from o/b"},
        {"\n\n  indented subject  \n", 1, ChangeAction::committed, 0, "  indented subject"},
        {"", 1, ChangeAction::committed, 0, ""},
        {"\n\n\n", 2, ChangeAction::merged, 0, ""},
    };
    for (const auto& c : cases) {
        INFO(c.message);
        const CommitChange got = read_commit_message(c.message, c.parents);
        CHECK(got.action == c.action);
        CHECK(got.number == c.number);
        CHECK(got.title == c.title);
    }
}

TEST_CASE("the subject is git log's %s: the first paragraph joined", "[git]") {
    CHECK(commit_subject("one\ntwo  \n\nbody") == "one two");
    CHECK(commit_subject("\n \nfirst\n") == "first");
    CHECK(commit_subject("no newline") == "no newline");
}

TEST_CASE("remote URLs: the hosted repository, never its credentials", "[git]") {
    struct Case {
        const char* url;
        const char* host;  // nullptr: none
        const char* path;
    };
    const Case cases[] = {
        {"https://github.com/wellcomecollection/wellcomecollection.org.git", "github.com",
         "wellcomecollection/wellcomecollection.org"},
        {"https://github.com/acme/shop", "github.com", "acme/shop"},
        {"https://github.com/acme/shop/", "github.com", "acme/shop"},
        {"https://x-access-token:ghs_SECRET@github.com/acme/shop.git", "github.com", "acme/shop"},
        {"git@github.com:acme/shop.git", "github.com", "acme/shop"},
        {"ssh://git@GitHub.com:22/acme/shop.git", "github.com", "acme/shop"},
        {"git://example.org/acme/shop", "example.org", "acme/shop"},
        {"https://gitlab.com/group/sub/project.git", "gitlab.com", "group/sub/project"},
        {"  https://github.com/acme/shop.git\n", "github.com", "acme/shop"},
        {"/srv/git/shop.git", nullptr, nullptr},
        {"../shop", nullptr, nullptr},
        {"file:///srv/git/acme/shop.git", nullptr, nullptr},
        {"https://github.com/shop", nullptr, nullptr},
        {"https://github.com", nullptr, nullptr},
        {"https://github.com//shop", nullptr, nullptr},
        {"C:\\repos\\shop", nullptr, nullptr},
        {":acme/shop", nullptr, nullptr},
        {"", nullptr, nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.url);
        const auto got = parse_remote_url(c.url);
        if (!c.host) {
            CHECK_FALSE(got);
            continue;
        }
        REQUIRE(got);
        CHECK(got->host == c.host);
        CHECK(got->path == c.path);
    }
    const RemoteRepo github{"github.com", "acme/shop"};
    CHECK(change_url(github, "0123456789abcdef0123456789abcdef01234567", 0) ==
          "https://github.com/acme/shop/commit/0123456789abcdef0123456789abcdef01234567");
    CHECK(change_url(github, "0123", 12) == "https://github.com/acme/shop/pull/12");
    CHECK(change_url(RemoteRepo{"gitlab.com", "g/p"}, "0123", 12).empty());
}

TEST_CASE("git times keep the committer's offset as written", "[git]") {
    CHECK(format_git_time(1721904151, 60, false) == "2024-07-25T11:42:31+01:00");
    CHECK(format_git_time(1721904151, 0, false) == "2024-07-25T10:42:31+00:00");
    CHECK(format_git_time(1721904151, 0, true) == "2024-07-25T10:42:31-00:00");
    CHECK(format_git_time(1721904151, -330, true) == "2024-07-25T05:12:31-05:30");
    CHECK(format_git_time(0, 0, false) == "1970-01-01T00:00:00+00:00");
    CHECK(format_git_time(-1, 0, false) == "1969-12-31T23:59:59+00:00");
}

TEST_CASE("commit actors: the author, a GitHub login from a no-reply address, [people] names", "[git]") {
    People people;
    people.add("rachel@example.org", Person{"Rachel Cooper", "RC"});
    people.add("gedwards", Person{"Gareth Edwards", ""});
    Actor a = commit_actor(Signature{"rachel", "rachel@example.org"}, people);
    CHECK(a == Actor{"", "Rachel Cooper", "RC", "rachel@example.org"});
    a = commit_actor(Signature{"G E", "1234+gedwards@users.noreply.github.com"}, people);
    CHECK(a == Actor{"gedwards", "Gareth Edwards", "GE", "1234+gedwards@users.noreply.github.com"});
    a = commit_actor(Signature{"Ann Lee", "annlee@users.noreply.github.com"}, People{});
    CHECK(a == Actor{"annlee", "Ann Lee", "AL", "annlee@users.noreply.github.com"});
    a = commit_actor(Signature{"Bad \xff name", ""}, People{});
    CHECK(a.name == "Bad \xEF\xBF\xBD name");
}

TEST_CASE("commit records: id, time, action, repository, link", "[git]") {
    const RepoIdentity github = repo_identity("git@github.com:acme/shop.git", "checkout", "main");
    CHECK(github.repo == "acme/shop");
    const CommitData merge{"89abcdef0123456789abcdef0123456789abcdef", 2,
                           "Merge pull request #12 from acme/cart\n\nAdd a cart page\n",
                           Signature{"Rachel Cooper", "rc@example.org", 0, 0, false},
                           Signature{"GitHub", "noreply@github.com", 1721904151, 60, false}};
    const auto event = ingest::changes::change_event("git", Origin{"shop", 0, 0}, 0, commit_record(merge, github, {}));
    CHECK(event.id == "git:89abcdef0123456789abcdef0123456789abcdef#merged");
    CHECK(event.time_raw == "2024-07-25T11:42:31+01:00");
    CHECK(event.time == Instant(std::chrono::seconds(1721904151)));
    CHECK(event.text == "merged shop#12: Add a cart page");
    CHECK(event.actor.name == "Rachel Cooper");
    REQUIRE(event.change);
    CHECK(*event.change == ChangeInfo{"git", "acme/shop", "main", 12, ChangeAction::merged, "",
                                      "89abcdef0123456789abcdef0123456789abcdef", "https://github.com/acme/shop/pull/12"});
    const RepoIdentity local = repo_identity(std::nullopt, "shop", "HEAD");
    const CommitData direct{"0123456789abcdef0123456789abcdef01234567", 1, "Fix typo\n", Signature{"Ann"},
                            Signature{"Ann", "", 1721904151, 0, false}};
    const auto record = commit_record(direct, local, {});
    CHECK(record.change == ChangeInfo{"git", "shop", "HEAD", 0, ChangeAction::committed, "",
                                      "0123456789abcdef0123456789abcdef01234567", ""});
    CHECK(record.title == "Fix typo");
}

TEST_CASE("the walk's window: open ends, and a stop only after a run of old commits", "[git]") {
    const Instant from = Instant(std::chrono::seconds(1721904151));
    HistoryWindow open(std::nullopt, std::nullopt);
    CHECK(open.contains(Instant{}));
    for (int i = 0; i < 1000; ++i) CHECK(open.go_on(Instant{}));
    HistoryWindow window(from, from + std::chrono::hours(1));
    CHECK(window.contains(from));
    CHECK_FALSE(window.contains(from + std::chrono::hours(1)));
    CHECK_FALSE(window.contains(from - std::chrono::seconds(1)));
    const Instant old = from - HistoryWindow::margin - std::chrono::seconds(1);
    for (std::size_t i = 0; i + 1 < HistoryWindow::stop_run; ++i) CHECK(window.go_on(old));
    CHECK(window.go_on(from - std::chrono::hours(1)));  // within the margin: the run starts again
    for (std::size_t i = 0; i + 1 < HistoryWindow::stop_run; ++i) CHECK(window.go_on(old));
    CHECK_FALSE(window.go_on(old));
}
