// The `github` ingester on small inputs: each form (gh and REST pull requests, deployments and their
// statuses, workflow runs, releases) to its events, drops and diagnostics; detection from content.
#include <catch2/catch.hpp>

#include <string_view>
#include <utility>

#include "github_test_support.hpp"
#include "ingest/github/github_records.hpp"

using namespace retro;
using test::run_github;

TEST_CASE("gh pr list: merged PRs by their merger, open and closed ones counted as not merged", "[github]") {
    const auto run = run_github(R"([
 {"number": 6583, "title": "Cardigan: new header", "state": "MERGED", "mergedAt": "2021-06-08T17:21:04Z",
  "author": {"id": "MDQ", "is_bot": false, "login": "gestchild", "name": "Gareth Estchild"},
  "mergedBy": {"id": "MDR", "is_bot": false, "login": "rcooper", "name": "Rob Cooper"},
  "url": "https://github.com/wellcomecollection/wellcomecollection.org/pull/6583",
  "baseRefName": "main", "headRefName": "cardigan", "mergeCommit": {"oid": "0123456789abcdef0123456789abcdef01234567"}},
 {"number": 6590, "title": "WIP", "state": "OPEN", "mergedAt": null, "mergedBy": null, "author": {"login": "x"},
  "url": "https://github.com/wellcomecollection/wellcomecollection.org/pull/6590", "baseRefName": "main"},
 {"number": 6591, "title": "Abandoned", "state": "CLOSED", "mergedAt": "0001-01-01T00:00:00Z", "author": {"login": "x"},
  "url": "https://github.com/wellcomecollection/wellcomecollection.org/pull/6591", "baseRefName": "main"},
 {"number": 6600, "title": "Bump lodash", "state": "MERGED", "mergedAt": "2021-06-08T18:00:00+01:00", "mergedBy": null,
  "author": {"login": "app/dependabot", "is_bot": true}, "url": "https://github.com/wellcomecollection/wellcomecollection.org/pull/6600"}
])");
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"github:wellcomecollection/wellcomecollection.org/pull/6600#merged",
                                                     "github:wellcomecollection/wellcomecollection.org/pull/6583#merged"});
    CHECK(test::times(run) == std::vector<std::string>{"2021-06-08T17:00:00.000000Z", "2021-06-08T17:21:04.000000Z"});
    CHECK(run.dropped.at("pull request not merged") == 2);
    const Event& merge = run.events[1];
    CHECK(merge.actor == Actor{"rcooper", "Rob Cooper", "", ""});
    CHECK(merge.text == "merged wellcomecollection.org#6583: Cardigan: new header");
    CHECK(!merge.flags.bot);
    REQUIRE(merge.change);
    CHECK(*merge.change == ChangeInfo{"github", "wellcomecollection/wellcomecollection.org", "main", 6583,
                                      ChangeAction::merged, "", "0123456789abcdef0123456789abcdef01234567",
                                      "https://github.com/wellcomecollection/wellcomecollection.org/pull/6583"});
    const Event& bump = run.events[0];
    CHECK(bump.actor.id == "app/dependabot");  // no mergedBy: the author
    CHECK(bump.flags.bot);
    CHECK(bump.time_raw == "2021-06-08T18:00:00+01:00");
}

