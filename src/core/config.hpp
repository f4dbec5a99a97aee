// retro.toml (toml++): lookup and the sections of DESIGN.md. Unknown keys are reported as warnings
// (`config.unknown-key`); a file that does not parse is an error (`config.bad-toml`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "retro/diagnostic.hpp"
#include "retro/people.hpp"

namespace retro {

struct IngestConfig {
    std::optional<std::uint64_t> max_record_bytes;
    std::optional<std::uint64_t> max_entry_bytes;
    std::optional<std::uint64_t> max_file_bytes;
    std::vector<std::pair<std::string, std::string>> map;  // [ingest.map] field = path
};

struct CorrelateConfig {
    std::optional<std::int64_t> group_interval_minutes;
    std::optional<std::int64_t> flap_lines;  // a flapping group with at most this many firings: line by line
    std::optional<std::int64_t> merge_tolerance_minutes;
    std::optional<std::int64_t> cluster_gap_minutes;
    std::optional<std::int64_t> tail_minutes;
    std::optional<std::int64_t> lead_up_hours;  // changes this long before the first signal are candidates
    std::optional<std::int64_t> dated_reach_minutes;  // alerts this near a time a message names join the window
    std::vector<std::string> timeline_emoji;
    std::optional<std::vector<std::string>> noise_rules;  // rules in force (an empty list turns all off)
    std::optional<std::vector<std::string>> ack_words;    // one-word acknowledgements
    std::optional<std::vector<std::string>> cause_words;  // phrases that say why it happened
    std::optional<std::int64_t> cause_quotes;             // how many sentences saying why the analysis quotes
    std::map<std::string, std::vector<std::string>> keywords;  // [correlate.keywords] milestone → phrases
    std::map<std::string, std::string> milestones;        // [correlate.milestones] name → time (pins)
    std::map<std::string, std::string> alert_aliases;     // [correlate.alert_aliases] alias → alert key
};

struct RenderConfig {
    std::optional<bool> redact;
};

struct LintConfig {
    std::map<std::string, std::string> severities;  // rule id or name → error|warning|note|off
    std::vector<std::string> required_sections;
    std::vector<std::string> required_metadata;     // metadata names ("Incident from"…); empty: the defaults
    std::vector<std::string> include, exclude;      // globs
};

struct Config {
    std::string path;  // the file it came from; empty when none was found
    std::string tz;
    std::string slack_workspace;
    People people;
    IngestConfig ingest;
    CorrelateConfig correlate;
    RenderConfig render;
    LintConfig lint;
};

// Parses retro.toml text. Problems are diagnostics; what parsed is kept.
Config parse_config(std::string_view text, const std::string& path, Diagnostics& diags);

// `explicit_path` when given (throws retro::Error if unreadable), else `<case folder>/retro.toml`, else
// the first retro.toml walking up from `start`. Returns an empty Config when none exists.
Config load_config(const std::optional<std::string>& explicit_path,
                   const std::optional<std::filesystem::path>& case_folder,
                   const std::filesystem::path& start, Diagnostics& diags);

}  // namespace retro
