// Each ingester's registry row, defined in its own folder and listed in registry.cpp.
#pragma once

#include <span>

#include "retro/ingest.hpp"

namespace retro::ingest {

extern const Ingester git_ingester;     // git/git_ingester.cpp: a repository's first-parent history
extern const Ingester events_ingester;  // events/events_ingester.cpp: retro.event/1 NDJSON
extern const Ingester eml_ingester;     // email/email_ingesters.cpp: one RFC 5322 message
extern const Ingester mbox_ingester;    // email/email_ingesters.cpp: an mbox
extern const Ingester maildir_ingester; // email/email_ingesters.cpp: a Maildir folder
extern const Ingester msg_ingester;     // email/msg_ingester.cpp: an Outlook .msg (OLE2 compound document)
// alerts/alert_vendor_rows.cpp: alert JSON, one row per vendor (one shape dispatcher; each object goes to
// its vendor), detected together
std::span<const Ingester> alert_ingesters();
extern const Ingester slack_ingester;       // slack/slack_ingesters.cpp: official export, folder or ZIP
extern const Ingester slack_api_ingester;   // slack/slack_ingesters.cpp: Web API JSON
extern const Ingester slackdump_ingester;   // slack/slack_ingesters.cpp: slackdump per-channel dump
extern const Ingester teams_ingester;       // teams/teams_ingester.cpp: Microsoft Graph chatMessage JSON
extern const Ingester retro_ingester;   // retro/retro_ingester.cpp: a retro's timeline (Markdown)
extern const Ingester notes_ingester;   // retro/retro_ingester.cpp: notes of timeline lines
extern const Ingester github_ingester;  // github/github_ingester.cpp: gh and REST JSON change records
extern const Ingester gitlab_ingester;     // gitlab/gitlab_ingester.cpp: GitLab MRs, deployments, pipelines, jobs
extern const Ingester buildkite_ingester;  // buildkite/buildkite_ingester.cpp: Buildkite builds
extern const Ingester argocd_ingester;      // argocd/argocd_ingester.cpp: Argo CD Applications (YAML/JSON)
extern const Ingester kubernetes_ingester;  // kubernetes/kubernetes_ingester.cpp: Event lists (JSON/YAML)
extern const Ingester mattermost_ingester;  // mattermost/mattermost_ingester.cpp: bulk export JSONL
extern const Ingester discord_ingester;     // discord/discord_ingester.cpp: DiscordChatExporter JSON

}  // namespace retro::ingest
