// Deployments (REST GET /repos/{owner}/{repo}/deployments) and their statuses
// (GET …/deployments/{id}/statuses). A status says how a deployment went: `success` → deployed,
// `failure`/`error` → deploy-failed, `queued`/`pending`/`in_progress` → deploy-started, at its
// `created_at` (a status is never edited; `updated_at` only where `created_at` is absent); `inactive` (an
// older deployment superseded) is no change and is dropped. A deployment itself is the request to
// deploy: deploy-started at its `created_at`, with the ref and commit the statuses do not repeat.
#include <fmt/format.h>

#include "ingest/github/github_records.hpp"

namespace retro::ingest::github {
namespace {

struct StateAction {
    std::string_view state;
    std::optional<ChangeAction> action;  // none: dropped
};

constexpr StateAction state_actions[] = {
    {"success", ChangeAction::deployed},        {"failure", ChangeAction::deploy_failed},
    {"error", ChangeAction::deploy_failed},     {"queued", ChangeAction::deploy_started},
    {"pending", ChangeAction::deploy_started},  {"in_progress", ChangeAction::deploy_started},
    {"inactive", std::nullopt},
};

// `created_at`, else `updated_at`.
std::optional<Instant> created_or_updated(FieldReader& r, json::Element obj, std::string_view path,
                                          std::string& raw) {
    auto time = time_field(r, obj, path, "created_at", raw);
    return time ? time : time_field(r, obj, path, "updated_at", raw);
}

// The repository from `repository_url`, else from the API `url`, else (a status) from `deployment_url`.
std::string repo_of(FieldReader& r, json::Element obj, std::string_view path) {
    for (std::string_view key : {"repository_url", "url", "deployment_url"})
        if (std::string repo = repo_from_url(text_field(r, obj, path, key)); !repo.empty()) return repo;
    return {};
}

// The last path component of a url (`…/deployments/263877258` → `263877258`).
std::string_view last_component(std::string_view url) {
    const std::size_t slash = url.rfind('/');
    return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

}  // namespace

void read_deployment_status(json::Element status, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, kind);
    changes::ChangeRecord record;
    auto time = created_or_updated(r, status, path, record.time_raw);
    const std::string id = id_field(r, status, path, "id");
    const std::string state = text_field(r, status, path, "state");
    const std::string deployment_url = text_field(r, status, path, "deployment_url");
    record.change.repo = repo_of(r, status, path);
    record.change.environment = text_field(r, status, path, "environment");
    record.title = text_field(r, status, path, "description");
    record.change.url = text_field(r, status, path, "log_url");
    if (record.change.url.empty()) record.change.url = text_field(r, status, path, "target_url");
    const Person who = first_person(r, status, path, "creator");
    if (r.failed()) return ctx.sink.drop("damaged record");

    const StateAction* known = nullptr;
    for (const StateAction& row : state_actions)
        if (row.state == state) known = &row;
    if (!known) {
        r.report(Severity::warning, "unknown-state", alerts::member_path(path, "state"),
                 fmt::format("deployment status `{}` is none of success, failure, error, queued, pending, "
                             "in_progress, inactive; not emitted",
                             state));
        return ctx.sink.drop("deployment status of unknown state");
    }
    if (!known->action) return ctx.sink.drop("deployment status inactive");
    if (id.empty() || !time)
        return report_incomplete(r, path, "deployment status without `id` or `created_at`; not emitted",
                                 "deployment status without an id or time");
    record.change.action = *known->action;
    record.time = *time;
    const std::string deployment = deployment_url.empty() ? std::string() : std::string(last_component(deployment_url));
    record.native_id = join_id(record.change.repo, deployment.empty() ? fmt::format("deployments/statuses/{}", id)
                                                                      : fmt::format("deployments/{}/statuses/{}",
                                                                                    deployment, id));
    emit_change(ctx, text, std::move(record), who);
}

void read_deployment(json::Element deployment, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, kind);
    changes::ChangeRecord record;
    record.change.action = ChangeAction::deploy_started;
    auto time = created_or_updated(r, deployment, path, record.time_raw);
    const std::string id = id_field(r, deployment, path, "id");
    record.change.repo = repo_of(r, deployment, path);
    record.change.ref = text_field(r, deployment, path, "ref");
    record.change.commit = text_field(r, deployment, path, "sha");
    record.change.environment = text_field(r, deployment, path, "environment");
    record.title = text_field(r, deployment, path, "description");
    const Person who = first_person(r, deployment, path, "creator");
    if (r.failed()) return ctx.sink.drop("damaged record");
    if (id.empty() || !time)
        return report_incomplete(r, path, "deployment without `id` or `created_at`; not emitted",
                                 "deployment without an id or time");
    record.time = *time;
    record.native_id = join_id(record.change.repo, fmt::format("deployments/{}", id));
    emit_change(ctx, text, std::move(record), who);
}

}  // namespace retro::ingest::github
