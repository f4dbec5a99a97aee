// Builds and deploys a CI robot posted into chat ("experience-deploy-prod build #110 passed (main): <link>",
// GitHub Actions' "Workflow run … succeeded"): a robot's post linking one build of a CI system and saying how
// it went is a change record, as the CI system's own record of it would be.
#pragma once

#include <optional>
#include <string_view>

#include "retro/event.hpp"

namespace retro::ingest::changes {

// The change a robot's chat post describes: the first build link of Buildkite
// (`buildkite.com/ORG/PIPELINE/builds/N`), GitHub Actions (`github.com/OWNER/REPO/actions/runs/N`) or GitLab
// (`…/GROUP/PROJECT/-/pipelines/N`) in `text`, and a word saying how it went (passed, succeeded, failed,
// started, running, canceled…). A pipeline, workflow or post that says "deploy" is a deploy (deployed,
// deploy_failed, deploy_started), anything else a run (run_finished, run_failed, run_started). std::nullopt
// when the post has no such link or no such word.
std::optional<ChangeInfo> change_from_ci_post(std::string_view text);

}  // namespace retro::ingest::changes
