// The registry of ingesters: one row per source format, in detection tie-break order.
#include "ingest/registry_rows.hpp"
#include "retro/ingest.hpp"

namespace retro {

const std::vector<Ingester>& ingesters() {
    static const std::vector<Ingester> rows = {
        ingest::events_ingester,
        ingest::eml_ingester,
        ingest::mbox_ingester,
        ingest::maildir_ingester,
        ingest::cloudwatch_ingester,
        ingest::alertmanager_ingester,
        ingest::grafana_ingester,
        ingest::pagerduty_ingester,
        ingest::opsgenie_ingester,
        ingest::statuspage_ingester,
        ingest::sentry_ingester,
        ingest::json_map_ingester,
        ingest::slack_ingester,
        ingest::slack_api_ingester,
        ingest::slackdump_ingester,
        ingest::retro_ingester,
        ingest::notes_ingester,
    };
    return rows;
}

const Ingester* find_ingester(std::string_view kind) {
    for (const auto& row : ingesters())
        if (row.kind == kind) return &row;
    return nullptr;
}

}  // namespace retro
