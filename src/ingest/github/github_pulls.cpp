// Pull requests → `merged` at the merge time, actor the merger (else the author). Both forms name the PR
// `OWNER/NAME/pull/N`, so one PR read from gh and from the REST API is one event.
//   gh pr list/view --json number,title,author,mergedAt,mergedBy,state,url,baseRefName,mergeCommit
//   REST GET /repos/{owner}/{repo}/pulls[/{n}]: merged_at, merged_by (absent from lists), base, html_url
#include <fmt/format.h>

#include "ingest/github/github_records.hpp"

namespace retro::ingest::github {
namespace {

constexpr std::string_view not_merged = "pull request not merged";

changes::ChangeRecord merged_record() {
    changes::ChangeRecord record;
    record.change.action = ChangeAction::merged;
    return record;
}

// Where the repository is unknown the id is `pull/N`, so at least the same file read twice agrees.
void finish_pull(FieldReader& r, std::string_view path, const JsonText& text, changes::ChangeRecord record,
                 const Person& who) {
    if (record.change.number == 0) {
        return report_incomplete(r, path, "merged pull request without `number`; not emitted",
                                 "pull request without a number");
    }
    record.native_id = join_id(record.change.repo, fmt::format("pull/{}", record.change.number));
    emit_change(r.context(), text, std::move(record), who);
}

}  // namespace

void read_gh_pull(json::Element pr, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, kind);
    changes::ChangeRecord record = merged_record();
    auto time = time_field(r, pr, path, "mergedAt", record.time_raw);
    const std::string state = text_field(r, pr, path, "state");
    record.change.number = number_field(r, pr, path, "number");
    record.title = text_field(r, pr, path, "title");
    record.change.url = text_field(r, pr, path, "url");
    record.change.repo = repo_from_url(record.change.url);
    record.change.ref = text_field(r, pr, path, "baseRefName");
    if (auto commit = r.object(pr, path, "mergeCommit"))
        record.change.commit = text_field(r, *commit, alerts::member_path(path, "mergeCommit"), "oid");
    const Person who = first_person(r, pr, path, "mergedBy", "author");
    if (r.failed()) return ctx.sink.drop("damaged record");
    if (!time) {
        // A merged PR listed without `mergedAt` (not asked for in --json) has no time to stand at.
        if (state == "MERGED")
            return report_incomplete(r, path, "merged pull request without `mergedAt` (add it to --json); not emitted",
                                     "pull request without a merge time");
        return ctx.sink.drop(not_merged);
    }
    record.time = *time;
    finish_pull(r, path, text, std::move(record), who);
}

void read_rest_pull(json::Element pr, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, kind);
    changes::ChangeRecord record = merged_record();
    auto time = time_field(r, pr, path, "merged_at", record.time_raw);
    record.change.number = number_field(r, pr, path, "number");
    record.title = text_field(r, pr, path, "title");
    record.change.url = text_field(r, pr, path, "html_url");
    record.change.commit = text_field(r, pr, path, "merge_commit_sha");
    if (auto base = r.object(pr, path, "base")) {
        const std::string base_path = alerts::member_path(path, "base");
        record.change.ref = text_field(r, *base, base_path, "ref");
        if (auto repo = r.object(*base, base_path, "repo"))
            record.change.repo = text_field(r, *repo, alerts::member_path(base_path, "repo"), "full_name");
    }
    if (record.change.repo.empty()) record.change.repo = repo_from_url(record.change.url);
    if (record.change.repo.empty()) record.change.repo = repo_from_url(text_field(r, pr, path, "url"));
    const Person who = first_person(r, pr, path, "merged_by", "user");
    if (r.failed()) return ctx.sink.drop("damaged record");
    if (!time) return ctx.sink.drop(not_merged);
    record.time = *time;
    finish_pull(r, path, text, std::move(record), who);
}

}  // namespace retro::ingest::github
