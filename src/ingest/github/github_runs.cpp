// Actions workflow runs: REST (GET /repos/{owner}/{repo}/actions/runs, one run or the
// `{"total_count", "workflow_runs": [...]}` page) and `gh run list/view --json`. A completed run is
// run-finished (`success`, `neutral`) or run-failed (`failure`, `timed_out`, `cancelled`,
// `startup_failure`) at its completion: the API gives no completion time, so `updated_at` (`updatedAt`),
// the last change of a run that no longer changes. A run not yet completed is run-started at
// `run_started_at` (`startedAt`), else `created_at`. `skipped`, `action_required` and `stale` runs did not
// run and are dropped.
#include <fmt/format.h>

#include "ingest/github/github_records.hpp"

namespace retro::ingest::github {
namespace {

// The member names of one form.
struct RunKeys {
    std::string_view id, number, workflow, workflow_alt, title, branch, sha, url, created, started, updated;
};

constexpr RunKeys rest_keys{"id",          "run_number", "name",       "",           "display_title", "head_branch",
                            "head_sha",    "html_url",   "created_at", "run_started_at", "updated_at"};
constexpr RunKeys gh_keys{"databaseId", "number", "workflowName", "name",      "displayTitle", "headBranch",
                          "headSha",    "url",    "createdAt",    "startedAt", "updatedAt"};

// What a run's status and conclusion make of it: an action, or a drop reason (empty: unknown).
struct RunOutcome {
    std::optional<ChangeAction> action;
    std::string_view dropped;
};

RunOutcome outcome_of(std::string_view status, std::string_view conclusion) {
    for (std::string_view s : {"requested", "queued", "in_progress", "waiting", "pending"})
        if (status == s) return {ChangeAction::run_started, {}};
    if (status != "completed") return {};
    for (std::string_view c : {"success", "neutral"})
        if (conclusion == c) return {ChangeAction::run_finished, {}};
    for (std::string_view c : {"failure", "timed_out", "cancelled", "startup_failure"})
        if (conclusion == c) return {ChangeAction::run_failed, {}};
    if (conclusion == "skipped") return {std::nullopt, "workflow run skipped"};
    if (conclusion == "action_required") return {std::nullopt, "workflow run awaiting approval"};
    if (conclusion == "stale") return {std::nullopt, "workflow run stale"};
    return {};
}

void read_run(json::Element run, const JsonText& text, std::string_view path, AlertContext& ctx,
              const RunKeys& keys) {
    FieldReader r(ctx, text, kind);
    changes::ChangeRecord record;
    const std::string status = text_field(r, run, path, "status");
    const std::string conclusion = text_field(r, run, path, "conclusion");
    const RunOutcome outcome = outcome_of(status, conclusion);
    std::optional<Instant> time;
    if (outcome.action == ChangeAction::run_started) {
        time = time_field(r, run, path, keys.started, record.time_raw);
        if (!time) time = time_field(r, run, path, keys.created, record.time_raw);
    } else {
        time = time_field(r, run, path, keys.updated, record.time_raw);
    }
    const std::string id = id_field(r, run, path, keys.id);
    record.change.number = number_field(r, run, path, keys.number);
    record.change.ref = text_field(r, run, path, keys.branch);
    record.change.commit = text_field(r, run, path, keys.sha);
    record.change.url = text_field(r, run, path, keys.url);
    record.title = text_field(r, run, path, keys.workflow);
    if (record.title.empty() && !keys.workflow_alt.empty()) record.title = text_field(r, run, path, keys.workflow_alt);
    if (record.title.empty()) record.title = text_field(r, run, path, keys.title);
    if (auto repo = r.object(run, path, "repository"))
        record.change.repo = text_field(r, *repo, alerts::member_path(path, "repository"), "full_name");
    if (record.change.repo.empty()) record.change.repo = repo_from_url(record.change.url);
    // 2020 payloads have no `name` or `display_title`: the head commit's subject says what ran.
    if (auto commit = r.object(run, path, "head_commit"); commit && record.title.empty())
        record.title = first_line(text_field(r, *commit, alerts::member_path(path, "head_commit"), "message"));
    const Person who = first_person(r, run, path, "triggering_actor", "actor");
    if (r.failed()) return ctx.sink.drop("damaged record");

    if (!outcome.action && !outcome.dropped.empty()) return ctx.sink.drop(outcome.dropped);
    if (!outcome.action) {
        r.report(Severity::warning, "unknown-state", path,
                 fmt::format("workflow run of status `{}` and conclusion `{}` is neither running nor finished; "
                             "not emitted",
                             status, conclusion));
        return ctx.sink.drop("workflow run of unknown state");
    }
    if (id.empty() || !time) {
        const bool started = outcome.action == ChangeAction::run_started;
        const std::string when = started ? fmt::format("`{}` or `{}`", keys.started, keys.created)
                                         : fmt::format("`{}`", keys.updated);
        return report_incomplete(r, path, fmt::format("workflow run without `{}` or {}; not emitted", keys.id, when),
                                 "workflow run without an id or time");
    }
    record.change.action = *outcome.action;
    record.time = *time;
    record.native_id = join_id(record.change.repo, fmt::format("actions/runs/{}", id));
    emit_change(ctx, text, std::move(record), who);
}

}  // namespace

void read_rest_run(json::Element run, const JsonText& text, std::string_view path, AlertContext& ctx) {
    read_run(run, text, path, ctx, rest_keys);
}

void read_gh_run(json::Element run, const JsonText& text, std::string_view path, AlertContext& ctx) {
    read_run(run, text, path, ctx, gh_keys);
}

}  // namespace retro::ingest::github
