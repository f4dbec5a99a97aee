// The rows of `retro lint --format`.
#include "lint/lint_formats.hpp"

#include <array>

#include "lint/lint_output.hpp"

namespace retro::lint {
namespace {

template <OutputFormat format>
std::string write_run(const std::vector<Finding>& findings, std::string_view tool_version) {
    return format_findings(findings, format, tool_version);
}

constexpr std::array formats{
    LintFormat{"text", "text with the source line and a caret", format_text, nullptr},
    LintFormat{"json", "JSON", nullptr, write_run<OutputFormat::json>},
    LintFormat{"github", "GitHub workflow annotations", nullptr, write_run<OutputFormat::github>},
    LintFormat{"sarif", "SARIF 2.1.0", nullptr, write_run<OutputFormat::sarif>},
};

}  // namespace

std::span<const LintFormat> lint_formats() { return formats; }

}  // namespace retro::lint
