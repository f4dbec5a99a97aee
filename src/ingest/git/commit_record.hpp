// One commit of a first-parent walk as a change record, and which commits a walk reads: what the git
// ingester does between libgit2 and the sink, without libgit2 (so tests build records from plain values).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "ingest/changes/change_event.hpp"
#include "ingest/git/git_repository.hpp"
#include "ingest/git/remote_url.hpp"
#include "retro/people.hpp"

namespace retro::ingest::git {

// The repository every record of a walk names.
struct RepoIdentity {
    std::string repo;  // the origin remote's `owner/name`, else the folder name
    std::string ref;   // the branch (or tag, or `HEAD`) walked
    std::optional<RemoteRepo> remote;
};

RepoIdentity repo_identity(const std::optional<std::string>& origin_url, const std::string& folder_name,
                           const std::string& ref);

// The commit's author: name and e-mail address as written (bad UTF-8 repaired), the GitHub login of a
// no-reply address (`12345+login@users.noreply.github.com`) as id, name and initials from `[people]`
// (by address, login, then name) when it knows them.
Actor commit_actor(const Signature& author, const People& people);

// When the commit landed: its committer time.
inline Instant commit_time(const CommitData& commit) { return Instant(std::chrono::seconds(commit.committer.seconds)); }

// The record: native id the full sha, at the committer's time with its offset, the action, number and
// title its message gives (commit_message.hpp), the author as actor, system `git`.
changes::ChangeRecord commit_record(const CommitData& commit, const RepoIdentity& identity, const People& people);

// Which commits a walk turns into events ([from, until); unset ends are open) and when it may stop. The
// walk goes newest first by topology, but committer times can go backwards along it (a rebased commit, a
// skewed clock), so one commit older than `from` does not end it: it stops after `stop_run` commits in a
// row older than `from` by more than `margin` (docs/sources/git.md: measured against walking everything).
class HistoryWindow {
public:
    static constexpr std::size_t stop_run = 64;
    static constexpr auto margin = std::chrono::hours(24);

    HistoryWindow(std::optional<Instant> from, std::optional<Instant> until) : m_from(from), m_until(until) {}
    bool contains(Instant t) const { return (!m_from || t >= *m_from) && (!m_until || t < *m_until); }
    // Told each commit's time in walk order; false once the walk may stop.
    bool go_on(Instant t);

private:
    std::optional<Instant> m_from, m_until;
    std::size_t m_old_run = 0;
};

}  // namespace retro::ingest::git
