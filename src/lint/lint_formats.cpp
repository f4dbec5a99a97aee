// The rows of `retro lint --format`.
#include "lint/lint_formats.hpp"

#include <array>

#include "lint/lint_output.hpp"

namespace retro::lint {
namespace {

constexpr std::array formats{
    LintFormat{"text", "text with the source line and a caret", format_text, nullptr},
    LintFormat{"json", "JSON", nullptr, format_json},
    LintFormat{"github", "GitHub workflow annotations", nullptr, format_github},
    LintFormat{"sarif", "SARIF 2.1.0", nullptr, format_sarif},
};

}  // namespace

std::span<const LintFormat> lint_formats() { return formats; }

}  // namespace retro::lint
