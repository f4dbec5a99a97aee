// Linting one retro file: read it, run every enabled rule, apply `[lint]` severities and the file's
// `<!-- retro-lint disable|enable|disable-line|disable-next-line|disable-file RULE… -->` comments
// (lint_comments.hpp), and return the findings sorted by position.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "lint/finding.hpp"

namespace retro::lint {

// Findings for `bytes` reported under `file_name`; sorted by (line, column, rule id). Never throws on
// any input bytes. A retro-lint comment that names an unknown rule or directive is a warning in `diags`
// (when given), at its line and column.
std::vector<Finding> lint_retro(std::string_view bytes, const std::string& file_name, const LintConfig& config,
                                Diagnostics* diags = nullptr);

// The configured severity of a rule: `[lint]` severities by id or name, else its default; nullopt = off.
std::optional<Severity> configured_severity(std::string_view rule_id, const LintConfig& config);

}  // namespace retro::lint