TEST_CASE("gh pr view: one object, and a merge printed without mergedAt is a warning", "[github]") {
    const auto view = run_github(
        R"({"number": 12, "title": "Revert sign-in", "mergedAt": "2024-07-25T10:42:31Z", "author": {"login": "rc"}, "url": "https://github.com/o/r/pull/12"})");
    CHECK(view.diagnostics.empty());
    CHECK(test::ids(view) == std::vector<std::string>{"github:o/r/pull/12#merged"});

    const auto bare = run_github(
        "{\"state\": \"MERGED\",\n \"mergeCommit\": {\"oid\": \"9a8b7c6\"}, \"mergedBy\": {\"login\": \"m\"}, \"baseRefName\": \"main\"}");
    CHECK(bare.events.empty());
    CHECK(bare.diagnostics == std::vector<std::string>{"in.json:1:1: warning: merged pull request without `mergedAt` (add "
                                                       "it to --json); not emitted [github.incomplete]"});
    CHECK(bare.dropped.at("pull request without a merge time") == 1);
}

TEST_CASE("REST pull request: merged_by wins over user, repo from base.repo", "[github]") {
    const auto run = run_github(R"({"number": 7, "title": "Fix", "html_url": "https://github.com/a/b/pull/7",
 "merged_at": "2024-01-02T03:04:05Z", "merge_commit_sha": "abc", "user": {"login": "author"},
 "merged_by": {"login": "merger", "type": "User"}, "head": {"ref": "fix"}, "base": {"ref": "main", "repo": {"full_name": "a/b"}}}
{"number": 8, "title": "Open", "merged_at": null, "user": {"login": "author"}, "head": {}, "base": {"ref": "main"}}
)");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].id == "github:a/b/pull/7#merged");
    CHECK(run.events[0].actor.id == "merger");
    CHECK(run.events[0].change->ref == "main");
    CHECK(run.events[0].change->commit == "abc");
    CHECK(run.dropped.at("pull request not merged") == 1);
}

TEST_CASE("damaged records are diagnosed at the field and the rest is read", "[github]") {
    const auto run = run_github(R"([
 {"number": "x7", "mergedAt": "2024-01-02T03:04:05Z", "url": "https://github.com/a/b/pull/7"},
 {"number": 8, "mergedAt": "yesterday", "url": "https://github.com/a/b/pull/8"},
 {"number": 9, "mergedAt": "2024-01-02T03:04:05Z", "mergedBy": "someone", "url": "https://github.com/a/b/pull/9"},
 {"number": 10, "mergedAt": "2024-01-02T03:04:05Z", "url": "https://github.com/a/b/pull/10"}
])");
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "in.json:2:3: error: `number` is a string where a positive integer was expected; record skipped [github.bad-field]",
              "in.json:3:16: error: `mergedAt` holds `yesterday`, not an ISO 8601 time with an offset; record skipped "
              "[github.bad-time]",
              "in.json:4:52: error: `mergedBy` is a string where an object was expected; record skipped [github.bad-field]"});
    CHECK(test::ids(run) == std::vector<std::string>{"github:a/b/pull/10#merged"});
    CHECK(run.dropped.at("damaged record") == 3);

    // NDJSON: a broken line costs only itself.
    const auto broken = run_github(
        "{\"number\": 1, \"mergedAt\": \"2024-01-02T03:04:05Z\", \"url\": \"https://github.com/a/b/pull/1\"}\n"
        "{\"number\": 2, \"mergedAt\": }\n"
        "{\"number\": 3, \"mergedAt\": \"2024-01-02T03:04:05Z\", \"url\": \"https://github.com/a/b/pull/3\"}\n");
    CHECK(test::ids(broken) == std::vector<std::string>{"github:a/b/pull/1#merged", "github:a/b/pull/3#merged"});
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].starts_with("in.json:2:"));
    CHECK(broken.diagnostics[0].ends_with("[github.bad-json]"));
    CHECK(broken.dropped.at("damaged record") == 1);
}

