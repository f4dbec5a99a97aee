// The rule registry. Ids are stable forever and never reused; a retired rule keeps its row.
#include <algorithm>

#include "core/text_utf8.hpp"
#include "lint/rule.hpp"

namespace retro::lint {

const std::vector<Rule>& rules() {
    static const std::vector<Rule> all = {
        {"RETRO001", "title", Severity::error, "the first heading is `# Incident retro - <title>`",
         "A retro starts with one level-1 heading, `# Incident retro - <what users saw>`, so indexes and "
         "search list retros the same way. The rule reports a file with no heading, a first heading of "
         "another level, a title that does not start with `Incident retro`, and one that names no incident "
         "after the dash.",
         check_title},
        {"RETRO002", "metadata", Severity::error,
         "`Incident from`, `Incident until` and `Retro held` are present and are dates",
         "The three metadata lines under the title, `**Incident from:** YYYY-MM-DD`, `**Incident until:** "
         "YYYY-MM-DD` (or `till`) and `**Retro held:** YYYY-MM-DD`, date the incident and its review. Each "
         "must be present and hold an ISO 8601 calendar date that exists (no 2024-02-30). A `Retro held` that is "
         "still a draft's prompt (`<!-- retro: the date of the retro meeting, YYYY-MM-DD -->`) is a warning: the "
         "retro has not been held yet. The names are configurable with `required_metadata` in `[lint]`.",
         check_metadata},
        {"RETRO003", "date-order", Severity::error, "from <= until; the retro is held after the incident",
         "An incident cannot end before it starts, and its retro cannot be held before it started: both are "
         "errors, usually a mistyped date. A retro held before the incident's recorded end is a warning: it "
         "happens when an incident drags on, but more often `Incident until` is wrong.",
         check_date_order},
        {"RETRO004", "filename-date", Severity::warning, "a file name starting with a date names the incident start",
         "Retro files are named `YYYY-MM-DD_<slug>.md` so a folder lists them in incident order. When the "
         "file name starts with a date, it should equal `Incident from`. A warning by default: some teams "
         "name retros by the day the retro was held; set `RETRO004 = \"off\"` in `[lint]` if yours does.",
         check_filename_date},
        {"RETRO005", "toc-links", Severity::error, "in-page links resolve to headings",
         "Every link to `#anchor` (the table of contents, cross references) must reach a heading of the "
         "file. Anchors follow GitHub's slug rules: lower case, punctuation dropped, spaces become `-`, and a "
         "repeated heading gets `-1`, `-2`…",
         check_toc_links},
        {"RETRO006", "sections", Severity::error, "required sections present, as `##` headings, in order",
         "A retro has the sections `## Timeline`, `## Analysis of causes` and `## Actions`, in that order "
         "(configurable with `required_sections` in `[lint]`). The rule reports a missing section, one written "
         "at another heading level, and sections out of order.",
         check_sections},
        {"RETRO007", "day-heading", Severity::error,
         "timeline day headings are real dates with the right weekday, ascending",
         "Timeline days are headed like `### Thursday 25 July` (the year comes from `Incident from` when not "
         "written). A heading in the timeline that is not a date, a date that does not exist, a weekday that "
         "does not match the date, and days that do not ascend are errors. A day outside `Incident from` … "
         "`Incident until` is a warning: follow-ups happen. A day before the incident holding only merges, "
         "deploys and reverts (`16.12 RC merged …`) is its lead-up and no warning.",
         check_day_headings},
        {"RETRO008", "time-order", Severity::error, "timeline times are valid and do not go backwards within a day",
         "Timeline entries start with a local time, `HH.MM` or `HH:MM`. A time that is not a time of day "
         "(`25.70`) is an error, and so is a time earlier than the entry before it on the same day: a "
         "timeline is read top to bottom as what happened next.",
         check_time_order},
        {"RETRO009", "actions-owner", Severity::error, "every action owner has at least one action",
         "The Actions section lists actions under their owner (`**LB**` followed by a list). An owner with no "
         "action under it is a leftover or a lost action. A draft's `<!-- retro: ... -->` prompt under an owner "
         "counts as the place their actions will go, so a fresh `retro draft` passes.",
         check_actions_owner},
        {"RETRO010", "placeholder", Severity::warning, "no TODO, TBD, XXX, {{…}} or [email address]-like placeholders",
         "Placeholders left from a template or a draft: `TODO`, `TBD`, `XXX`, `FIXME`, `{{…}}`, and bracketed "
         "fill-ins such as `[email address]` or `[owner name]`. `[redacted: …]` marks and HTML comments (the "
         "draft's `<!-- retro: … -->` prompts) are not placeholders, and neither is text inside code blocks, "
         "which is quoted output.",
         check_placeholders},
        {"RETRO011", "link-text", Severity::error, "a link whose text is a URL points to that URL",
         "A link written `[https://a.example/x](https://b.example/y)` shows one address and opens another. "
         "When the text of a link is a URL, the link must go to that URL.",
         check_link_text},
        {"RETRO012", "secret", Severity::error, "no tokens, keys or passwords",
         "Slack tokens (`xoxb-…`), AWS access keys, GitHub tokens, JWTs, bearer tokens, `token=`/`?t=` URL "
         "parameters, passwords in URLs and private keys must not be published in a retro, not even in code "
         "blocks. Revoke the secret, then remove it or write `[redacted: <kind>]`.",
         check_secrets},
        {"RETRO013", "personal-data", Severity::warning, "no personal e-mail addresses or phone numbers",
         "Published retros name people by initials. E-mail addresses and phone numbers are personal data; "
         "remove them or write `[redacted: email]`. Addresses inside URLs and digit runs inside identifiers "
         "(`sierra-adapter-20200604-…`, Slack permalinks) are not reported.",
         check_personal_data},
    };
    return all;
}

const Rule* find_rule(std::string_view id_or_name) {
    const auto& all = rules();
    auto it = std::find_if(all.begin(), all.end(), [&](const Rule& r) {
        return iequals_ascii(r.id, id_or_name) || iequals_ascii(r.name, id_or_name);
    });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace retro::lint
