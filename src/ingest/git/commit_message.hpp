// What a commit on a branch's first-parent line says about the change it records, read from its message
// alone (pure functions, for the unit tests' tables): GitHub's and GitLab's merge messages, GitHub's squash
// merges `Title (#N)`, or a direct commit. See docs/sources/git.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "retro/event.hpp"

namespace retro::ingest::git {

struct CommitChange {
    ChangeAction action = ChangeAction::committed;
    std::uint64_t number = 0;  // the pull or merge request; 0 = none
    std::string title;         // the request's title when the message gives it, else the subject
};

// The subject as `git log --format=%s` shows it: the first paragraph, its lines joined by spaces.
std::string commit_subject(std::string_view message);

// A commit with more than one parent is `merged`: `Merge pull request #N from owner/branch` (GitHub; the
// title is the body's first line), `Merge branch 'x' into 'y'` with `See merge request group/project!N`
// (GitLab), `Merged in x (pull request #N)` (Bitbucket), else any merge (its subject the title, a trailing
// `(#N)` read as below). A commit with one parent (or none) whose subject ends in `(#N)` is a squash merge:
// `merged`, number N, the subject without it as the title. Any other commit is `committed`.
CommitChange read_commit_message(std::string_view message, std::size_t parent_count);

// `2024-07-25T11:42:31+01:00`: a git time (seconds since the epoch, the committer's offset in minutes, and
// its sign as written, so `-0000` stays `-00:00`).
std::string format_git_time(std::int64_t seconds, int offset_minutes, bool negative_sign);

}  // namespace retro::ingest::git