TEST_CASE("deployment statuses: state to action, inactive and unknown states dropped", "[github]") {
    const auto run = run_github(R"([
 {"id": 1, "state": "success", "environment": "production", "created_at": "2024-07-25T11:42:00Z",
  "deployment_url": "https://api.github.com/repos/o/api/deployments/9", "repository_url": "https://api.github.com/repos/o/api",
  "creator": {"login": "rc"}, "description": "", "target_url": "https://ci/1"},
 {"id": 2, "state": "failure", "environment": "production", "created_at": "2024-07-25T11:40:00Z",
  "deployment_url": "https://api.github.com/repos/o/api/deployments/9", "repository_url": "https://api.github.com/repos/o/api"},
 {"id": 3, "state": "error", "created_at": "2024-07-25T11:39:00Z", "deployment_url": "https://api.github.com/repos/o/api/deployments/9"},
 {"id": 4, "state": "in_progress", "created_at": "2024-07-25T11:38:00Z", "deployment_url": "https://api.github.com/repos/o/api/deployments/9"},
 {"id": 5, "state": "inactive", "created_at": "2024-07-25T11:37:00Z", "deployment_url": "https://api.github.com/repos/o/api/deployments/8"},
 {"id": 6, "state": "exploded", "created_at": "2024-07-25T11:36:00Z", "deployment_url": "https://api.github.com/repos/o/api/deployments/8"},
 {"id": 7, "state": "success", "deployment_url": "https://api.github.com/repos/o/api/deployments/8"}
])");
    CHECK(test::texts_of(run) == std::vector<std::string>{"started deploying api", "deploy of api failed",
                                                          "deploy of api to production failed",
                                                          "deployed api to production"});
    CHECK(run.events[3].id == "github:o/api/deployments/9/statuses/1#deployed");
    CHECK(run.events[3].change->url == "https://ci/1");
    CHECK(run.events[3].actor.id == "rc");
    CHECK(run.dropped.at("deployment status inactive") == 1);
    CHECK(run.dropped.at("deployment status of unknown state") == 1);
    CHECK(run.dropped.at("deployment status without an id or time") == 1);
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "in.json:10:12: warning: deployment status `exploded` is none of success, failure, error, queued, pending, "
              "in_progress, inactive; not emitted [github.unknown-state]",
              "in.json:11:2: warning: deployment status without `id` or `created_at`; not emitted [github.incomplete]"});
}

TEST_CASE("a deployment is a deploy-started with its ref and commit", "[github]") {
    const auto run = run_github(R"([{"url": "https://api.github.com/repos/o/api/deployments/9", "id": 9, "sha": "0123456789abcdef0123456789abcdef01234567",
  "ref": "main", "task": "deploy", "environment": "staging", "description": "Deploy request", "creator": {"login": "ci-bot[bot]"},
  "created_at": "2024-07-25T11:30:00Z", "updated_at": "2024-07-25T11:42:00Z",
  "statuses_url": "https://api.github.com/repos/o/api/deployments/9/statuses", "repository_url": "https://api.github.com/repos/o/api"}])");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    const Event& e = run.events[0];
    CHECK(e.id == "github:o/api/deployments/9#deploy-started");
    CHECK(e.text == "started deploying api main to staging: Deploy request");
    CHECK(test::times(run) == std::vector<std::string>{"2024-07-25T11:30:00.000000Z"});
    CHECK(e.change->commit == "0123456789abcdef0123456789abcdef01234567");
    CHECK(e.flags.bot);
}

TEST_CASE("REST workflow runs: conclusions to actions, times by status, actor the triggering one", "[github]") {
    const auto run = run_github(R"({"total_count": 5, "workflow_runs": [
 {"id": 1, "name": "CI", "run_number": 40, "status": "completed", "conclusion": "failure", "head_branch": "main",
  "head_sha": "aaa", "created_at": "2024-07-25T11:00:00Z", "run_started_at": "2024-07-25T11:00:05Z",
  "updated_at": "2024-07-25T11:09:00Z", "html_url": "https://github.com/o/r/actions/runs/1",
  "actor": {"login": "a"}, "triggering_actor": {"login": "t"}, "repository": {"full_name": "o/r"}},
 {"id": 2, "name": "Deploy", "run_number": 41, "status": "in_progress", "conclusion": null,
  "created_at": "2024-07-25T11:10:00Z", "run_started_at": "2024-07-25T11:10:02Z", "updated_at": "2024-07-25T11:12:00Z",
  "html_url": "https://github.com/o/r/actions/runs/2", "actor": {"login": "a"}},
 {"id": 3, "name": "CI", "run_number": 42, "status": "completed", "conclusion": "cancelled",
  "updated_at": "2024-07-25T11:20:00Z", "html_url": "https://github.com/o/r/actions/runs/3"},
 {"id": 4, "name": "Lint", "run_number": 43, "status": "completed", "conclusion": "skipped",
  "updated_at": "2024-07-25T11:21:00Z", "html_url": "https://github.com/o/r/actions/runs/4"},
 {"id": 5, "display_title": "Fix typo", "run_number": 44, "status": "queued", "created_at": "2024-07-25T11:22:00Z",
  "html_url": "https://github.com/o/r/actions/runs/5"}
]})");
    CHECK(run.diagnostics.empty());
    CHECK(test::texts_of(run) == std::vector<std::string>{"run r#40 failed: CI", "started run r#41: Deploy",
                                                          "run r#42 failed: CI", "started run r#44: Fix typo"});
    CHECK(test::times(run) == std::vector<std::string>{"2024-07-25T11:09:00.000000Z", "2024-07-25T11:10:02.000000Z",
                                                       "2024-07-25T11:20:00.000000Z", "2024-07-25T11:22:00.000000Z"});
    CHECK(run.events[0].actor.id == "t");
    CHECK(run.events[1].actor.id == "a");
    CHECK(run.events[0].id == "github:o/r/actions/runs/1#run-failed");
    CHECK(run.dropped.at("workflow run skipped") == 1);
}

