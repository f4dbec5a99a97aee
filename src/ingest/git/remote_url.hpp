// A git remote's URL read for what a change record needs: the hosted repository's `owner/name` and, for
// GitHub, where a person can look at a commit or a pull request. Pure functions, for the unit tests' tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace retro::ingest::git {

struct RemoteRepo {
    std::string host;  // lower case, no user, password or port: `github.com`
    std::string path;  // `owner/name` (GitLab: `group/subgroup/project`), no `.git`
    bool is_github() const { return host == "github.com" || host == "www.github.com"; }
};

// `https://github.com/owner/name.git`, `git@github.com:owner/name.git`, `ssh://git@host:22/owner/name`,
// `git://host/owner/name`, with or without `.git` and a final `/`; user names and passwords are dropped
// (never shown). A local path or `file://` URL, or a URL with fewer than two path components, gives none.
std::optional<RemoteRepo> parse_remote_url(std::string_view url);

// `https://github.com/owner/name/commit/<sha>`, or `…/pull/N` when `number` is not 0; empty for a remote
// that is not GitHub's.
std::string change_url(const RemoteRepo& remote, std::string_view commit, std::uint64_t number);

}  // namespace retro::ingest::git
