// retro.toml, read with toml++ (https://toml.io/en/v1.0.0). Each section's known keys are listed here;
// anything else is a `config.unknown-key` warning so a typo never passes silently.
#include "core/config.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "retro/error.hpp"

namespace retro {

namespace {

class ConfigReader {
public:
    ConfigReader(const std::string& path, Diagnostics& diags) : m_path(path), m_diags(diags) {}

    void read(const toml::table& root, Config& config) {
        check_keys(root, "", {"tz", "slack_workspace", "people", "ingest", "correlate", "render", "lint"});
        config.tz = get_string(root, "tz").value_or("");
        config.slack_workspace = get_string(root, "slack_workspace").value_or("");
        if (auto people = table(root, "people")) read_people(*people, config.people);
        if (auto ingest = table(root, "ingest")) read_ingest(*ingest, config.ingest);
        if (auto correlate = table(root, "correlate")) read_correlate(*correlate, config.correlate);
        if (auto render = table(root, "render")) {
            check_keys(*render, "render", {"redact"});
            config.render.redact = get_bool(*render, "redact");
        }
        if (auto lint = table(root, "lint")) read_lint(*lint, config.lint);
    }

private:
    Location where(const toml::node& node) const {
        const auto& src = node.source();
        return {m_path, src.begin.line, src.begin.column};
    }

    void check_keys(const toml::table& t, std::string_view section, std::initializer_list<std::string_view> known) {
        for (const auto& [key, node] : t) {
            bool ok = false;
            for (auto k : known) ok = ok || k == key.str();
            if (!ok) {
                m_diags.warning("config.unknown-key", where(node),
                                section.empty() ? fmt::format("unknown key \"{}\"", key.str())
                                                : fmt::format("unknown key \"{}\" in [{}]", key.str(), section));
            }
        }
    }

    const toml::table* table(const toml::table& t, std::string_view key) {
        const toml::node* node = t.get(key);
        if (!node) return nullptr;
        if (!node->is_table()) {
            m_diags.error("config.bad-value", where(*node), fmt::format("\"{}\" should be a table", key));
            return nullptr;
        }
        return node->as_table();
    }

    template <typename T>
    std::optional<T> get(const toml::table& t, std::string_view key, std::string_view type_name) {
        const toml::node* node = t.get(key);
        if (!node) return std::nullopt;
        if (auto v = node->value<T>()) return v;
        m_diags.error("config.bad-value", where(*node), fmt::format("\"{}\" should be {}", key, type_name));
        return std::nullopt;
    }

    std::optional<std::string> get_string(const toml::table& t, std::string_view key) {
        return get<std::string>(t, key, "a string");
    }
    std::optional<bool> get_bool(const toml::table& t, std::string_view key) { return get<bool>(t, key, "true or false"); }
    std::optional<std::int64_t> get_int(const toml::table& t, std::string_view key) {
        auto v = get<std::int64_t>(t, key, "an integer");
        if (v && *v < 0) {
            m_diags.error("config.bad-value", where(*t.get(key)), fmt::format("\"{}\" should not be negative", key));
            return std::nullopt;
        }
        return v;
    }

    std::vector<std::string> get_strings(const toml::table& t, std::string_view key) {
        std::vector<std::string> out;
        const toml::node* node = t.get(key);
        if (!node) return out;
        const toml::array* array = node->as_array();
        if (!array) {
            m_diags.error("config.bad-value", where(*node), fmt::format("\"{}\" should be an array of strings", key));
            return out;
        }
        for (const auto& item : *array) {
            if (auto s = item.value<std::string>()) out.push_back(*s);
            else m_diags.error("config.bad-value", where(item), fmt::format("\"{}\" should hold only strings", key));
        }
        return out;
    }

    void read_people(const toml::table& t, People& people) {
        // key = "Full Name"  or  key = { name = "Full Name", initials = "FN" }
        for (const auto& [key, node] : t) {
            Person p;
            if (auto name = node.value<std::string>()) {
                p.name = *name;
            } else if (const auto* entry = node.as_table()) {
                check_keys(*entry, "people", {"name", "initials"});
                p.name = get_string(*entry, "name").value_or("");
                p.initials = get_string(*entry, "initials").value_or("");
            } else {
                m_diags.error("config.bad-value", where(node),
                              fmt::format("[people] \"{}\" should be a name or {{ name, initials }}", key.str()));
                continue;
            }
            if (p.initials.empty()) p.initials = initials_of(p.name);
            people.add(std::string(key.str()), std::move(p));
        }
    }

    void read_ingest(const toml::table& t, IngestConfig& ingest) {
        check_keys(t, "ingest", {"max_record_bytes", "max_entry_bytes", "max_file_bytes", "map"});
        auto as_unsigned = [](std::optional<std::int64_t> v) -> std::optional<std::uint64_t> {
            if (!v) return std::nullopt;
            return static_cast<std::uint64_t>(*v);
        };
        ingest.max_record_bytes = as_unsigned(get_int(t, "max_record_bytes"));
        ingest.max_entry_bytes = as_unsigned(get_int(t, "max_entry_bytes"));
        ingest.max_file_bytes = as_unsigned(get_int(t, "max_file_bytes"));
        if (auto map = table(t, "map")) {
            for (const auto& [key, node] : *map) {
                if (auto path = node.value<std::string>()) ingest.map.emplace_back(std::string(key.str()), *path);
                else m_diags.error("config.bad-value", where(node), "[ingest.map] values should be field paths");
            }
        }
    }

