// The files of `retro init` (cli/case_skeleton.hpp). Keys and limits are those of core/config.cpp and
// retro/ingest.hpp's IngestLimits; tests load the text (and its examples uncommented) through parse_config.
#include "cli/case_skeleton.hpp"

#include <fmt/format.h>

#include "retro/ingest.hpp"

namespace retro::cli {

std::string case_config_text(std::string_view tz) {
    const IngestLimits limits;
    return fmt::format(
        R"(# retro.toml: the settings of this case folder, read by every retro command given the folder.
# Unknown keys are warnings (config.unknown-key). Uncomment what you need; docs: README.md of retro.

# The zone people's local times are read and written in (chat, notes, the draft's HH.MM).
tz = "{tz}"

# The Slack workspace's subdomain (https://NAME.slack.com), for permalinks to messages.
# slack_workspace = "example"

# Who is who: a Slack user id, an e-mail address or a name → the name (and initials) the draft uses.
[people]
# U01ABCDEF23 = "Rachel Cooper"
# "ops@example.org" = {{ name = "Operations", initials = "OPS" }}

# Reading limits: input past a limit is an error that names the file and what was left out.
[ingest]
# max_record_bytes = {record:<11} # one JSON record or one mail message ({record_mb} MB)
# max_entry_bytes = {entry:<12} # one archive entry or Slack day file once inflated ({entry_gb} GB)
# max_file_bytes = {file:<13} # one whole document: a retro, notes, one JSON document ({file_gb} GB)

# Field paths for alert JSON no vendor format claims (the json-map kind).
[ingest.map]
# time = ".detail.at"
# title = ".detail.summary"

# Tokens, passwords, e-mail addresses and phone numbers are redacted in drafts and timelines by default.
[render]
# redact = true

# `retro lint` on this folder checks the draft, not the folder's README.
[lint]
exclude = ["README.md"]
)",
        fmt::arg("tz", tz), fmt::arg("record", limits.max_record_bytes),
        fmt::arg("record_mb", limits.max_record_bytes >> 20), fmt::arg("entry", limits.max_entry_bytes),
        fmt::arg("entry_gb", limits.max_entry_bytes >> 30), fmt::arg("file", limits.max_file_bytes),
        fmt::arg("file_gb", limits.max_file_bytes >> 30));
}

std::string case_readme_text() {
    return fmt::format(R"({}: retro never reads this file as a source while this line is first -->
# Incident case folder

Drop in what the incident left behind, as exported, one file or folder each; retro tells the kinds
apart by their content (`KIND:PATH` forces one):

- **Chat**: a Slack export (the `.zip`, or its unpacked folder), Teams, Mattermost or Discord exports.
- **Alerts**: alert JSON as the tool gives it (CloudWatch alarm history, Alertmanager, PagerDuty, Opsgenie,
  Grafana, Sentry, Statuspage; anything else through `[ingest.map]` in `retro.toml`).
- **Mail**: status and alert e-mails as `.eml`, an mbox, a Maildir or Outlook `.msg`.
- **Notes**: your notes with `HH.MM` lines, and other teams' postmortems or exports (Markdown, text).
- **Change records**: `gh pr list --json …` output, GitLab, Buildkite, Argo CD, Kubernetes events, or a
  git repository (`git:PATH`).

Set the zone, the Slack workspace and who is who in `retro.toml`. Then:

```sh
retro timeline .            # what happened, in order
retro draft . -o retro.md   # the retro draft (never read back as a source)
retro lint retro.md         # check it once you have finished it
```
)",
                       case_readme_marker);
}

}  // namespace retro::cli
