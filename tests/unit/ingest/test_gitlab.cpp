// GitLab change records (issue 17 item 2): merge requests, deployments, pipelines and jobs from the REST
// API, each record one change event for the state it is in; damage and unmerged records counted.
#include <catch2/catch.hpp>

#include "change_json_test_support.hpp"

using namespace retro;
using test::run_kind;

namespace {

// A small merge request as `/projects/:id/merge_requests` lists it.
std::string merge_request(std::string_view state, std::string_view merged_at) {
    return fmt::format(
        R"j({{"id":84,"iid":12,"project_id":3,"title":"Fix the\nlogin","state":"{}","merged_at":{},)j"
        R"j("updated_at":"2024-07-25T10:50:00Z","target_branch":"main","source_branch":"fix",)j"
        R"j("merge_commit_sha":"0123456789abcdef0123456789abcdef01234567",)j"
        R"j("merged_by":{{"username":"rc","name":"R C"}},"author":{{"username":"ge","name":"G E"}},)j"
        R"j("web_url":"https://gitlab.example.com/acme/web/api/-/merge_requests/12"}})j",
        state, merged_at);
}

}  // namespace

TEST_CASE("gitlab corpus: every gitlab4j sample reads to its one event", "[gitlab]") {
    const std::string dir = test::corpus_path("third-party/gitlab/");
    const auto run = test::run_sources({dir + "gitlab4j-merge-request.json", dir + "gitlab4j-deployment.json",
                                        dir + "gitlab4j-job.json", dir + "gitlab4j-pipeline.json"});
    CHECK(run.diagnostics.empty());
    CHECK(run.dropped.empty());
    CHECK(test::ids(run) == std::vector<std::string>{
                                "gitlab:foo/bar/jobs/7#run-failed",
                                "gitlab:deployments/42#deployed",
                                "gitlab:foo/bar/pipelines/46#run-finished",
                                "gitlab:my-group/my-project/mr/1#merged",
                            });
    CHECK(test::times(run) == std::vector<std::string>{"2015-12-24T17:54:27.895000Z", "2016-08-11T11:32:35.145000Z",
                                                       "2016-08-11T11:32:35.145000Z", "2016-12-03T17:23:34.000000Z"});
    CHECK(test::texts_of(run) == std::vector<std::string>{
                                     "run bar#7 failed: teaspoon",
                                     "deployed master to production: Merge branch 'rename-readme' into 'master'",
                                     "run bar#46 passed: Custom pipeline name",
                                     "merged my-project#1: test1",
                                 });
    for (const Event& e : run.events) {
        CHECK(e.source.kind == "gitlab");
        CHECK(e.source.medium == Medium::change);
        CHECK(e.change->system == "gitlab");
    }
    // The job: its project from web_url (the `project` object names another), the failing user.
    const Event& job = run.events[0];
    CHECK(job.change->repo == "foo/bar");
    CHECK(job.change->commit == "0ff3ae198f8601a285adcf5c0fff204ee6fba5fd");
    CHECK(job.change->url == "https://example.com/foo/bar/-/jobs/7");
    CHECK(job.actor.id == "root");
    CHECK(job.actor.name == "Administrator");
    // The deployment: no top-level status (the job's), the job's finish, no project path anywhere.
    const Event& deploy = run.events[1];
    CHECK(deploy.change->environment == "production");
    CHECK(deploy.change->repo.empty());
    CHECK(deploy.change->number == 0);  // the iid is in the id only
    CHECK(deploy.time_raw == "2016-08-11T11:32:35.145Z");
    // The merge request: merge_user wins over the deprecated merged_by; repo from references.full.
    const Event& mr = run.events[3];
    CHECK(mr.actor.id == "DouweM");
    CHECK(mr.actor.name == "Douwe Maan");
    CHECK(*mr.change == ChangeInfo{"gitlab", "my-group/my-project", "master", 1, ChangeAction::merged, "",
                                   "37a1f246848c3dc2bb82964a183417e2e72fe1a7", ""});
}

