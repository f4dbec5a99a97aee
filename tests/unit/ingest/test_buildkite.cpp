// Buildkite builds (issue 17 item 2): REST builds, webhooks and EventBridge envelopes, one run event per
// build for the state it is in; damage and builds that never ran counted.
#include <catch2/catch.hpp>

#include "change_json_test_support.hpp"

using namespace retro;
using test::run_kind;

namespace {

std::string build(std::string_view state, std::string_view extra = "") {
    return fmt::format(
        R"j({{"id":"f62a","number":88,"state":"{}","commit":"HEAD","branch":"main","message":"Deploy api\n\nbody",)j"
        R"j("web_url":"https://buildkite.com/acme/api-deploy/builds/88","created_at":"2024-07-25T10:00:00Z",)j"
        R"j("scheduled_at":"2024-07-25T10:00:01Z","started_at":"2024-07-25T10:00:05Z",{})j"
        R"j("creator":{{"name":"R C","email":"rc@example.com"}},"pipeline":{{"slug":"api-deploy"}}}})j",
        state, extra);
}

}  // namespace

TEST_CASE("buildkite corpus: get-build, cancel-build and the EventBridge envelope", "[buildkite]") {
    const std::string dir = test::corpus_path("third-party/buildkite/");
    const auto run =
        test::run_sources({dir + "buildkite-docs-get-build.json", dir + "buildkite-docs-cancel-build.json",
                           dir + "buildkite-docs-eventbridge-build-finished.json"});
    CHECK(run.diagnostics.empty());
    CHECK(run.dropped.empty());
    CHECK(test::ids(run) == std::vector<std::string>{
                                "buildkite:my-great-org/great-pipeline/builds/1#run-failed",
                                "buildkite:my-great-org/great-pipeline/builds/2#run-finished",
                                "buildkite:my-org/my-pipeline/builds/123456#run-finished",
                            });
    CHECK(test::times(run) == std::vector<std::string>{"2015-05-09T21:05:59.874000Z", "2015-05-09T21:08:59.874000Z",
                                                       "2019-08-11T06:01:35.000000Z"});
    CHECK(test::texts_of(run) ==
          std::vector<std::string>{
              "run great-pipeline#1 failed: Bumping to version 0.2-beta.6",
              "run great-pipeline#2 passed: Bumping to version 0.2-beta.6",
              "run my-pipeline#123456 passed: Merge pull request #456 from my-org/chore/update-deps",
          });
    const Event& cancel = run.events[0];
    CHECK(cancel.actor.name == "Keith Pitt");
    CHECK(cancel.actor.email == "keith@buildkite.com");
    CHECK(*cancel.change == ChangeInfo{"buildkite", "my-great-org/great-pipeline", "main", 1,
                                       ChangeAction::run_failed, "", "abcd0b72a1e580e90712cdd9eb26d3fb41cd09c8",
                                       "https://buildkite.com/my-great-org/my-pipeline/builds/1"});
    // EventBridge: `YYYY-MM-DD hh:mm:ss UTC` times, the URL built from the organization and pipeline slugs.
    const Event& bridge = run.events[2];
    CHECK(bridge.time_raw == "2019-08-11 06:01:35 UTC");
    CHECK(bridge.change->url == "https://buildkite.com/my-org/my-pipeline/builds/123456");
    CHECK(bridge.change->commit == "5a741616cdf07dc87c5adafe784321eeeb639e33");
    CHECK(bridge.actor.empty());
}

