#include "cli/exit_codes.hpp"

namespace retro::cli {

int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == static_cast<int>(CLI::ExitCodes::Success) ? exit_success : exit_usage;
}

}  // namespace retro::cli
