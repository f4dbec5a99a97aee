// `git`: a repository's first-parent history as change events (docs/sources/git.md). A folder holding
// `.git` (a folder, or a file naming one elsewhere) and no `retro.toml`, or a bare repository, is read
// through libgit2: one `merged` per merge commit and per squash merge (`Title (#N)`), one `committed` per
// other commit of the default branch (HEAD) or of `--git-ref`.
#include <sys/stat.h>

#include <fmt/format.h>

#include "ingest/git/commit_record.hpp"
#include "ingest/git/git_repository.hpp"
#include "ingest/registry_rows.hpp"
#include "retro/error.hpp"

namespace retro::ingest {
namespace {

using git::GitRepository;

bool is_file_type(const std::string& path, mode_t type) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IFMT) == type;
}

bool has_entry(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

// Looks at a few names only: never lists the folder, which may be a large working tree.
int detect_git(const Probe& probe) {
    if (!probe.tree || probe.path.empty()) return 0;
    const std::string root(probe.path);
    if (has_entry(root + "/.git")) return has_entry(root + "/retro.toml") ? 0 : 100;
    const bool bare = is_file_type(root + "/HEAD", S_IFREG) && is_file_type(root + "/objects", S_IFDIR) &&
                      is_file_type(root + "/refs", S_IFDIR);
    return bare ? 100 : 0;
}

// Why the history read stops short of the first commit, when it does.
void report_walk_end(const git::WalkEnd& end, std::uint64_t commits, const std::string& name, Diagnostics& diags) {
    if (end.missing_sha.empty()) return;
    if (end.shallow)
        diags.note("git.shallow", {name},
                   fmt::format("a shallow clone: its first-parent history is read to where the clone cuts it ({} "
                               "commits; the parent {} is not in it)",
                               commits, end.missing_sha));
    else
        diags.error("git.bad-commit", {name},
                    fmt::format("commit {} cannot be read ({}); the history from there back is not read ({} commits "
                                "read)",
                                end.missing_sha, end.error, commits));
}

void ingest_git(Input& input, const IngestContext& context) {
    if (input.path.empty())
        throw Error(fmt::format("{}: a git repository is a folder; it cannot be read from a stream", input.name));
    const IngestOptions& options = context.options;
    const GitRepository repo = GitRepository::open(input.path, input.name);
    const std::optional<git::WalkStart> start = repo.start(options.git_ref);
    if (!start) {
        context.diags.warning("git.no-commits", {input.name}, "the repository has no commits yet; nothing to read");
        return;
    }
    const git::RepoIdentity identity = git::repo_identity(repo.origin_url(), repo.folder_name(), start->ref);
    const Origin origin{input.name, 0, 0};
    git::HistoryWindow window(options.history_from ? options.history_from : options.from, options.until);
    std::uint64_t commits = 0;
    const git::WalkEnd end = repo.walk_first_parent(*start, [&](const git::CommitData& commit) {
        ++commits;
        const Instant time = git::commit_time(commit);
        if (window.contains(time))
            context.sink.add(changes::change_event("git", origin, 0, git::commit_record(commit, identity, options.people)));
        return window.go_on(time);
    });
    report_walk_end(end, commits, input.name, context.diags);
    if (context.progress) context.progress->advance(0, 1);
}

}  // namespace

const Ingester git_ingester{"git", detect_git, ingest_git};

}  // namespace retro::ingest
