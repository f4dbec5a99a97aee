// What `retro init` writes into a case folder: a commented retro.toml (every line of it loads without a
// diagnostic, and so does every commented example once uncommented) and a README.md saying what to drop
// in. The README opens with `case_readme_marker` (retro/ingest.hpp), so the folder's readers skip it as
// they skip drafts, and the config's [lint] exclude keeps `retro lint` off it.
#pragma once

#include <string>
#include <string_view>

namespace retro::cli {

// retro.toml with `tz = "<tz>"` set and the other keys as commented examples.
std::string case_config_text(std::string_view tz);

// README.md: the marker line, then which files to put in the folder and the commands to run on it.
std::string case_readme_text();

}  // namespace retro::cli
