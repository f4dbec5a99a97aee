// A CI robot's chat post of a build or deploy is a change record (src/ingest/changes/ci_post.hpp).
#include <catch2/catch.hpp>

#include "ingest/changes/ci_post.hpp"

using namespace retro;
using retro::ingest::changes::change_from_ci_post;

TEST_CASE("a CI robot's post: the build link says which, a word says how it went", "[changes][ci-post]") {
    struct Row {
        const char* text;
        const char* system;
        const char* repo;
        std::uint64_t number;
        ChangeAction action;
    };
    const std::vector<Row> rows = {
        {"experience-deploy-prod build #110 passed (main): "
         "https://buildkite.com/wellcomecollection/experience-deploy-prod/builds/110",
         "buildkite", "experience-deploy-prod", 110, ChangeAction::deployed},
        {":x: Build #88 failed on catalogue-api (main) <https://buildkite.com/acme/catalogue-api/builds/88|#88>",
         "buildkite", "catalogue-api", 88, ChangeAction::run_failed},
        {"Workflow run CI started https://github.com/acme/web/actions/runs/9876543210", "github", "acme/web",
         9876543210, ChangeAction::run_started},
        {"Deploy to production succeeded: https://github.com/acme/web/actions/runs/12", "github", "acme/web", 12,
         ChangeAction::deployed},
        {"Pipeline #4521 has failed for deploy-prod https://gitlab.com/acme/shop/-/pipelines/4521 (deploy stage)",
         "gitlab", "shop", 4521, ChangeAction::deploy_failed},
    };
    for (const Row& row : rows) {
        SECTION(row.text) {
            auto c = change_from_ci_post(row.text);
            REQUIRE(c);
            CHECK(c->system == row.system);
            CHECK(c->repo == row.repo);
            CHECK(c->number == row.number);
            CHECK(c->action == row.action);
            CHECK(c->url.find(std::to_string(row.number)) != std::string::npos);
            CHECK(c->url.starts_with("https://"));
        }
    }
}

TEST_CASE("no build link, no outcome word, or a link that is no build: no change", "[changes][ci-post]") {
    for (const char* text : {
             "the build passed",                                               // no link
             "see https://buildkite.com/acme/web/builds/110",                  // no word of how it went
             "passed: https://buildkite.com/acme/web/pipelines",               // no build
             "passed: https://buildkite.com/acme/web/builds/abc",              // no number
             "passed: https://github.com/acme/web/pull/12",                    // a PR, not a run
             "failed https://buildkite.com/",                                  // cut short
             "passed https://github.com/actions/runs/",                        // no number
             "bypassed https://buildkite.com/acme/web/builds/1",               // a word holding "passed"
         }) {
        CAPTURE(text);
        CHECK_FALSE(change_from_ci_post(text));
    }
}
