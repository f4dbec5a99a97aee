// retro.toml lookup for `retro lint`: one config per folder of the linted files (DESIGN.md "Lint").
#include "lint/lint_configs.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "lint/rule.hpp"

namespace retro::lint {

const Config& LintConfigs::for_file(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path dir = path == "-" ? fs::current_path() : fs::absolute(fs::path(path)).parent_path();
    const std::string key = m_explicit_path ? std::string("--config") : dir.string();
    auto it = m_configs.find(key);
    if (it != m_configs.end()) return it->second;
    it = m_configs.emplace(key, load_config(m_explicit_path, std::nullopt, dir, m_diags)).first;
    for (const auto& [rule, severity] : it->second.lint.severities) {
        if (find_rule(rule) == nullptr) {
            m_diags.warning("lint.unknown-rule", Location{it->second.path, 0, 0},
                            fmt::format("[lint.rules] names no rule `{}`; rules are RETRO001 to RETRO{:03} or their names",
                                        rule, rules().size()));
        }
    }
    return it->second;
}

}  // namespace retro::lint
