// Runs the rules over one file; `<!-- retro-lint … -->` comments (lint_comments.hpp) turn rules off by line.
#include "lint/linter.hpp"

#include <algorithm>
#include <cctype>

#include "core/text_utf8.hpp"
#include "lint/lint_comments.hpp"
#include "lint/rule.hpp"
#include "retrodoc/retro_document.hpp"

namespace retro::lint {
namespace {

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

std::vector<Finding> lint_retro(std::string_view bytes, const std::string& file_name, const LintConfig& config,
                                Diagnostics* diags) {
    const retrodoc::RetroDocument doc = retrodoc::read_retro_document(bytes);
    const LintComments comments(doc, file_name, diags);
    std::vector<Finding> findings;
    for (std::size_t index = 0; index < rules().size(); ++index) {
        const Rule& rule = rules()[index];
        const auto configured = configured_severity(rule.id, config);
        if (!configured) continue;
        const bool overridden = std::any_of(config.severities.begin(), config.severities.end(), [&](const auto& kv) {
            return iequals_ascii(kv.first, rule.id) || iequals_ascii(kv.first, rule.name);
        });
        RuleContext context{doc, file_name, config, {}};
        context.report = [&](std::uint32_t line, std::uint32_t column, std::string message,
                             std::optional<Severity> severity) {
            if (comments.is_disabled(index, line)) return;
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
