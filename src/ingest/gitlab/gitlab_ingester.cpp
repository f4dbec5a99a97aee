// `gitlab`: GitLab REST API v4 records (docs.gitlab.com/ee/api/): merge requests
// (`/projects/:id/merge_requests`), deployments (`/projects/:id/deployments`), pipelines
// (`/projects/:id/pipelines`) and jobs (`/projects/:id/jobs`), as one object, an array or NDJSON. Each
// record gives one change event, for the state it is in (docs/sources/gitlab.md).
#include <array>

#include <fmt/format.h>

#include "ingest/changes/change_json.hpp"
#include "ingest/registry_rows.hpp"

namespace retro::ingest {
namespace {

using changes::ChangeOutcome;
using changes::ChangeRecord;
using changes::FieldReader;
using changes::StatusAction;

constexpr std::string_view kind = "gitlab";

bool has_key(json::Element obj, std::string_view key) {
    json::Object o;
    json::Element value;
    return !obj.get(o) && !o.at_key(key).get(value);
}

bool is_string(json::Element obj, std::string_view key) {
    return json::string_member(obj, key).has_value();
}

// ---- Shapes ----

bool is_merge_request(json::Element v) {
    return has_key(v, "iid") && is_string(v, "target_branch") && is_string(v, "source_branch") &&
           is_string(v, "state");
}

// GitHub's deployments name their environment as a string; GitLab's is an object.
bool is_deployment(json::Element v) {
    return has_key(v, "iid") && json::object_member(v, "environment") && has_key(v, "sha") && has_key(v, "ref");
}

bool is_job(json::Element v) {
    return json::object_member(v, "pipeline") && is_string(v, "stage") && is_string(v, "status") &&
           has_key(v, "name");
}

bool is_pipeline(json::Element v) {
    if (!has_key(v, "id") || !is_string(v, "status") || !has_key(v, "sha") || !has_key(v, "ref")) return false;
    if (has_key(v, "stage") || has_key(v, "environment")) return false;
    const auto url = json::string_member(v, "web_url");
    return has_key(v, "project_id") || (url && url->find("/pipelines/") != std::string_view::npos);
}

// ---- Fields ----

// `group/sub/project` from a GitLab page URL: what precedes `/-/` (the current form) or the last
// `/merge_requests/`, `/pipelines/`, `/jobs/` (older instances); empty when neither is there.
std::string project_from_url(std::string_view url) {
    std::string_view path = changes::url_path(url);
    if (path.empty()) return {};
    path.remove_prefix(1);
    std::size_t end = path.find("/-/");
    for (std::string_view page : {"/merge_requests/", "/pipelines/", "/jobs/", "/builds/"})
        if (end == std::string_view::npos) end = path.rfind(page);
    return end == std::string_view::npos ? std::string() : std::string(path.substr(0, end));
}

// The project's path from the first of `urls` (paths such as `.web_url`) that names one, else
// `project.path_with_namespace`.
std::string project_path(json::Element v, std::initializer_list<std::string_view> urls) {
    for (std::string_view url : urls)
        if (std::string project = project_from_url(alerts::string_at(v, url)); !project.empty()) return project;
    return std::string(alerts::string_at(v, ".project.path_with_namespace"));
}

// `<project>/<what>/<number>`; without a project path, `projects/<project_id>/…`, else `<what>/<id>`
// (ids are unique across an instance).
std::string native_id(json::Element v, const std::string& project, std::string_view what, std::uint64_t number) {
    if (!project.empty()) return fmt::format("{}/{}/{}", project, what, number);
    if (auto project_id = json::scalar_member_text(v, "project_id"))
        return fmt::format("projects/{}/{}/{}", *project_id, what, number);
    return fmt::format("{}/{}", what, json::scalar_member_text(v, "id").value_or("?"));
}

// The first of `keys` that holds a user object, as the actor.
Actor first_actor(FieldReader& r, json::Element v, std::string_view path, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
        const std::string user_path = fmt::format("{}{}", path, key);
        if (auto user = json::at_path(v, key); user && user->is_object()) return changes::actor_of(r, *user, user_path);
    }
    return {};
}

std::string commit_of(json::Element v, std::initializer_list<std::string_view> paths) {
    for (std::string_view path : paths)
        if (std::string_view sha = alerts::string_at(v, path); changes::is_commit_id(sha)) return std::string(sha);
    return {};
}

ChangeRecord new_record(std::string project, ChangeAction action) {
    ChangeRecord rec;
    rec.change.system = std::string(kind);
    rec.change.repo = std::move(project);
    rec.change.action = action;
    return rec;
}

// ---- Records ----

// A merge request is a change once merged: at `merged_at`, or, where an instance gives no `merged_at`
// but the state is `merged`, at `updated_at`.
ChangeOutcome read_merge_request(FieldReader& r, json::Element mr, std::string_view path) {
    const std::string_view state = r.string(mr, path, "state");
    const bool has_merged_at = json::member(mr, "merged_at").has_value();
    if (!has_merged_at && state != "merged") return {std::nullopt, "gitlab: merge request not merged"};
    ChangeRecord rec = new_record(project_path(mr, {".web_url"}), ChangeAction::merged);
    const std::string_view full = alerts::string_at(mr, ".references.full");  // `group/project!12`
    if (const std::size_t bang = full.rfind('!'); rec.change.repo.empty() && bang != std::string_view::npos)
        rec.change.repo = std::string(full.substr(0, bang));
    auto time = changes::read_first_time(r, mr, path, {has_merged_at ? ".merged_at" : ".updated_at"},
                                         "merged merge request", rec.time_raw);
    if (!time) return changes::dropped_without_time(r);
    rec.time = *time;
    rec.change.number = changes::positive_member(mr, "iid");
    rec.change.ref = std::string(r.string(mr, path, "target_branch"));
    rec.change.commit = commit_of(mr, {".merge_commit_sha", ".squash_commit_sha"});
    rec.change.url = std::string(r.string(mr, path, "web_url"));
    rec.native_id = native_id(mr, rec.change.repo, "mr", rec.change.number);
    rec.actor = first_actor(r, mr, path, {".merge_user", ".merged_by", ".author"});
    rec.title = std::string(r.string(mr, path, "title"));
    return {std::move(rec), {}};
}

constexpr StatusAction deployment_statuses[] = {
    {"success", ChangeAction::deployed},
    {"failed", ChangeAction::deploy_failed},
    {"canceled", ChangeAction::deploy_failed},
    {"running", ChangeAction::deploy_started},
    {"created", ChangeAction::deploy_started},
    {"blocked", std::nullopt, "deployment blocked or skipped"},
    {"skipped", std::nullopt, "deployment blocked or skipped"},
};

// The deployment's own `status` wins over its job's (the API's example has `created` over a `success` job).
ChangeOutcome read_deployment(FieldReader& r, json::Element d, std::string_view path) {
    const bool own_status = json::member(d, "status").has_value();
    const std::string_view status_path = own_status ? ".status" : ".deployable.status";
    ChangeOutcome outcome;
    const auto action = changes::action_for_status(r, deployment_statuses, alerts::string_at(d, status_path),
                                                   fmt::format("{}{}", path, status_path), "deployment", outcome);
    if (!action) return outcome;
    ChangeRecord rec = new_record(project_path(d, {".deployable.pipeline.web_url", ".deployable.web_url"}), *action);
    auto time = changes::read_action_time(r, d, path, *action, {".deployable.started_at", ".created_at"},
                                          {".finished_at", ".deployable.finished_at", ".updated_at", ".created_at"},
                                          "deployment", rec.time_raw);
    if (!time) return changes::dropped_without_time(r);
    rec.time = *time;
    rec.change.ref = std::string(r.string(d, path, "ref"));
    rec.change.commit = commit_of(d, {".sha", ".deployable.commit.id"});
    rec.change.environment = std::string(alerts::string_at(d, ".environment.name"));
    rec.change.url = std::string(alerts::string_at(d, ".deployable.web_url"));
    // The iid names the deployment in its id, not in `number`: a deployment is no MR or run a message
    // would call `#2`.
    rec.native_id = native_id(d, rec.change.repo, "deployments", changes::positive_member(d, "iid"));
    rec.actor = first_actor(r, d, path, {".user", ".deployable.user"});
    rec.title = std::string(changes::first_line(alerts::string_at(d, ".deployable.commit.title")));
    return {std::move(rec), {}};
}

// Pipelines and jobs share their statuses (Ci::HasStatus).
constexpr std::string_view not_run = "run skipped, manual or canceling";
constexpr StatusAction run_statuses[] = {
    {"success", ChangeAction::run_finished},
    {"failed", ChangeAction::run_failed},
    {"canceled", ChangeAction::run_failed},
    {"running", ChangeAction::run_started},
    {"pending", ChangeAction::run_started},
    {"created", ChangeAction::run_started},
    {"preparing", ChangeAction::run_started},
    {"waiting_for_resource", ChangeAction::run_started},
    {"waiting_for_callback", ChangeAction::run_started},
    {"scheduled", ChangeAction::run_started},
    {"skipped", std::nullopt, not_run},
    {"manual", std::nullopt, not_run},
    {"canceling", std::nullopt, not_run},
};

// A pipeline or a job (`what`): a run, started or ended by its status.
ChangeOutcome read_run(FieldReader& r, json::Element run, std::string_view path, std::string_view what) {
    ChangeOutcome outcome;
    const auto action = changes::action_for_status(r, run_statuses, r.string(run, path, "status"),
                                                   fmt::format("{}.status", path), what, outcome);
    if (!action) return outcome;
    ChangeRecord rec = new_record(project_path(run, {".web_url"}), *action);
    auto time = changes::read_action_time(r, run, path, *action, {".started_at", ".created_at", ".updated_at"},
                                          {".finished_at", ".updated_at", ".created_at"}, what, rec.time_raw);
    if (!time) return changes::dropped_without_time(r);
    rec.time = *time;
    rec.change.number = changes::positive_member(run, "id");
    rec.change.ref = std::string(r.string(run, path, "ref"));
    rec.change.commit = commit_of(run, {".sha", ".commit.id", ".pipeline.sha"});
    rec.change.url = std::string(r.string(run, path, "web_url"));
    rec.native_id = native_id(run, rec.change.repo, what == "job" ? "jobs" : "pipelines", rec.change.number);
    rec.actor = first_actor(r, run, path, {".user"});
    rec.title = std::string(r.string(run, path, "name"));
    return {std::move(rec), {}};
}

ChangeOutcome read_pipeline(FieldReader& r, json::Element v, std::string_view path) {
    return read_run(r, v, path, "pipeline");
}

ChangeOutcome read_job(FieldReader& r, json::Element v, std::string_view path) {
    return read_run(r, v, path, "job");
}

// Jobs before pipelines: a job carries a `pipeline` object and a `stage`.
constexpr changes::ChangeShape shapes[] = {
    {is_merge_request, read_merge_request},
    {is_deployment, read_deployment},
    {is_job, read_job},
    {is_pipeline, read_pipeline},
};
constexpr std::string_view markers[] = {R"("target_branch")", R"("source_branch")", R"("deployable")",
                                        R"("detailed_status")"};
constexpr changes::ChangeFamily family{kind, shapes, markers};

}  // namespace

const Ingester gitlab_ingester{kind, changes::detect_family<family>, changes::ingest_family<family>};

}  // namespace retro::ingest