TEST_CASE("gh run list: the same runs in camelCase", "[github]") {
    const auto run = run_github(R"([
 {"databaseId": 4241, "workflowName": "CI", "name": "CI", "displayTitle": "Fix", "event": "push", "status": "completed",
  "conclusion": "success", "number": 7, "headBranch": "main", "headSha": "abc", "createdAt": "2024-07-25T11:00:00Z",
  "startedAt": "2024-07-25T11:00:00Z", "updatedAt": "2024-07-25T11:05:00Z", "url": "https://github.com/example/widgets/actions/runs/4241"},
 {"databaseId": 4242, "workflowName": "Deploy", "status": "completed", "conclusion": "timed_out",
  "updatedAt": "2024-07-25T11:30:00Z", "url": "https://github.com/example/widgets/actions/runs/4242"},
 {"databaseId": 4243, "workflowName": "Deploy", "status": "in_progress", "conclusion": "",
  "createdAt": "2024-07-25T11:31:00Z", "startedAt": "0001-01-01T00:00:00Z", "url": "https://github.com/example/widgets/actions/runs/4243"},
 {"databaseId": 4244, "workflowName": "Deploy", "status": "completed", "conclusion": "",
  "updatedAt": "2024-07-25T11:32:00Z", "url": "https://github.com/example/widgets/actions/runs/4244"}
])");
    CHECK(test::texts_of(run) == std::vector<std::string>{"run widgets#7 passed: CI", "run widgets failed: Deploy",
                                                          "started run widgets: Deploy"});
    CHECK(run.events[0].id == "github:example/widgets/actions/runs/4241#run-finished");
    CHECK(test::times(run)[2] == "2024-07-25T11:31:00.000000Z");  // gh's zero startedAt: createdAt
    CHECK(run.diagnostics ==
          std::vector<std::string>{"in.json:9:2: warning: workflow run of status `completed` and conclusion `` is "
                                   "neither running nor finished; not emitted [github.unknown-state]"});
}

TEST_CASE("releases: published ones are deployed at published_at, drafts dropped", "[github]") {
    const auto run = run_github(R"([
 {"url": "https://api.github.com/repos/o/lib/releases/1", "html_url": "https://github.com/o/lib/releases/tag/v1.2.0",
  "id": 1, "tag_name": "v1.2.0", "target_commitish": "main", "name": "1.2.0", "draft": false, "prerelease": false,
  "created_at": "2024-07-25T09:00:00Z", "published_at": "2024-07-25T09:05:00Z", "author": {"login": "rel"}, "assets": []},
 {"id": 2, "tag_name": "v1.3.0", "draft": true, "published_at": null, "url": "https://api.github.com/repos/o/lib/releases/2"}
]
{"tagName": "v1.2.0", "publishedAt": "2024-07-25T09:05:00Z", "isDraft": false, "name": "1.2.0",
 "url": "https://github.com/o/lib/releases/tag/v1.2.0", "author": {"login": "rel"}, "targetCommitish": "main"}
{"tagName": "v1.2.1", "publishedAt": "2024-07-26T09:05:00Z", "name": "1.2.1", "url": "https://github.com/o/lib/releases/tag/v1.2.1",
 "targetCommitish": "0123456789abcdef0123456789abcdef01234567"}
)");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 2);  // the gh copy of v1.2.0 is a duplicate
    CHECK(run.duplicates == 1);
    CHECK(run.events[1].id == "github:o/lib/releases/tag/v1.2.1#deployed");
    CHECK(run.events[1].change->commit == "0123456789abcdef0123456789abcdef01234567");
    CHECK(run.events[1].text == "deployed lib v1.2.1: 1.2.1");
    const Event& e = run.events[0];
    CHECK(e.id == "github:o/lib/releases/tag/v1.2.0#deployed");
    CHECK(e.text == "deployed lib v1.2.0: 1.2.0");
    CHECK(e.actor.id == "rel");
    CHECK(e.change->environment.empty());
    CHECK(e.change->commit.empty());  // `main` is no commit id
    CHECK(run.dropped.at("release not published") == 1);
}

