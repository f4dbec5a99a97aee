#include "cli/exit_codes.hpp"

#include <fmt/format.h>

#include "cli/usage_errors.hpp"

namespace retro::cli {

int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& error) {
    // `retro foo draft --help` is a mistake too: the help is shown only when the top level took every word.
    const bool help_or_version = error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success);
    if (help_or_version && app.remaining(false).empty()) {
        app.exit(error);
        return exit_success;
    }
    fmt::print(stderr, "retro: error: {}\n", describe_parse_error(app, error));
    return exit_usage;
}

}  // namespace retro::cli
