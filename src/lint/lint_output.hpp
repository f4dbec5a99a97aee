// Lint findings as text (`path:line:col: severity: message [RETRO004 filename-date]`, the source line and a
// caret), JSON, GitHub workflow annotations, or SARIF 2.1.0.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.hpp"

namespace retro::lint {

enum class OutputFormat { text, json, github, sarif };

// One finding in text form, with its source line and a caret under the column (three lines).
std::string format_text(const Finding& finding);

// All findings of a run in `format`; `tool_version` goes into SARIF's driver.
std::string format_findings(const std::vector<Finding>& findings, OutputFormat format, std::string_view tool_version);

}  // namespace retro::lint
