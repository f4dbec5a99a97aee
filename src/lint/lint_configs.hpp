// The retro.toml that applies to each linted file, loaded once per folder.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/config.hpp"
#include "retro/diagnostic.hpp"

namespace retro::lint {

// --config when given, else the first retro.toml found walking up from the file's folder (for `-`, stdin,
// the current folder). Each is loaded once, the first time a file needs it; a `[lint.rules]` key naming no
// rule is then a `lint.unknown-rule` warning. Throws retro::Error when --config cannot be read.
class LintConfigs {
public:
    LintConfigs(std::optional<std::string> explicit_path, Diagnostics& diags)
        : m_explicit_path(std::move(explicit_path)), m_diags(diags) {}

    const Config& for_file(const std::string& path);

private:
    std::optional<std::string> m_explicit_path;
    Diagnostics& m_diags;
    std::map<std::string, Config> m_configs;  // by absolute folder, or "--config"
};

}  // namespace retro::lint