TEST_CASE("gitlab merge requests: merged at merged_at, unmerged dropped, merged without merged_at at updated_at",
          "[gitlab]") {
    auto run = run_kind(merge_request("merged", R"("2024-07-25T10:42:31.5+01:00")"), "gitlab");
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].id == "gitlab:acme/web/api/mr/12#merged");
    CHECK(format_utc(run.events[0].time) == "2024-07-25T09:42:31.500000Z");
    CHECK(run.events[0].text == "merged api#12: Fix the login");
    CHECK(run.events[0].actor.id == "rc");
    CHECK(run.events[0].change->url == "https://gitlab.example.com/acme/web/api/-/merge_requests/12");
    CHECK(run.events[0].change->commit == "0123456789abcdef0123456789abcdef01234567");

    run = run_kind(merge_request("merged", "null"), "gitlab");
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].time_raw == "2024-07-25T10:50:00Z");

    for (std::string_view state : {"opened", "closed", "locked"}) {
        run = run_kind(merge_request(state, "null"), "gitlab");
        CHECK(run.events.empty());
        CHECK(run.diagnostics.empty());
        CHECK(run.dropped.at("gitlab: merge request not merged") == 1);
    }
}

TEST_CASE("gitlab deployments: status to action, own status over the job's, times by action", "[gitlab]") {
    const auto deployment = [](std::string_view status) {
        return fmt::format(
            R"j({{"id":41,"iid":1,"ref":"main","sha":"99d03678b90d914dbb1b109132516d71a4a03ea8",)j"
            R"j("created_at":"2016-08-11T07:36:40.222Z","updated_at":"2016-08-11T07:38:12.414Z",{})j"
            R"j("environment":{{"name":"staging"}},"user":{{"username":"root"}},)j"
            R"j("deployable":{{"status":"success","started_at":"2016-08-11T07:36:30Z",)j"
            R"j("finished_at":"2016-08-11T07:36:39.851Z","pipeline":{{"web_url":"http://gitlab.dev/acme/api/pipelines/12"}}}}}})j",
            status.empty() ? "" : fmt::format(R"j("status":"{}",)j", status));
    };
    const std::vector<std::tuple<std::string_view, std::string, std::string>> table = {
        {"success", "gitlab:acme/api/deployments/1#deployed", "2016-08-11T07:36:39.851000Z"},
        {"", "gitlab:acme/api/deployments/1#deployed", "2016-08-11T07:36:39.851000Z"},
        {"failed", "gitlab:acme/api/deployments/1#deploy-failed", "2016-08-11T07:36:39.851000Z"},
        {"canceled", "gitlab:acme/api/deployments/1#deploy-failed", "2016-08-11T07:36:39.851000Z"},
        {"running", "gitlab:acme/api/deployments/1#deploy-started", "2016-08-11T07:36:30.000000Z"},
        {"created", "gitlab:acme/api/deployments/1#deploy-started", "2016-08-11T07:36:30.000000Z"},
    };
    for (const auto& [status, id, time] : table) {
        CAPTURE(status);
        const auto run = run_kind(deployment(status), "gitlab");
        REQUIRE(run.events.size() == 1);
        CHECK(run.events[0].id == id);
        CHECK(format_utc(run.events[0].time) == time);
        CHECK(run.events[0].change->environment == "staging");
    }
    const auto started = run_kind(deployment("running"), "gitlab");
    CHECK(started.events[0].text == "started deploying api main to staging");
    const auto blocked = run_kind(deployment("blocked"), "gitlab");
    CHECK(blocked.events.empty());
    CHECK(blocked.dropped.at("gitlab: deployment blocked or skipped") == 1);
    const auto odd = run_kind(deployment("paused"), "gitlab");
    CHECK(odd.diagnostics == std::vector<std::string>{
                                 "in.json:1:160: warning: deployment in status `paused`, which retro does not "
                                 "know; not emitted [gitlab.unknown-status]"});
    CHECK(odd.dropped.at("gitlab: unknown status") == 1);
}