TEST_CASE("gh api --paginate --slurp: an array of pages is read page by page", "[github]") {
    const auto run = run_github(R"([[{"number": 1, "mergedAt": "2024-01-02T03:04:05Z", "url": "https://github.com/a/b/pull/1"}],
[{"number": 2, "mergedAt": null, "url": "https://github.com/a/b/pull/2"}, {"number": 3, "mergedAt": "2024-01-03T03:04:05Z", "url": "https://github.com/a/b/pull/3"}]])");
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"github:a/b/pull/1#merged", "github:a/b/pull/3#merged"});
    CHECK(run.dropped.at("pull request not merged") == 1);
}

TEST_CASE("objects of no GitHub shape are one warning at the first, with a count", "[github]") {
    const auto run = run_github("[{\"a\": 1}, 3,\n {\"number\": 1, \"mergedAt\": \"2024-01-02T03:04:05Z\"}, {\"b\": 2}]");
    CHECK(test::ids(run) == std::vector<std::string>{"github:pull/1#merged"});
    CHECK(run.diagnostics == std::vector<std::string>{"in.json:1:2: warning: no GitHub pull request, deployment, "
                                                      "workflow run or release: 3 objects skipped (first here) "
                                                      "[github.unknown-shape]"});
    CHECK(run.dropped.at("github: unrecognised shape") == 3);
}

TEST_CASE("github detection: each form, and JSON that is not GitHub's", "[github]") {
    CHECK(test::github_score(R"([{"number": 1, "mergedAt": null}])") == 80);
    CHECK(test::github_score(R"({"databaseId": 1, "workflowName": "CI"})") == 80);
    CHECK(test::github_score("{\"tag_name\": \"v1\", \"published_at\": null}\n") == 80);
    CHECK(test::github_score(R"({"total_count": 0, "workflow_runs": []})") == 80);
    // A head cut inside one large document: a GitHub url and a key of these forms.
    CHECK(test::github_score(R"([{"url": "https://api.github.com/repos/o/r/pulls/1", "merged_at": "2024-)") == 60);
    CHECK(test::github_score(R"([{"url": "https://example.com/", "merged_at": "2024-)") == 0);
    CHECK(test::github_score(R"([{"ts": "1.2", "text": "merged https://github.com/o/r/pull/1"}])") == 0);
    CHECK(test::github_score(R"([[{"number": 1, "mergedAt": null}]])") == 80);
    CHECK(test::github_score("[]") == 0);
    CHECK(test::github_score("[[], [{\"number\": 1, \"mergedAt\": null}]]") == 0);
    CHECK(test::github_score("merged_at github.com/") == 0);
}

TEST_CASE("repository names from GitHub and GitHub Enterprise urls", "[github]") {
    const std::pair<std::string_view, std::string_view> table[] = {
        {"https://github.com/o/r/pull/1", "o/r"},
        {"https://api.github.com/repos/o/r", "o/r"},
        {"https://ghe.example.com/api/v3/repos/o/r/deployments/1", "o/r"},
        {"https://github.com/o/r?tab=readme", "o/r"},
        {"https://github.com/o", ""},
        {"https://github.com/o/", ""},
        {"not a url", ""},
    };
    for (const auto& [url, repo] : table) {
        INFO(url);
        CHECK(ingest::github::repo_from_url(url) == repo);
    }
}
