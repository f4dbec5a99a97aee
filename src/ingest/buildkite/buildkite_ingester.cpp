// `buildkite`: Buildkite builds (buildkite.com/docs/apis/rest-api/builds) as the REST API gives them (one
// build, or the array of a list), inside a webhook (`{"event": "build.finished", "build": …}`) or inside
// an Amazon EventBridge event (`"detail-type": "Build Finished"`, `detail.build`). One run event per build,
// for the state it is in (docs/sources/buildkite.md).
#include <fmt/format.h>

#include "ingest/changes/change_json.hpp"
#include "ingest/registry_rows.hpp"

namespace retro::ingest {
namespace {

using changes::ChangeOutcome;
using changes::ChangeRecord;
using changes::FieldReader;
using changes::StatusAction;

constexpr std::string_view kind = "buildkite";

// ---- Shapes ----

bool is_build(json::Element v) {
    if (!json::member(v, "number") || !json::string_member(v, "state")) return false;
    json::Object o;
    json::Element value;
    if (v.get(o) || o.at_key("commit").get(value) || o.at_key("branch").get(value)) return false;
    const auto url = json::string_member(v, "web_url");
    return json::object_member(v, "pipeline") || (url && url->find("buildkite.com/") != std::string_view::npos);
}

bool is_webhook(json::Element v) {
    const auto event = json::string_member(v, "event");
    return event && event->starts_with("build.") && json::object_member(v, "build");
}

bool is_eventbridge(json::Element v) {
    const auto type = json::string_member(v, "detail-type");
    return type && type->starts_with("Build ") && json::at_path(v, ".detail.build") &&
           json::at_path(v, ".detail.build")->is_object();
}

// ---- Builds ----

constexpr std::string_view not_run = "build blocked, skipped or canceling";
constexpr StatusAction build_states[] = {
    {"passed", ChangeAction::run_finished},
    {"failed", ChangeAction::run_failed},
    {"canceled", ChangeAction::run_failed},
    {"running", ChangeAction::run_started},
    {"scheduled", ChangeAction::run_started},
    {"creating", ChangeAction::run_started},
    {"waiting", ChangeAction::run_started},
    {"failing", ChangeAction::run_started},
    {"blocked", std::nullopt, not_run},
    {"skipped", std::nullopt, not_run},
    {"not_run", std::nullopt, not_run},
    {"canceling", std::nullopt, not_run},
};

// Where a build sits: its organization and pipeline slugs, from the envelope or the build's URLs
// (`https://buildkite.com/ORG/PIPELINE/builds/N`, `https://api.buildkite.com/v2/organizations/ORG/…`).
struct BuildPlace {
    std::string org, pipeline;
};

BuildPlace place_of(json::Element build, std::optional<json::Element> pipeline, std::string_view org) {
    BuildPlace place{std::string(org), pipeline ? std::string(alerts::string_at(*pipeline, ".slug")) : ""};
    std::string_view web = changes::url_path(alerts::string_at(build, ".web_url"));
    if (!web.empty()) web.remove_prefix(1);
    const std::size_t slash = web.find('/');
    if (place.org.empty() && slash != std::string_view::npos) place.org = std::string(web.substr(0, slash));
    if (place.pipeline.empty() && slash != std::string_view::npos) {
        const std::string_view rest = web.substr(slash + 1);
        place.pipeline = std::string(rest.substr(0, rest.find('/')));
    }
    if (place.org.empty()) {
        std::string_view api = changes::url_path(alerts::string_at(build, ".url"));
        constexpr std::string_view orgs = "/organizations/";
        if (const std::size_t at = api.find(orgs); at != std::string_view::npos) {
            api.remove_prefix(at + orgs.size());
            place.org = std::string(api.substr(0, api.find('/')));
        }
    }
    return place;
}

// One build at `path`; `pipeline` and `org` from its envelope when it has one.
ChangeOutcome read_build(FieldReader& r, json::Element build, std::string_view path,
                         std::optional<json::Element> pipeline, std::string_view org) {
    ChangeOutcome outcome;
    const auto action = changes::action_for_status(r, build_states, r.string(build, path, "state"),
                                                   fmt::format("{}.state", path), "build", outcome);
    if (!action) return outcome;
    if (!pipeline) pipeline = alerts::object_element(build, "pipeline");
    const BuildPlace place = place_of(build, pipeline, org);
    ChangeRecord rec;
    rec.change.system = std::string(kind);
    rec.change.action = *action;
    rec.change.repo = place.org.empty() || place.pipeline.empty() ? place.pipeline
                                                                  : fmt::format("{}/{}", place.org, place.pipeline);
    auto time = changes::read_action_time(r, build, path, *action, {".started_at", ".scheduled_at", ".created_at"},
                                          {".finished_at"}, "build", rec.time_raw);
    if (!time) return changes::dropped_without_time(r);
    rec.time = *time;
    rec.change.number = changes::positive_member(build, "number");
    rec.change.ref = std::string(r.string(build, path, "branch"));
    if (const std::string_view commit = r.string(build, path, "commit"); changes::is_commit_id(commit))
        rec.change.commit = std::string(commit);
    rec.change.url = std::string(r.string(build, path, "web_url"));
    if (rec.change.url.empty() && !place.org.empty() && !place.pipeline.empty() && rec.change.number)
        rec.change.url =
            fmt::format("https://buildkite.com/{}/{}/builds/{}", place.org, place.pipeline, rec.change.number);
    // Without a pipeline, the build's own UUID (`id` in REST, `uuid` in EventBridge), unique across Buildkite.
    if (rec.change.repo.empty() || !rec.change.number) {
        const std::string id = r.scalar(build, path, "id");
        rec.native_id = fmt::format("builds/{}", id.empty() ? r.scalar(build, path, "uuid") : id);
    } else {
        rec.native_id = fmt::format("{}/builds/{}", rec.change.repo, rec.change.number);
    }
    const std::string creator_path = fmt::format("{}.creator", path);
    if (auto creator = r.object(build, path, "creator")) rec.actor = changes::actor_of(r, *creator, creator_path);
    rec.title = std::string(changes::first_line(r.string(build, path, "message")));
    return {std::move(rec), {}};
}

ChangeOutcome read_rest_build(FieldReader& r, json::Element v, std::string_view path) {
    return read_build(r, v, path, std::nullopt, {});
}

ChangeOutcome read_webhook(FieldReader& r, json::Element v, std::string_view path) {
    ChangeOutcome outcome = read_build(r, *json::member(v, "build"), fmt::format("{}.build", path),
                                       alerts::object_element(v, "pipeline"), {});
    // The build's creator, else the webhook's sender (who triggered the delivery).
    const std::string sender_path = fmt::format("{}.sender", path);
    if (auto sender = r.object(v, path, "sender"); outcome.record && outcome.record->actor.empty() && sender)
        outcome.record->actor = changes::actor_of(r, *sender, sender_path);
    return outcome;
}

ChangeOutcome read_eventbridge(FieldReader& r, json::Element v, std::string_view path) {
    const json::Element detail = *json::member(v, "detail");
    return read_build(r, *json::member(detail, "build"), fmt::format("{}.detail.build", path),
                      alerts::object_element(detail, "pipeline"), alerts::string_at(detail, ".organization.slug"));
}

constexpr changes::ChangeShape shapes[] = {
    {is_eventbridge, read_eventbridge},
    {is_webhook, read_webhook},
    {is_build, read_rest_build},
};
constexpr std::string_view markers[] = {"api.buildkite.com/v2/organizations/", "aws.partner/buildkite.com"};
constexpr changes::ChangeFamily family{kind, shapes, markers};

}  // namespace

const Ingester buildkite_ingester{kind, changes::detect_family<family>, changes::ingest_family<family>};

}  // namespace retro::ingest
