// `retro lint --format`: the finding formats, one row each (the writers are in lint_output.hpp). Text is for
// people: written file by file as the files are checked, with a summary line on stderr. The others are for
// tools: the whole run written once at the end.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.hpp"

namespace retro::lint {

struct LintFormat {
    std::string_view name;  // the --format value
    std::string_view help;
    // Exactly one of the two is set. `write_finding`: one finding, written as its file is done (streamed).
    // `write_run`: all findings of the run; `tool_version` goes into SARIF's driver.
    std::string (*write_finding)(const Finding& finding);
    std::string (*write_run)(const std::vector<Finding>& findings, std::string_view tool_version);

    bool is_streamed() const { return write_finding != nullptr; }
};

// The rows, the default (text) first.
std::span<const LintFormat> lint_formats();

}  // namespace retro::lint