TEST_CASE("gitlab pipelines and jobs: runs by status, NDJSON and arrays, times with fallbacks", "[gitlab]") {
    // A pipeline list (no finished_at: updated_at), a running one (started_at), a pending job (created_at),
    // a skipped one (dropped), a canceled pipeline (run-failed).
    const std::string input =
        R"j([{"id":7,"iid":3,"project_id":5,"status":"success","ref":"main","sha":"a","source":"push",)j"
        R"j("created_at":"2024-07-25T10:00:00Z","updated_at":"2024-07-25T10:05:00Z",)j"
        R"j("web_url":"https://gitlab.com/acme/api/-/pipelines/7"},)j"
        "\n"
        R"j({"id":8,"project_id":5,"status":"running","ref":"main","sha":"b","started_at":"2024-07-25T10:06:00Z",)j"
        R"j("created_at":"2024-07-25T10:05:30Z","updated_at":"2024-07-25T10:07:00Z"}])j"
        "\n"
        R"j({"id":90,"name":"rspec","stage":"test","status":"pending","ref":"main","created_at":"2024-07-25T10:08:00Z",)j"
        R"j("pipeline":{"id":8,"project_id":5},"web_url":"https://gitlab.com/acme/api/-/jobs/90"})j"
        "\n"
        R"j({"id":91,"name":"deploy","stage":"deploy","status":"manual","ref":"main","pipeline":{"id":8}})j"
        "\n"
        R"j({"id":9,"project_id":5,"status":"canceled","ref":"main","sha":"c","finished_at":"2024-07-25T10:09:00Z"})j"
        "\n";
    const auto run = run_kind(input, "gitlab");
    CHECK(run.diagnostics.empty());
    CHECK(test::ids(run) == std::vector<std::string>{
                                "gitlab:acme/api/pipelines/7#run-finished",
                                "gitlab:projects/5/pipelines/8#run-started",
                                "gitlab:acme/api/jobs/90#run-started",
                                "gitlab:projects/5/pipelines/9#run-failed",
                            });
    CHECK(test::times(run) == std::vector<std::string>{"2024-07-25T10:05:00.000000Z", "2024-07-25T10:06:00.000000Z",
                                                       "2024-07-25T10:08:00.000000Z", "2024-07-25T10:09:00.000000Z"});
    CHECK(run.events[1].source.line == 2);
    CHECK(run.events[2].text == "started run api#90: rspec");
    CHECK(run.events[3].text == "run #9 failed");
    CHECK(run.dropped.at("gitlab: run skipped, manual or canceling") == 1);
}

TEST_CASE("gitlab damage: bad times, wrong types, no time, bad JSON and foreign objects, the rest read",
          "[gitlab]") {
    const std::string input =
        R"j({"id":1,"project_id":5,"status":"success","ref":"main","sha":"a","finished_at":"yesterday"})j"
        "\n"
        R"j({"id":2,"project_id":5,"status":"success","ref":"main","sha":"a","finished_at":12})j"
        "\n"
        R"j({"id":3,"project_id":5,"status":"success","ref":"main","sha":"a"})j"
        "\n"
        R"j({"id":4,"project_id":5,"status":"success","ref":"main","sha":"a","name":["x"],"updated_at":"2024-07-25T10:00:00Z"})j"
        "\n"
        R"j({"id":5,"project_id":5,"status":)j"
        "\n"
        R"j({"hello":"world"})j"
        "\n"
        R"j({"id":6,"project_id":5,"status":"failed","ref":"main","sha":"a","updated_at":"2024-07-25T10:00:00Z"})j"
        "\n";
    const auto run = run_kind(input, "gitlab");
    CHECK(test::ids(run) == std::vector<std::string>{"gitlab:projects/5/pipelines/6#run-failed"});
    CHECK(run.diagnostics ==
          std::vector<std::string>{
              "in.json:1:66: error: `finished_at` holds `yesterday`, not an ISO 8601 time with an offset; record "
              "skipped [gitlab.bad-time]",
              "in.json:2:66: error: `finished_at` is a number where a time string was expected; record skipped "
              "[gitlab.bad-field]",
              "in.json:3:1: warning: pipeline carries no `finished_at`, `updated_at` or `created_at`; not emitted "
              "[gitlab.no-time]",
              "in.json:4:66: error: `name` is an array where a string was expected; record skipped [gitlab.bad-field]",
              "in.json:5:33: error: invalid JSON: unexpected end of input [gitlab.bad-json]",
              "in.json:6:1: warning: not a gitlab record: 1 value skipped (first here) [gitlab.unknown-shape]",
          });
    CHECK(run.dropped.at("gitlab: damaged record") == 3);
    CHECK(run.dropped.at("gitlab: record without a time") == 1);
    CHECK(run.dropped.at("gitlab: invalid JSON") == 1);
    CHECK(run.dropped.at("gitlab: unrecognised record") == 1);
}

TEST_CASE("gitlab detection: its samples at 90, no alert, Slack or other change file claimed", "[gitlab]") {
    CHECK(test::own_scores("gitlab", "third-party/gitlab") == std::vector<int>(4, 90));
    CHECK(test::foreign_files_claimed("gitlab", "/gitlab/").empty());
}
