// Each ingester's registry row, defined in its own folder and listed in registry.cpp.
#pragma once

#include "retro/ingest.hpp"

namespace retro::ingest {

extern const Ingester events_ingester;   // events/events_ingester.cpp: retro.event/1 NDJSON
extern const Ingester eml_ingester;      // email/email_ingesters.cpp: one RFC 5322 message
extern const Ingester mbox_ingester;     // email/email_ingesters.cpp: an mbox
extern const Ingester maildir_ingester;  // email/email_ingesters.cpp: a Maildir folder

}  // namespace retro::ingest
