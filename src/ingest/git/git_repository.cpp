// The libgit2 adapter (git_repository.hpp). libgit2 is initialised once and never shut down (other threads
// may still hold repositories when main returns; the process ends anyway).
#include "ingest/git/git_repository.hpp"

#include <git2.h>
#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "retro/error.hpp"

namespace retro::ingest::git {
namespace {

void init_libgit2() {
    static const int once = git_libgit2_init();
    static_cast<void>(once);
}

std::string last_error() {
    const git_error* e = git_error_last();
    return e && e->message ? repair_utf8(e->message) : "unknown libgit2 error";
}

// libgit2's refusal of a repository owned by another user: GIT_EOWNER, or, before libgit2 1.6 (Debian 12
// has 1.5.1), GIT_ENOTFOUND "config value 'safe.directory' was not found" when no safe.directory is set
// (libgit2 pull request 6408).
bool is_owner_refusal(int rc) {
    if (rc == GIT_EOWNER) return true;
    const git_error* e = git_error_last();
    return rc == GIT_ENOTFOUND && e && e->message && std::string_view(e->message).find("'safe.directory'") != std::string_view::npos;
}

template <class T, void (*Free)(T*)>
struct Owned {
    T* ptr = nullptr;
    Owned() = default;
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() {
        if (ptr) Free(ptr);
    }
};
using OwnedCommit = Owned<git_commit, git_commit_free>;
using OwnedObject = Owned<git_object, git_object_free>;
using OwnedReference = Owned<git_reference, git_reference_free>;
using OwnedRemote = Owned<git_remote, git_remote_free>;

std::string sha_of(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

Signature signature_of(const git_signature* s) {
    if (!s) return {};
    return {s->name ? s->name : "", s->email ? s->email : "", s->when.time, s->when.offset, s->when.sign == '-'};
}

std::string_view last_component(std::string_view path) {
    while (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

struct GitRepository::Handle {
    git_repository* repo = nullptr;
    std::string name;  // as the user named it, for messages
    ~Handle() {
        if (repo) git_repository_free(repo);
    }
};

GitRepository::GitRepository(std::unique_ptr<Handle> handle) : m_handle(std::move(handle)) {}
GitRepository::GitRepository(GitRepository&&) noexcept = default;
GitRepository::~GitRepository() = default;

GitRepository GitRepository::open(const std::string& path, const std::string& name) {
    init_libgit2();
    auto handle = std::make_unique<Handle>();
    handle->name = name;
    // NO_SEARCH: the folder named is the repository, never a parent folder's.
    int rc = git_repository_open_ext(&handle->repo, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (is_owner_refusal(rc)) {
        // A clone owned by another user (a CI checkout, a mounted volume). libgit2 refuses it as git does
        // (safe.directory) because git would run programs its config names; retro only reads objects and
        // runs nothing, so the check is turned off (process-wide) and the open retried.
        git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
        rc = git_repository_open_ext(&handle->repo, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    }
    if (rc != 0) throw Error(fmt::format("{}: cannot open the git repository: {}", name, last_error()));
    return GitRepository(std::move(handle));
}

std::optional<WalkStart> GitRepository::start(const std::string& ref) const {
    git_repository* repo = m_handle->repo;
    if (ref.empty()) {
        if (git_repository_head_unborn(repo) == 1) return std::nullopt;
        OwnedReference head;
        OwnedObject commit;
        if (git_repository_head(&head.ptr, repo) != 0 ||
            git_reference_peel(&commit.ptr, head.ptr, GIT_OBJECT_COMMIT) != 0)
            throw Error(fmt::format("{}: cannot read HEAD: {}", m_handle->name, last_error()));
        const bool detached = git_repository_head_detached(repo) == 1;
        return WalkStart{detached ? "HEAD" : git_reference_shorthand(head.ptr), sha_of(git_object_id(commit.ptr))};
    }
    OwnedObject object, commit;
    OwnedReference reference;
    if (git_revparse_ext(&object.ptr, &reference.ptr, repo, ref.c_str()) != 0 ||
        git_object_peel(&commit.ptr, object.ptr, GIT_OBJECT_COMMIT) != 0)
        throw Error(fmt::format("{}: --git-ref {}: no such branch, tag or commit: {}", m_handle->name, ref,
                                last_error()));
    return WalkStart{reference.ptr ? git_reference_shorthand(reference.ptr) : ref, sha_of(git_object_id(commit.ptr))};
}

std::optional<std::string> GitRepository::origin_url() const {
    OwnedRemote remote;
    if (git_remote_lookup(&remote.ptr, m_handle->repo, "origin") != 0) return std::nullopt;
    const char* url = git_remote_url(remote.ptr);
    if (!url) return std::nullopt;
    return std::string(url);
}

std::string GitRepository::folder_name() const {
    git_repository* repo = m_handle->repo;
    const char* workdir = git_repository_workdir(repo);
    std::string_view name = last_component(workdir ? workdir : git_repository_path(repo));
    if (!workdir && name.ends_with(".git") && name.size() > 4) name.remove_suffix(4);
    return std::string(name);
}

WalkEnd GitRepository::walk_first_parent(const WalkStart& start, const std::function<bool(const CommitData&)>& visit) const {
    git_oid oid;
    if (git_oid_fromstr(&oid, start.sha.c_str()) != 0) return {start.sha, last_error()};
    for (;;) {
        OwnedCommit commit;
        if (git_commit_lookup(&commit.ptr, m_handle->repo, &oid) != 0)
            return {sha_of(&oid), last_error(), git_repository_is_shallow(m_handle->repo) == 1};
        const std::string sha = sha_of(&oid);
        const char* message = git_commit_message(commit.ptr);
        const CommitData data{sha, git_commit_parentcount(commit.ptr), message ? message : "",
                              signature_of(git_commit_author(commit.ptr)), signature_of(git_commit_committer(commit.ptr))};
        if (!visit(data) || data.parent_count == 0) return {};
        oid = *git_commit_parent_id(commit.ptr, 0);
    }
}

}  // namespace retro::ingest::git
