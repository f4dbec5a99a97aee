// A git repository read through libgit2, behind one small adapter: no libgit2 type leaves git_repository.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace retro::ingest::git {

struct Signature {
    std::string_view name, email;
    std::int64_t seconds = 0;  // since the epoch
    int offset_minutes = 0;    // east of UTC, as the committer's clock said
    bool negative_sign = false;
};

// One commit of a walk; the views last until the walk's callback returns.
struct CommitData {
    std::string_view sha;  // 40 hex digits
    std::size_t parent_count = 0;
    std::string_view message;
    Signature author, committer;
};

// Where a walk starts: the commit a branch, tag or HEAD points at, and the name a person knows it by.
struct WalkStart {
    std::string ref;  // `main`, `v1.2`, `origin/main`; `HEAD` when HEAD is detached; a commit id as given
    std::string sha;
};

// Why a walk ended before the first commit of the history (empty when it reached it).
struct WalkEnd {
    std::string missing_sha;  // a commit that could not be read: not in the repository, or damaged
    std::string error;        // libgit2's message about it
    bool shallow = false;     // the repository is a shallow clone (its history is cut on purpose)
};

class GitRepository {
public:
    // Opens the repository at `path` (a working tree holding `.git`, or a bare repository; never a parent
    // folder's). Throws retro::Error naming `name` when it cannot be opened.
    static GitRepository open(const std::string& path, const std::string& name);
    GitRepository(GitRepository&&) noexcept;
    ~GitRepository();

    // The commit HEAD (empty `ref`) or `ref` names; nothing for a repository without commits. Throws
    // retro::Error naming the repository when `ref` names no commit.
    std::optional<WalkStart> start(const std::string& ref) const;
    // The URL of the `origin` remote, when there is one.
    std::optional<std::string> origin_url() const;
    // The working tree's folder name, or a bare repository's without `.git`.
    std::string folder_name() const;
    // Calls `visit` for `start` and each first parent after it, newest first, until `visit` returns false
    // or the history ends.
    WalkEnd walk_first_parent(const WalkStart& start, const std::function<bool(const CommitData&)>& visit) const;

private:
    struct Handle;
    explicit GitRepository(std::unique_ptr<Handle> handle);
    std::unique_ptr<Handle> m_handle;
};

}  // namespace retro::ingest::git
