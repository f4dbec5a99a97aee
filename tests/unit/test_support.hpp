// Helpers shared by the unit tests: corpus paths, collecting sinks, reading files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "retro/diagnostic.hpp"

namespace retro::test {

// A path under ../shared/corpus (RETRO_CORPUS_DIR), the seed folder, or the project's source tree.
std::string corpus_path(std::string_view relative);
std::string seed_path(std::string_view relative);
std::string source_path(std::string_view relative);

std::string read_file(const std::string& path);

// Diagnostics that print nothing and keep everything, for assertions on their exact text.
Diagnostics quiet_diagnostics();
std::vector<std::string> texts(const Diagnostics& diags);

}  // namespace retro::test
