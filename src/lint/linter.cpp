// Runs the rules over one file. Inline `<!-- retro-lint disable RETRO010 placeholder -->` turns the named
// rules (or, with no names, every rule) off from its line to the end of the file.
#include "lint/linter.hpp"

#include <algorithm>
#include <cctype>

#include "core/text_utf8.hpp"
#include "lint/rule.hpp"
#include "retrodoc/retro_document.hpp"

namespace retro::lint {
namespace {

struct Disable {
    std::uint32_t line = 0;
    std::vector<const Rule*> rules;  // empty: all rules
};

std::vector<Disable> find_disables(const retrodoc::RetroDocument& doc) {
    std::vector<Disable> out;
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        std::string_view line = doc.lines[i];
        std::size_t pos = 0;
        while ((pos = line.find("<!--", pos)) != std::string_view::npos) {
            const std::size_t end = line.find("-->", pos);
            std::string_view body =
                trim(line.substr(pos + 4, end == std::string_view::npos ? std::string_view::npos : end - pos - 4));
            pos = end == std::string_view::npos ? line.size() : end + 3;
            if (!starts_with_icase(body, "retro-lint disable")) continue;
            Disable d;
            d.line = static_cast<std::uint32_t>(i + 1);
            std::string_view rest = body.substr(18);
            std::size_t k = 0;
            while (k < rest.size()) {
                while (k < rest.size() && (rest[k] == ' ' || rest[k] == ',' || rest[k] == '\t')) ++k;
                const std::size_t start = k;
                while (k < rest.size() && rest[k] != ' ' && rest[k] != ',' && rest[k] != '\t') ++k;
                if (k > start) {
                    if (const Rule* r = find_rule(rest.substr(start, k - start))) d.rules.push_back(r);
                }
            }
            out.push_back(std::move(d));
        }
    }
    return out;
}

std::optional<Severity> parse_severity(std::string_view s) {
    if (iequals_ascii(s, "error")) return Severity::error;
    if (iequals_ascii(s, "warning")) return Severity::warning;
    if (iequals_ascii(s, "note")) return Severity::note;
    return std::nullopt;
}

}  // namespace

std::optional<Severity> configured_severity(std::string_view rule_id, const LintConfig& config) {
    const Rule* rule = find_rule(rule_id);
    if (rule == nullptr) return std::nullopt;
    for (const auto& [key, value] : config.severities) {
        if (iequals_ascii(key, rule->id) || iequals_ascii(key, rule->name)) {
            if (iequals_ascii(value, "off")) return std::nullopt;
            if (auto s = parse_severity(value)) return s;
        }
    }
    return rule->severity;
}

std::vector<Finding> lint_retro(std::string_view bytes, const std::string& file_name, const LintConfig& config) {
    const retrodoc::RetroDocument doc = retrodoc::read_retro_document(bytes);
    const std::vector<Disable> disables = find_disables(doc);
    std::vector<Finding> findings;
    for (const Rule& rule : rules()) {
        const auto configured = configured_severity(rule.id, config);
        if (!configured) continue;
        const bool overridden = std::any_of(config.severities.begin(), config.severities.end(), [&](const auto& kv) {
            return iequals_ascii(kv.first, rule.id) || iequals_ascii(kv.first, rule.name);
        });
        RuleContext context{doc, file_name, config, {}};
        context.report = [&](std::uint32_t line, std::uint32_t column, std::string message,
                             std::optional<Severity> severity) {
            for (const Disable& d : disables) {
                if (line >= d.line &&
                    (d.rules.empty() || std::find(d.rules.begin(), d.rules.end(), &rule) != d.rules.end())) {
                    return;
                }
            }
            Finding f;
            f.file = file_name;
            f.line = line;
            f.column = column;
            // A finding's own severity (RETRO003's warning) holds unless [lint] set the rule's.
            f.severity = overridden || !severity ? *configured : *severity;
            f.rule_id = std::string(rule.id);
            f.rule_name = std::string(rule.name);
            f.message = std::move(message);
            if (line >= 1 && line <= doc.lines.size()) f.source_line = std::string(doc.lines[line - 1]);
            findings.push_back(std::move(f));
        };
        rule.check(context);
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.line != b.line) return a.line < b.line;
        if (a.column != b.column) return a.column < b.column;
        return a.rule_id < b.rule_id;
    });
    return findings;
}

}  // namespace retro::lint