    void read_correlate(const toml::table& t, CorrelateConfig& c) {
        check_keys(t, "correlate", {"group_interval_minutes", "flap_lines", "merge_tolerance_minutes", "cluster_gap_minutes",
                                    "tail_minutes", "lead_up_hours", "dated_reach_minutes", "timeline_emoji", "noise_rules",
                                    "ack_words", "keywords", "milestones", "alert_aliases", "cause_words", "cause_quotes"});
        c.group_interval_minutes = get_int(t, "group_interval_minutes");
        c.flap_lines = get_int(t, "flap_lines");
        c.merge_tolerance_minutes = get_int(t, "merge_tolerance_minutes");
        c.cluster_gap_minutes = get_int(t, "cluster_gap_minutes");
        c.tail_minutes = get_int(t, "tail_minutes");
        c.lead_up_hours = get_int(t, "lead_up_hours");
        c.dated_reach_minutes = get_int(t, "dated_reach_minutes");
        c.timeline_emoji = get_strings(t, "timeline_emoji");
        if (t.get("noise_rules")) c.noise_rules = get_strings(t, "noise_rules");
        if (t.get("ack_words")) c.ack_words = get_strings(t, "ack_words");
        if (t.get("cause_words")) c.cause_words = get_strings(t, "cause_words");
        c.cause_quotes = get_int(t, "cause_quotes");
        if (auto keywords = table(t, "keywords"))
            for (const auto& [key, node] : *keywords)
                c.keywords[std::string(key.str())] = get_strings(*keywords, key.str());
        if (auto aliases = table(t, "alert_aliases")) {
            for (const auto& [key, node] : *aliases) {
                if (auto target = node.value<std::string>()) c.alert_aliases[std::string(key.str())] = *target;
                else
                    m_diags.error("config.bad-value", where(node),
                                  "[correlate.alert_aliases] values should be alert keys");
            }
        }
        if (auto milestones = table(t, "milestones")) {
            for (const auto& [key, node] : *milestones) {
                if (auto time = node.value<std::string>()) c.milestones[std::string(key.str())] = *time;
                else m_diags.error("config.bad-value", where(node),
                                   "[correlate.milestones] values should be times (\"2024-07-25T11:33\")");
            }
        }
    }

    void read_lint(const toml::table& t, LintConfig& lint) {
        check_keys(t, "lint", {"rules", "required_sections", "required_metadata", "include", "exclude"});
        if (auto rules = table(t, "rules")) {
            for (const auto& [key, node] : *rules) {
                auto value = node.value<std::string>();
                if (!value || (*value != "error" && *value != "warning" && *value != "note" && *value != "off")) {
                    m_diags.error("config.bad-value", where(node),
                                  fmt::format("[lint.rules] \"{}\" should be error, warning, note or off", key.str()));
                    continue;
                }
                lint.severities[std::string(key.str())] = *value;
            }
        }
        lint.required_sections = get_strings(t, "required_sections");
        lint.required_metadata = get_strings(t, "required_metadata");
        lint.include = get_strings(t, "include");
        lint.exclude = get_strings(t, "exclude");
    }

    std::string m_path;
    Diagnostics& m_diags;
};

std::optional<std::string> read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

Config parse_config(std::string_view text, const std::string& path, Diagnostics& diags) {
    Config config;
    config.path = path;
    try {
        toml::table root = toml::parse(text, path);
        ConfigReader(path, diags).read(root, config);
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        diags.error("config.bad-toml", {path, src.begin.line, src.begin.column},
                    fmt::format("invalid TOML: {}", e.description()));
    }
    return config;
}

Config load_config(const std::optional<std::string>& explicit_path,
                   const std::optional<std::filesystem::path>& case_folder, const std::filesystem::path& start,
                   Diagnostics& diags) {
    namespace fs = std::filesystem;
    if (explicit_path) {
        auto text = read_text_file(*explicit_path);
        if (!text) throw Error(fmt::format("cannot read config file {}", *explicit_path));
        return parse_config(*text, *explicit_path, diags);
    }
    std::error_code ec;
    if (case_folder) {
        const fs::path candidate = *case_folder / "retro.toml";
        if (fs::is_regular_file(candidate, ec)) {
            auto text = read_text_file(candidate);
            if (text) return parse_config(*text, candidate.string(), diags);
        }
    }
    fs::path dir = fs::absolute(start, ec);
    if (ec) return {};
    for (;;) {
        const fs::path candidate = dir / "retro.toml";
        if (fs::is_regular_file(candidate, ec)) {
            auto text = read_text_file(candidate);
            if (text) return parse_config(*text, candidate.string(), diags);
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) break;
        dir = dir.parent_path();
    }
    return {};
}

}  // namespace retro
