// Commits as change records (commit_record.hpp).
#include "ingest/git/commit_record.hpp"

#include "core/text_utf8.hpp"
#include "ingest/git/commit_message.hpp"

namespace retro::ingest::git {
namespace {

// `12345+login@users.noreply.github.com` or `login@users.noreply.github.com`: the login; else empty.
std::string github_login(std::string_view email) {
    constexpr std::string_view domain = "@users.noreply.github.com";
    if (email.size() <= domain.size() || !iequals_ascii(email.substr(email.size() - domain.size()), domain)) return {};
    std::string_view local = email.substr(0, email.size() - domain.size());
    if (const std::size_t plus = local.find('+'); plus != std::string_view::npos) local.remove_prefix(plus + 1);
    return std::string(local);
}

}  // namespace

RepoIdentity repo_identity(const std::optional<std::string>& origin_url, const std::string& folder_name,
                           const std::string& ref) {
    RepoIdentity out{folder_name, ref, origin_url ? parse_remote_url(*origin_url) : std::nullopt};
    if (out.remote) out.repo = out.remote->path;
    out.repo = repair_utf8(out.repo);
    out.ref = repair_utf8(out.ref);
    return out;
}

Actor commit_actor(const Signature& author, const People& people) {
    Actor actor;
    actor.name = repair_utf8(trim(author.name));
    actor.email = repair_utf8(trim(author.email));
    actor.id = github_login(actor.email);
    std::optional<Person> person;
    for (std::string_view key : {actor.email.view(), std::string_view(actor.id), std::string_view(actor.name)})
        if (!person && !key.empty()) person = people.find(key);
    if (person && !person->name.empty()) actor.name = person->name;
    actor.initials = person && !person->initials.empty() ? person->initials : initials_of(actor.name);
    return actor;
}

changes::ChangeRecord commit_record(const CommitData& commit, const RepoIdentity& identity, const People& people) {
    CommitChange change = read_commit_message(commit.message, commit.parent_count);
    changes::ChangeRecord record;
    record.native_id = std::string(commit.sha);
    record.time = commit_time(commit);
    record.time_raw =
        format_git_time(commit.committer.seconds, commit.committer.offset_minutes, commit.committer.negative_sign);
    record.actor = commit_actor(commit.author, people);
    record.change.system = "git";
    record.change.repo = identity.repo;
    record.change.ref = identity.ref;
    record.change.number = change.number;
    record.change.action = change.action;
    record.change.commit = std::string(commit.sha);
    if (identity.remote) record.change.url = change_url(*identity.remote, commit.sha, change.number);
    record.title = std::move(change.title);
    return record;
}

bool HistoryWindow::go_on(Instant t) {
    if (!m_from) return true;
    m_old_run = t < *m_from - margin ? m_old_run + 1 : 0;
    return m_old_run < stop_run;
}

}  // namespace retro::ingest::git
