// Content detection over the registry: which ingester reads an opened Input.
#pragma once

#include "retro/ingest.hpp"

namespace retro {

// The row whose detection scores `input` highest (ties: the earlier row), or nullptr when none claims it.
const Ingester* detect_ingester(const Input& input);

}  // namespace retro
