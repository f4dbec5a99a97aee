// Each ingester's registry row, defined in its own folder and listed in registry.cpp.
#pragma once

#include "retro/ingest.hpp"

namespace retro::ingest {

extern const Ingester events_ingester;  // events/events_ingester.cpp: retro.event/1 NDJSON

}  // namespace retro::ingest
