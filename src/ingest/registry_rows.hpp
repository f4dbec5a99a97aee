// Each ingester's registry row, defined in its own folder and listed in registry.cpp.
#pragma once

#include "retro/ingest.hpp"

namespace retro::ingest {

extern const Ingester events_ingester;  // events/events_ingester.cpp: retro.event/1 NDJSON
extern const Ingester slack_ingester;       // slack/slack_ingesters.cpp: official export, folder or ZIP
extern const Ingester slack_api_ingester;   // slack/slack_ingesters.cpp: Web API JSON
extern const Ingester slackdump_ingester;   // slack/slack_ingesters.cpp: slackdump per-channel dump

}  // namespace retro::ingest
