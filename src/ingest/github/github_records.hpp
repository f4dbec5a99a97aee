// GitHub change records (docs/sources/github.md): what `gh pr list/view --json`, `gh run list --json`,
// `gh release view --json` and the REST API (pull requests, deployments and their statuses, Actions
// workflow runs, releases) print, one JSON object at a time, as `kind: change` events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/alerts/alert_context.hpp"
#include "ingest/changes/change_event.hpp"

namespace retro::ingest::github {

using alerts::AlertContext;
using alerts::FieldReader;
using alerts::JsonText;

inline constexpr std::string_view kind = "github";

// What one JSON object is, told by the keys each form always carries (a null value counts as present).
enum class Shape {
    none,
    gh_pull,            // gh pr list/view: camelCase (`mergedAt`, `baseRefName`…) or a `/pull/` url
    rest_pull,          // REST pull request: `number`, `base`, `head`
    deployment_status,  // REST deployment status: `deployment_url`, `state`
    deployment,         // REST deployment: `statuses_url` or `sha`, `ref`, `task`, `environment`
    rest_run,           // REST workflow run: `workflow_id`, or `run_number` and `head_sha`
    run_list,           // REST `{"total_count", "workflow_runs": [...]}`
    gh_run,             // gh run list/view: `databaseId` with a run field
    release,            // REST release (`tag_name`) or gh release view/list (`tagName`)
};
Shape shape_of(json::Element value);

// Each reads the object at `path` of `text`: at most one event to `ctx.sink`, otherwise a counted drop
// (and a `github.*` diagnostic at the field when the record is damaged). Never throws.
void read_gh_pull(json::Element pr, const JsonText& text, std::string_view path, AlertContext& ctx);
void read_rest_pull(json::Element pr, const JsonText& text, std::string_view path, AlertContext& ctx);
void read_deployment_status(json::Element status, const JsonText& text, std::string_view path, AlertContext& ctx);
void read_deployment(json::Element deployment, const JsonText& text, std::string_view path, AlertContext& ctx);
void read_rest_run(json::Element run, const JsonText& text, std::string_view path, AlertContext& ctx);
void read_gh_run(json::Element run, const JsonText& text, std::string_view path, AlertContext& ctx);
void read_release(json::Element release, const JsonText& text, std::string_view path, AlertContext& ctx);

// ---- shared by the readers (github_fields.cpp) ----

// True when `obj` has the member `key`, even null.
bool has_key(json::Element obj, std::string_view key);

// `OWNER/NAME` from `https://github.com/OWNER/NAME/…`, `https://api.github.com/repos/OWNER/NAME/…` or a
// GitHub Enterprise host's same forms; empty when the url names no repository.
std::string repo_from_url(std::string_view url);

// `repo/rest`, or `rest` alone when the repository is unknown: the native ids (`o/r/pull/12`).
std::string join_id(std::string_view repo, std::string_view rest);

// A string member with `\u0000` repaired (empty when absent or null; another type fails the record).
std::string text_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key);
// An id written as a string or a number, `\u0000` repaired (objects and arrays fail the record).
std::string id_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key);
// A positive integer member (a number or a decimal string); 0 when absent; anything else fails the record.
std::uint64_t number_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key);
// An ISO 8601 member; absent, null or Go's zero time `0001-01-01T00:00:00Z` (what gh prints for a time
// never set) is std::nullopt; unreadable fails the record.
std::optional<Instant> time_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key,
                                  std::string& raw);
// The first line of a commit message or description.
std::string first_line(std::string_view text);

// A user object (`user`, `merged_by`, `author`, `creator`, `actor`…): login as id, `name` when given, and
// whether it is a bot (`type: Bot`, `is_bot`, a `[bot]` login).
struct Person {
    Actor actor;
    bool bot = false;
    bool empty() const { return actor.empty(); }
};
Person person_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key);

// The first of `keys` holding a person.
template <class... Keys>
Person first_person(FieldReader& r, json::Element obj, std::string_view path, Keys... keys) {
    Person who;
    ((who.empty() ? (void)(who = person_field(r, obj, path, keys)) : (void)0), ...);
    return who;
}

// A record without the id or time it needs: a `github.incomplete` warning at `path`, and a drop.
void report_incomplete(FieldReader& r, std::string_view path, std::string message, std::string_view drop_reason);

// Sends the change event of `record` (system `github`) to the sink.
void emit_change(AlertContext& ctx, const JsonText& text, changes::ChangeRecord record, const Person& who);

}  // namespace retro::ingest::github
