// Reading change records from JSON (GitLab, Buildkite): the input is one object, an array of them, NDJSON
// or concatenated documents, told apart by io::JsonRecordReader; each object goes to the first of its
// family's shapes it has, which reads it into a ChangeRecord (or says why it is not an event).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ingest/alerts/alert_context.hpp"
#include "ingest/changes/change_event.hpp"

namespace retro::ingest::changes {

using alerts::FieldReader;

// What reading one object gave: a record, or the reason it is not an event (a ledger drop). An error
// reported through the reader skips the object whatever is returned.
struct ChangeOutcome {
    std::optional<ChangeRecord> record;
    std::string drop;
};

// One kind of record of a family (a merge request, a pipeline, a build…).
struct ChangeShape {
    bool (*matches)(json::Element value);
    // Reads an object that matches, found at `path` (`""`, `[3]`) of the reader's text.
    ChangeOutcome (*read)(FieldReader& reader, json::Element value, std::string_view path);
};

// A family: its kind (`gitlab`: events' source.kind, diagnostic prefix), its shapes in the order asked,
// and quoted keys that show it in a head whose first record is cut off.
struct ChangeFamily {
    std::string_view kind;
    std::span<const ChangeShape> shapes;
    std::span<const std::string_view> markers;
};

// Frames and reads a whole input; invalid JSON is `KIND.bad-json`, objects of no shape are one
// `KIND.unknown-shape` warning at the first of them, with their count, and a drop each.
void ingest_change_json(Input& input, const IngestContext& context, const ChangeFamily& family);

// Detection: 90 when the first object of the head (or of its top-level array) has one of the family's
// shapes; 60 when that record is cut off by the head size and a marker shows in it; else 0.
int detect_change_json(const Probe& probe, const ChangeFamily& family);

// A family's registry row functions: `Ingester{kind, detect_family<F>, ingest_family<F>}`.
template <const ChangeFamily& F>
int detect_family(const Probe& probe) {
    return detect_change_json(probe, F);
}
template <const ChangeFamily& F>
void ingest_family(Input& input, const IngestContext& context) {
    ingest_change_json(input, context, F);
}

// ---- Field helpers for the shapes ----

// The first of `keys` (member paths such as `.finished_at`, `.deployable.finished_at`) that is present
// and not null, as an ISO 8601 time with an offset or Buildkite's `2019-08-11 06:01:16 UTC`. Unreadable:
// an error `KIND.bad-time` and the record fails. None present: a warning `KIND.no-time` naming `what` and
// std::nullopt (the caller drops the record).
std::optional<Instant> read_first_time(FieldReader& reader, json::Element obj, std::string_view path,
                                       std::initializer_list<std::string_view> keys, std::string_view what,
                                       std::string& raw);

// read_first_time with `start_keys` for the actions that stand at the start of something (run-started,
// deploy-started), else `end_keys` (when it ended).
std::optional<Instant> read_action_time(FieldReader& reader, json::Element obj, std::string_view path,
                                        ChangeAction action, std::initializer_list<std::string_view> start_keys,
                                        std::initializer_list<std::string_view> end_keys, std::string_view what,
                                        std::string& raw);

// The outcome for a record without a usable time: `KIND: record without a time`.
ChangeOutcome dropped_without_time(const FieldReader& reader);

// A status the record may be in, and the action it gives (none: the record is dropped as `drop` says).
struct StatusAction {
    std::string_view status;
    std::optional<ChangeAction> action;
    std::string_view drop = {};
};

// The action of `status` (read from `path`) by `table`. A status listed without an action: std::nullopt
// and `outcome.drop` set; one not listed: a warning `KIND.unknown-status` naming `what`, and a drop.
std::optional<ChangeAction> action_for_status(FieldReader& reader, std::span<const StatusAction> table,
                                              std::string_view status, std::string_view path,
                                              std::string_view what, ChangeOutcome& outcome);

// A person from a user object: `username` (else `login`) as id, `name`, `email`.
Actor actor_of(FieldReader& reader, json::Element user, std::string_view path);

// A positive integer member (a number or a decimal string); 0 when absent, wrong or not positive.
std::uint64_t positive_member(json::Element obj, std::string_view key);

// The path of an http(s) URL without its scheme, host, query and fragment (`/group/project/-/jobs/7`);
// empty for anything else.
std::string_view url_path(std::string_view url);

// A full commit id (40 or 64 lowercase hex digits): `HEAD` and short ids are not.
bool is_commit_id(std::string_view text);

// The first line of a message, trailing `\r` and blanks removed.
std::string_view first_line(std::string_view text);

}  // namespace retro::ingest::changes
