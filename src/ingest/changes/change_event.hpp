// What every change source (GitHub, GitLab, Buildkite, Argo CD, Kubernetes, git) builds the same way: a
// `kind: change` event from one record, with the one-line summary the timeline shows.
#pragma once

#include <string>
#include <string_view>

#include "retro/diagnostic.hpp"
#include "retro/event.hpp"

namespace retro::ingest::changes {

// One change record as its source read it.
struct ChangeRecord {
    std::string native_id;  // the source's own id of the record (PR node, deployment status, build…)
    Instant time{};
    std::string time_raw;   // the time as written
    Actor actor;            // who merged or triggered it
    ChangeInfo change;
    std::string title;      // PR/MR title, commit subject, pipeline or workflow name; may be empty
};

// `text` as one line: newlines, tabs and runs of spaces as one space, ends trimmed, invalid UTF-8 repaired.
std::string one_line(std::string_view text);

// `repo#12` with the repository's last path component (`wellcomecollection.org#6583`), or that component
// alone when there is no number.
std::string change_subject(const ChangeInfo& change);

// The line a person reads: `merged wellcomecollection.org#6583: Cardigan …`, `deployed api abc1234 to
// production`, `run ci #88 failed: Build`…
std::string change_summary(const ChangeInfo& change, std::string_view title);

// The event: id `KIND:<native id>#<action>` (one record can give several actions), source kind and medium
// `change`, origin and line as given, text the summary (title with newlines folded to spaces).
Event change_event(std::string_view kind, const Origin& origin, std::uint64_t line, ChangeRecord record);

}  // namespace retro::ingest::changes
