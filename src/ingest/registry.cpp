// The registry of ingesters: one row per source format, in detection tie-break order.
#include "ingest/registry_rows.hpp"
#include "retro/ingest.hpp"

namespace retro {

const std::vector<Ingester>& ingesters() {
    static const std::vector<Ingester> rows = [] {
        std::vector<Ingester> list = {
            ingest::git_ingester,  // first: it looks at a folder's names only, and its sure claim ends detection
            ingest::events_ingester,
            ingest::eml_ingester,
            ingest::mbox_ingester,
            ingest::maildir_ingester,
            ingest::msg_ingester,
        };
        const auto alerts = ingest::alert_ingesters();  // alerts/alert_vendor_rows.cpp: one per vendor
        list.insert(list.end(), alerts.begin(), alerts.end());
        list.insert(list.end(), {
                                    ingest::slack_ingester,
                                    ingest::slack_api_ingester,
                                    ingest::slackdump_ingester,
                                    ingest::teams_ingester,
                                    ingest::retro_ingester,
                                    ingest::notes_ingester,
                                    ingest::github_ingester,
                                    ingest::gitlab_ingester,
                                    ingest::buildkite_ingester,
                                    ingest::argocd_ingester,
                                    ingest::kubernetes_ingester,
                                    ingest::mattermost_ingester,
                                    ingest::discord_ingester,
                                });
        return list;
    }();
    return rows;
}

const Ingester* find_ingester(std::string_view kind) {
    for (const auto& row : ingesters())
        if (row.kind == kind) return &row;
    return nullptr;
}

}  // namespace retro
