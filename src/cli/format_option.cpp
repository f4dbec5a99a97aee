// The help text and the one error of `--format` (cli/format_option.hpp).
#include "cli/format_option.hpp"

#include <fmt/format.h>

#include "retro/error.hpp"

namespace retro::cli {

std::string format_option_help(const std::vector<std::string_view>& helps) {
    std::string out = "Output format";
    for (std::size_t i = 0; i < helps.size(); ++i) {
        out += i == 0 ? ": " : ", ";
        if (i > 0 && i + 1 == helps.size()) out += "or ";
        out += helps[i];
    }
    return out;
}

void throw_unknown_format(std::string_view name) { throw Error(fmt::format("--format {}: no such format", name)); }

}  // namespace retro::cli
