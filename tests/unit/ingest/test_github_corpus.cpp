// Every real GitHub sample under ../shared/corpus/third-party/github/, read through detection to the
// events it holds (third-party/SOURCES.md says what each holds).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "github_test_support.hpp"

using namespace retro;
using test::run_sources;

namespace {

std::string github_sample(std::string_view name) {
    return test::corpus_path("third-party/github/" + std::string(name));
}

}  // namespace

TEST_CASE("github corpus: closed pull requests (REST, 2012) are three merges by their author", "[github]") {
    const auto run = run_sources({github_sample("pygithub-pulls-state-closed.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{"github:PyGithub/PyGithub/pull/31#merged",
                                                     "github:PyGithub/PyGithub/pull/32#merged",
                                                     "github:PyGithub/PyGithub/pull/39#merged"});
    CHECK(test::times(run) ==
          std::vector<std::string>{"2012-05-27T10:29:07.000000Z", "2012-05-27T11:03:53.000000Z", "2012-05-29T18:07:54.000000Z"});
    const Event& last = run.events[2];
    CHECK(last.kind == EventKind::change);
    CHECK(last.source.kind == "github");
    CHECK(last.source.medium == Medium::change);
    CHECK(last.actor.id == "jacquev6");  // no merged_by in a list response: the author
    CHECK(last.text == "merged PyGithub#39: Pull request to be merged by PyGithub with a custom commit message");
    CHECK(last.time_raw == "2012-05-29T18:07:54Z");
    REQUIRE(last.change);
    CHECK(last.change->system == "github");
    CHECK(last.change->repo == "PyGithub/PyGithub");
    CHECK(last.change->ref == "topic/RewriteWithGeneratedCode");
    CHECK(last.change->number == 39);
    CHECK(last.change->action == ChangeAction::merged);
    CHECK(last.change->url == "https://github.com/PyGithub/PyGithub/pull/39");
    CHECK(last.change->commit.empty());  // the 2012 payload has no merge_commit_sha
}

TEST_CASE("github corpus: three queued deployment statuses are three deploy-started", "[github]") {
    const auto run = run_sources({github_sample("pygithub-deployment-statuses.json")});
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) ==
          std::vector<std::string>{"github:jacquev6/PyGithub/deployments/263877258/statuses/388432880#deploy-started",
                                   "github:jacquev6/PyGithub/deployments/263877258/statuses/388433743#deploy-started",
                                   "github:jacquev6/PyGithub/deployments/263877258/statuses/388454671#deploy-started"});
    CHECK(test::times(run) ==
          std::vector<std::string>{"2020-08-26T13:55:06.000000Z", "2020-08-26T13:56:31.000000Z", "2020-08-26T14:32:51.000000Z"});
    const Event& e = run.events[0];
    CHECK(e.actor.id == "jacquev6");
    CHECK(e.text == "started deploying PyGithub to test: Deployment queued");
    REQUIRE(e.change);
    CHECK(e.change->environment == "test");
    CHECK(e.change->repo == "jacquev6/PyGithub");
    CHECK(e.change->url == "https://example.com/deployment.log");
}

TEST_CASE("github corpus: a page of five successful workflow runs (2020) finish at updated_at", "[github]") {
    const auto run = run_sources({github_sample("pygithub-actions-runs.json")});
    CHECK(run.diagnostics.empty());
    CHECK(run.events.size() == 5);
    CHECK(test::times(run) == std::vector<std::string>{"2020-05-20T10:27:13.000000Z", "2020-05-20T10:37:17.000000Z",
                                                       "2020-05-21T00:01:23.000000Z", "2020-05-21T00:01:38.000000Z",
                                                       "2020-05-21T00:02:14.000000Z"});
    const Event& newest = run.events[4];
    CHECK(newest.id == "github:PyGithub/PyGithub/actions/runs/110932306#run-finished");
    // No `name` in 2020: the head commit's subject names the run; no actor field either.
    CHECK(newest.text == "run PyGithub#122 passed: Remove RateLimit.rate (#1529)");
    CHECK(newest.actor.empty());
    REQUIRE(newest.change);
    CHECK(newest.change->ref == "master");
    CHECK(newest.change->commit == "7abf600480089550b4224aa97004367c2fa25b38");
    CHECK(newest.change->url == "https://github.com/PyGithub/PyGithub/actions/runs/110932306");
    CHECK(run.events[0].change->ref == "pullrequestreview-no-url");
}

TEST_CASE("github detection claims no other corpus file (alerts, Slack, mail, other change sources)", "[github]") {
    namespace fs = std::filesystem;
    std::size_t seen = 0;
    for (const char* folder : {"alerts", "third-party", "slack"}) {
        for (const auto& entry : fs::recursive_directory_iterator(test::corpus_path(folder))) {
            if (!entry.is_regular_file() || entry.path().parent_path().filename() == "github") continue;
            std::string head = test::read_file(entry.path().string());
            head.resize(std::min<std::size_t>(head.size(), 64 * 1024));
            INFO(entry.path().string());
            CHECK(test::github_score(head, entry.path().string()) == 0);
            ++seen;
        }
    }
    CHECK(seen > 100);
}
