// Releases (REST GET /repos/{owner}/{repo}/releases[/{id}], `gh release view/list --json`): a published
// release is what a library or a tagged service ships, so it is `deployed` at `published_at`
// (`publishedAt`), ref the tag, no environment, actor the author. A draft has no `published_at` and is
// dropped. Both forms name the release `OWNER/NAME/releases/tag/TAG`, as its page does.
#include <fmt/format.h>

#include "ingest/github/github_records.hpp"

namespace retro::ingest::github {
namespace {

struct ReleaseKeys {
    std::string_view tag, published, name, url, target;
};

constexpr ReleaseKeys rest_keys{"tag_name", "published_at", "name", "html_url", "target_commitish"};
constexpr ReleaseKeys gh_keys{"tagName", "publishedAt", "name", "url", "targetCommitish"};

bool is_commit_id(std::string_view s) {
    return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

void read_release(json::Element release, const JsonText& text, std::string_view path, AlertContext& ctx) {
    const ReleaseKeys& keys = has_key(release, "tag_name") ? rest_keys : gh_keys;
    FieldReader r(ctx, text, kind);
    changes::ChangeRecord record;
    record.change.action = ChangeAction::deployed;
    auto time = time_field(r, release, path, keys.published, record.time_raw);
    record.change.ref = text_field(r, release, path, keys.tag);
    record.title = text_field(r, release, path, keys.name);
    record.change.url = text_field(r, release, path, keys.url);
    record.change.repo = repo_from_url(record.change.url);
    if (record.change.repo.empty()) record.change.repo = repo_from_url(text_field(r, release, path, "url"));
    // `target_commitish` is mostly a branch: only a commit id is the release's commit.
    if (std::string target = text_field(r, release, path, keys.target); is_commit_id(target))
        record.change.commit = std::move(target);
    const Person who = first_person(r, release, path, "author");
    if (r.failed()) return ctx.sink.drop("damaged record");
    if (!time) return ctx.sink.drop("release not published");
    if (record.change.ref.empty())
        return report_incomplete(r, path, fmt::format("release without `{}`; not emitted", keys.tag),
                                 "release without a tag");
    record.time = *time;
    record.native_id = join_id(record.change.repo, fmt::format("releases/tag/{}", record.change.ref));
    emit_change(ctx, text, std::move(record), who);
}

}  // namespace retro::ingest::github
