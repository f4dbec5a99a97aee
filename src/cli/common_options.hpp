// The options every command shares (DESIGN.md "Common options"), parsed once and resolved into the
// settings each stage takes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/config.hpp"
#include "retro/diagnostic.hpp"
#include "retro/ingest.hpp"

namespace retro::cli {

struct CommonOptions {
    std::string config_path;
    std::string tz, assume_tz;
    std::string from, until;
    std::string slack_workspace, slack_channel;
    std::vector<std::string> channels;
    bool include_private = false;
    std::vector<std::string> maps;
    std::string git_ref;  // events, timeline, draft only (add_git_ref_option)
    bool strict = false;
    std::string diagnostics_format = "text";
};

// `--config` and `--diagnostics`: the options of every command, lint's too.
void add_base_options(CLI::App& command, CommonOptions& options);
// The base options and those of reading sources (zones, window, Slack, channels, --map, --strict): events,
// timeline, draft. lint reads no sources and lists none of them.
void add_common_options(CLI::App& command, CommonOptions& options);
// `--git-ref REF`, for the commands that read sources into events (events, timeline, draft).
void add_git_ref_option(CLI::App& command, CommonOptions& options);

// `-o FILE` and `--force`, the same on every command: an existing FILE is replaced only with --force.
struct OutputOptions {
    std::string path;
    bool force = false;
};
// Returns the -o option, for options that exclude it.
CLI::Option* add_output_options(CLI::App& command, OutputOptions& options);

// What a command runs with: the config found for its sources, the diagnostics sink, ingest options.
struct Session {
    explicit Session(Diagnostics::Format format);
    Diagnostics diags;
    Config config;
    IngestOptions ingest;
    TimeZone tz = TimeZone::utc();
};

// Builds the session: finds and reads retro.toml (explicit, else the first SOURCE that is a case folder,
// else walking up from the current directory), resolves zones and --from/--until. Throws retro::Error
// (exit 2) on bad option values.
std::unique_ptr<Session> open_session(const CommonOptions& options, const std::vector<std::string>& sources);

// Exit status after a run: 1 when --strict and any error was reported, else 0.
int finish_session(Session& session, const CommonOptions& options);

// The zone to use when neither --tz nor the config names one: TZ, else the system zone, else UTC.
TimeZone default_zone();

// "2024-07-25", "2024-07-25T11:00", "2024-07-25T10:00:00Z": an instant, local forms read in `tz`.
Instant parse_time_option(const std::string& text, const TimeZone& tz, const char* option);

}  // namespace retro::cli
