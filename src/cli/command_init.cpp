// `retro init [DIR]`: a case folder to drop an incident's sources into: DIR (made if missing, `.` by
// default) gets a commented retro.toml and a README.md of what to put there (cli/case_skeleton.hpp). An
// existing file is never replaced: the command refuses before writing anything, naming the file (exit 2,
// as -o refuses without --force).
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/case_skeleton.hpp"
#include "cli/color.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "retro/error.hpp"

namespace retro::cli {
namespace {

struct InitOptions {
    std::string folder = ".";
    std::string tz;
};

std::string path_in(const std::string& folder, std::string_view name) {
    return (std::filesystem::path(folder) / name).string();
}

// Creates `path` holding `text`; O_EXCL, so a file made since the check is not replaced either.
void write_new_file(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST) throw Error(fmt::format("{}: already exists; retro init never replaces a file", path));
        throw Error(fmt::format("{}: {}", path, std::strerror(errno)));
    }
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            ::unlink(path.c_str());
            throw Error(fmt::format("{}: {}", path, std::strerror(error)));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) throw Error(fmt::format("{}: {}", path, std::strerror(errno)));
}

int run_init(const InitOptions& io) {
    std::string tz = io.tz.empty() ? default_zone().name() : io.tz;
    if (!TimeZone::find(tz))
        throw Error(fmt::format("--tz {}: not a time zone of the tz database (e.g. Europe/London)", tz));

    std::error_code ec;
    if (std::filesystem::exists(io.folder, ec) && !std::filesystem::is_directory(io.folder, ec))
        throw Error(fmt::format("{}: not a folder", io.folder));
    const std::string config = path_in(io.folder, "retro.toml");
    const std::string readme = path_in(io.folder, "README.md");
    for (const std::string& path : {config, readme}) {  // refuse before writing either
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0)
            throw Error(fmt::format("{}: already exists; retro init never replaces a file", path));
    }
    std::filesystem::create_directories(io.folder, ec);
    if (ec) throw Error(fmt::format("{}: cannot make the folder: {}", io.folder, ec.message()));
    write_new_file(config, case_config_text(tz));
    write_new_file(readme, case_readme_text());
    fmt::print(stderr, "retro: wrote {} and {}; put the incident's exports in {} and run `retro draft {}`\n", config,
               readme, io.folder, io.folder);
    return exit_success;
}

}  // namespace

void add_init_command(CLI::App& app, Runner& run) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* cmd =
        app.add_subcommand("init", "Start a case folder: a commented retro.toml and a README of what to put in");
    cmd->add_option("folder", options->folder, "The case folder, made if missing (default: the current folder)")
        ->type_name("DIR");
    cmd->add_option("--tz", options->tz,
                    "Zone of the people's local times, written into retro.toml (default: TZ, else system)")
        ->type_name("ZONE");
    add_color_option(*cmd);
    cmd->footer(R"(Examples:
  retro init incident-2024-07-25
  retro init --tz Europe/London .
)");
    cmd->callback([options, &run] { run = [options] { return run_init(*options); }; });
}

}  // namespace retro::cli
