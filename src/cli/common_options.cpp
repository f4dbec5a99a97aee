// Common options and their resolution against retro.toml and the environment.
#include "cli/common_options.hpp"
#include "cli/color.hpp"
#include "cli/progress_line.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <unistd.h>

#include "io/folder_tree.hpp"
#include "retro/error.hpp"

namespace retro::cli {

void add_base_options(CLI::App& c, CommonOptions& o) {
    c.add_option("--config", o.config_path, "Read this retro.toml instead of looking one up")->type_name("FILE");
    c.add_option("--diagnostics", o.diagnostics_format, "How diagnostics are printed on stderr")
        ->check(CLI::IsMember({"text", "json"}));
    add_color_option(c);
}

void add_common_options(CLI::App& c, CommonOptions& o) {
    add_base_options(c, o);
    c.add_option("--tz", o.tz, "Zone of human-facing local times (default: config tz, else TZ, else system)");
    c.add_option("--assume-tz", o.assume_tz, "Zone for machine timestamps that carry no offset (default UTC)");
    c.add_option("--from", o.from, "Start of the window, inclusive (ISO 8601; local in --tz without offset)");
    c.add_option("--until", o.until, "End of the window, exclusive (ISO 8601; local in --tz without offset)");
    c.add_option("--slack-workspace", o.slack_workspace, "Slack workspace subdomain, for permalinks");
    c.add_option("--slack-channel", o.slack_channel, "Channel of piped Slack API JSON, as ID[:NAME]");
    c.add_option("--channel", o.channels, "Only these channels (repeatable, globs)");
    c.add_flag("--include-private", o.include_private, "Also read private channels, DMs and group DMs");
    c.add_option("--map", o.maps, "json-map field paths: FIELD=PATH,… (time, title, key, state, severity)");
    c.add_flag("--strict", o.strict, "Exit 1 when any input was damaged or truncated");
}

void add_git_ref_option(CLI::App& c, CommonOptions& o) {
    c.add_option("--git-ref", o.git_ref,
                 "Read git repositories' first-parent history from this branch, tag or commit (default HEAD)");
}

CLI::Option* add_output_options(CLI::App& c, OutputOptions& o) {
    CLI::Option* output =
        c.add_option("-o,--output", o.path, "Write to FILE instead of stdout (an existing FILE needs --force)")
            ->type_name("FILE");
    c.add_flag("--force", o.force, "Replace the -o FILE if it exists (never a file the command reads)");
    return output;
}

TimeZone default_zone() {
    // TZ names a zone ("Europe/London", ":Europe/London") or a zone file (":/etc/localtime", which main()
    // sets when TZ is unset); a zone file is a link into the tz database, as /etc/localtime is.
    std::string zone_file = "/etc/localtime";
    if (const char* tz = std::getenv("TZ"); tz && *tz) {
        std::string_view name = tz;
        if (name.front() == ':') name.remove_prefix(1);
        if (name.starts_with('/'))
            zone_file = std::string(name);
        else if (auto zone = TimeZone::find(name))
            return *zone;
    }
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(zone_file, ec);
    if (!ec) {
        const std::string s = target.string();
        const auto pos = s.find("zoneinfo/");
        if (pos != std::string::npos) {
            if (auto zone = TimeZone::find(s.substr(pos + 9))) return *zone;
        }
    }
    return TimeZone::utc();
}

static TimeZone zone_option(const std::string& name, const std::string& option) {
    auto zone = TimeZone::find(name);
    if (!zone) throw Error(fmt::format("{} {}: not a time zone of the tz database (e.g. Europe/London)", option, name));
    return *zone;
}

Instant parse_time_option(const std::string& text, const TimeZone& tz, const char* option) {
    if (auto instant = parse_iso8601(text)) return *instant;
    if (auto local = parse_iso8601_local(text)) {
        const LocalResolution r = resolve_local(*local, tz);
        if (r.kind == LocalKind::gap)
            throw Error(fmt::format("{} {}: that local time does not exist in {} (clocks went forward)", option, text,
                                    tz.name()));
        return r.instant;
    }
    throw Error(fmt::format("{} {}: expected a date or date-time such as 2024-07-25 or 2024-07-25T11:00", option, text));
}

static void print_to_stderr(const std::string& line) {
    erase_progress_line();
    std::fputs(line.c_str(), stderr);
    std::fputc('\n', stderr);
}

// Text diagnostics with their severity painted when stderr takes colour (cli/color.hpp).
static void print_text_to_stderr(const std::string& line) {
    print_to_stderr(is_color_on(STDERR_FILENO) ? paint_severity(line) : line);
}

static FieldMap parse_maps(const std::vector<std::string>& maps) {
    FieldMap out;
    for (const auto& arg : maps) {
        std::size_t start = 0;
        while (start <= arg.size()) {
            std::size_t comma = arg.find(',', start);
            if (comma == std::string::npos) comma = arg.size();
            const std::string item = arg.substr(start, comma - start);
            const auto eq = item.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
                throw Error(fmt::format("--map {}: expected FIELD=PATH, e.g. time=.detail.at", item));
            out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
            start = comma + 1;
        }
    }
    return out;
}

Session::Session(Diagnostics::Format format)
    : diags(format == Diagnostics::Format::text ? print_text_to_stderr : print_to_stderr, format) {}

std::unique_ptr<Session> open_session(const CommonOptions& o, const std::vector<std::string>& sources) {
    auto session = std::make_unique<Session>(o.diagnostics_format == "json" ? Diagnostics::Format::json
                                                                             : Diagnostics::Format::text);
    std::optional<std::string> explicit_config;
    if (!o.config_path.empty()) explicit_config = o.config_path;
    std::optional<std::filesystem::path> case_folder;
    for (const auto& source : sources) {
        const SourceSpec spec = parse_source_spec(source);
        if (spec.kind.empty() && spec.path != "-" && io::is_directory(spec.path)) {
            case_folder = spec.path;
            break;
        }
    }
    session->config = load_config(explicit_config, case_folder, std::filesystem::current_path(), session->diags);
    const Config& config = session->config;

    if (!o.tz.empty()) session->tz = zone_option(o.tz, "--tz");
    else if (!config.tz.empty()) session->tz = zone_option(config.tz, "tz in " + config.path);
    else session->tz = default_zone();

    IngestOptions& in = session->ingest;
    in.tz = session->tz;
    in.assume_tz = o.assume_tz.empty() ? TimeZone::utc() : zone_option(o.assume_tz, "--assume-tz");
    in.slack_workspace = o.slack_workspace.empty() ? config.slack_workspace : o.slack_workspace;
    if (!o.slack_channel.empty()) {
        const auto colon = o.slack_channel.find(':');
        in.slack_channel_id = o.slack_channel.substr(0, colon);
        if (colon != std::string::npos) in.slack_channel_name = o.slack_channel.substr(colon + 1);
    }
    in.channel_globs = o.channels;
    in.include_private = o.include_private;
    if (!o.from.empty()) {
        in.from = parse_time_option(o.from, session->tz, "--from");
        if (auto local = parse_iso8601_local(o.from)) in.day_hint = date_of(*local);
    }
    if (!o.until.empty()) in.until = parse_time_option(o.until, session->tz, "--until");
    if (in.from && in.until && *in.until <= *in.from) throw Error("--until must be later than --from");
    in.git_ref = o.git_ref;
    in.json_map = config.ingest.map;
    for (auto& entry : parse_maps(o.maps)) in.json_map.push_back(std::move(entry));
    if (config.ingest.max_record_bytes) in.limits.max_record_bytes = *config.ingest.max_record_bytes;
    if (config.ingest.max_entry_bytes) in.limits.max_entry_bytes = *config.ingest.max_entry_bytes;
    if (config.ingest.max_file_bytes) in.limits.max_file_bytes = *config.ingest.max_file_bytes;
    in.people = config.people;
    return session;
}

int finish_session(Session& session, const CommonOptions& options) {
    session.diags.finish();
    if (options.strict && session.diags.count(Severity::error) > 0) return 1;
    return 0;
}

}  // namespace retro::cli
