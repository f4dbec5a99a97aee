// The registry rows of the Slack formats (issue 4): the official export (folder or ZIP), Web API JSON and
// slackdump's per-channel dump. All three give ids `slack:<channel id>/<ts>[#<n>]`, so the same message
// read from an export and from the API is one event after `retro events` removes duplicate ids.
#include "ingest/registry_rows.hpp"
#include "ingest/slack/api_reader.hpp"
#include "ingest/slack/export_reader.hpp"

namespace retro::ingest {

const Ingester slack_ingester{"slack", slack::detect_slack_export, slack::ingest_slack_export};
const Ingester slack_api_ingester{"slack-api", slack::detect_slack_api, slack::ingest_slack_api};
const Ingester slackdump_ingester{"slackdump", slack::detect_slackdump, slack::ingest_slackdump};

}  // namespace retro::ingest
