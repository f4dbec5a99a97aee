// Lint findings as text (`path:line:col: severity: message [RETRO004 filename-date]`, the source line and a
// caret), JSON, GitHub workflow annotations, or SARIF 2.1.0.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.hpp"

namespace retro::lint {

// One finding in text form, with its source line and a caret under the column (three lines).
std::string format_text(const Finding& finding);

// All findings of a run at once, for tools; `tool_version` goes into SARIF's driver (the others ignore it, so
// the three share the signature of lint_formats.hpp's `write_run`). JSON is one `retro.lint/1` object,
// `{"schema":"retro.lint/1","findings":[{file,line,column,severity,rule,name,message}…]}`; SARIF is
// lint_sarif.cpp's (helpUri, partialFingerprints, URIs relative to the working directory).
std::string format_json(const std::vector<Finding>& findings, std::string_view tool_version);
std::string format_github(const std::vector<Finding>& findings, std::string_view tool_version);
std::string format_sarif(const std::vector<Finding>& findings, std::string_view tool_version);

}  // namespace retro::lint