TEST_CASE("buildkite states: action and time by state, HEAD is no commit, never-run builds dropped",
          "[buildkite]") {
    const std::vector<std::tuple<std::string_view, std::string_view, std::string, std::string>> table = {
        {"passed", R"j("finished_at":"2024-07-25T10:04:00Z",)j", "#run-finished", "2024-07-25T10:04:00.000000Z"},
        {"failed", R"j("finished_at":"2024-07-25T10:04:00Z",)j", "#run-failed", "2024-07-25T10:04:00.000000Z"},
        {"canceled", R"j("finished_at":"2024-07-25T10:04:00Z",)j", "#run-failed", "2024-07-25T10:04:00.000000Z"},
        {"running", "", "#run-started", "2024-07-25T10:00:05.000000Z"},
        {"failing", "", "#run-started", "2024-07-25T10:00:05.000000Z"},
        {"scheduled", "", "#run-started", "2024-07-25T10:00:05.000000Z"},
    };
    for (const auto& [state, extra, action, time] : table) {
        CAPTURE(state);
        const auto run = run_kind(build(state, extra), "buildkite");
        REQUIRE(run.events.size() == 1);
        CHECK(run.events[0].id == "buildkite:acme/api-deploy/builds/88" + action);
        CHECK(format_utc(run.events[0].time) == time);
        CHECK(run.events[0].change->commit.empty());
        CHECK(run.events[0].change->ref == "main");
    }
    CHECK(run_kind(build("running"), "buildkite").events[0].text == "started run api-deploy#88: Deploy api");
    for (std::string_view state : {"blocked", "skipped", "not_run", "canceling"}) {
        const auto run = run_kind(build(state), "buildkite");
        CHECK(run.events.empty());
        CHECK(run.dropped.at("buildkite: build blocked, skipped or canceling") == 1);
    }
    // A finished build without finished_at is not placed at its start.
    const auto run = run_kind(build("passed"), "buildkite");
    CHECK(run.events.empty());
    CHECK(run.diagnostics ==
          std::vector<std::string>{"in.json:1:1: warning: build carries no `finished_at`; not emitted [buildkite.no-time]"});
    CHECK(run.dropped.at("buildkite: record without a time") == 1);
}

TEST_CASE("buildkite webhooks: the build inside, the sender as actor when the build names no creator",
          "[buildkite]") {
    const std::string hook =
        R"j({"event":"build.finished","build":{"id":"b1","number":12,"state":"failed","commit":)j"
        R"j("0123456789abcdef0123456789abcdef01234567","branch":"main","message":"Bump",)j"
        R"j("finished_at":"2024-07-25T10:04:00Z","web_url":"https://buildkite.com/acme/api/builds/12"},)j"
        R"j("pipeline":{"slug":"api"},"sender":{"id":"u1","name":"G E"}})j";
    const auto run = run_kind(hook, "buildkite");
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].id == "buildkite:acme/api/builds/12#run-failed");
    CHECK(run.events[0].actor.name == "G E");
    CHECK(run.events[0].change->commit == "0123456789abcdef0123456789abcdef01234567");
}

TEST_CASE("buildkite EventBridge: a Build Running event naming no pipeline keeps the build's UUID", "[buildkite]") {
    const std::string event =
        R"j({"detail-type":"Build Running","source":"aws.partner/buildkite.com/acme/1","time":"2024-07-25T10:00:09Z",)j"
        R"j("detail":{"version":1,"build":{"uuid":"8fcaa7b9","number":7,"commit":"HEAD","branch":"main",)j"
        R"j("state":"running","started_at":"2024-07-25 10:00:05 UTC","finished_at":null}}})j";
    const auto run = run_kind(event, "buildkite");
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].id == "buildkite:builds/8fcaa7b9#run-started");
    CHECK(format_utc(run.events[0].time) == "2024-07-25T10:00:05.000000Z");
    CHECK(run.events[0].change->url.empty());
    CHECK(run.events[0].text == "started run #7");
}

TEST_CASE("buildkite damage: a bad time and an unknown state are reported where they are", "[buildkite]") {
    const std::string input = "[" + build("passed", R"j("finished_at":"2024-07-25 10:04",)j") + ",\n" +
                              build("exploded") + ",\n" + build("passed", R"j("finished_at":"2024-07-25T10:04:00Z",)j") +
                              "]";
    const auto run = run_kind(input, "buildkite");
    CHECK(test::ids(run) == std::vector<std::string>{"buildkite:acme/api-deploy/builds/88#run-finished"});
    CHECK(run.events[0].source.line == 3);
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "in.json:1:277: error: `finished_at` holds `2024-07-25 10:04`, not an ISO 8601 time with an offset; "
              "record skipped [buildkite.bad-time]",
              "in.json:2:26: warning: build in status `exploded`, which retro does not know; not emitted "
              "[buildkite.unknown-status]",
          });
}

TEST_CASE("buildkite detection: its samples at 90, no alert, Slack or other change file claimed", "[buildkite]") {
    CHECK(test::own_scores("buildkite", "third-party/buildkite") == std::vector<int>(3, 90));
    CHECK(test::foreign_files_claimed("buildkite", "/buildkite/").empty());
}
