// The lint rule registry: one array of rules with stable ids (RETRO001…, never reused), names, default
// severities and the paragraph `retro lint --explain` prints. Rules read a RetroDocument and report.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "lint/finding.hpp"
#include "retrodoc/retro_document.hpp"

namespace retro::lint {

// What a rule sees: the parsed document, its bytes, its name, and the lint configuration.
struct RuleContext {
    const retrodoc::RetroDocument& doc;
    std::string_view file_name;  // as given on the command line (RETRO004 reads its base name)
    const LintConfig& config;
    // Reports a finding at 1-based line:column with the rule's severity (or `severity` when given:
    // RETRO003 and RETRO007 report some findings as warnings).
    std::function<void(std::uint32_t line, std::uint32_t column, std::string message, std::optional<Severity> severity)>
        report;
};

struct Rule {
    std::string_view id;
    std::string_view name;
    Severity severity;
    std::string_view summary;
    std::string_view explanation;
    void (*check)(RuleContext& context);
};

// Every rule, in id order.
const std::vector<Rule>& rules();
// By id ("RETRO004", case-insensitive) or name ("filename-date"); nullptr when unknown.
const Rule* find_rule(std::string_view id_or_name);

// Rule checks, one file per group of rules.
void check_title(RuleContext& context);          // RETRO001
void check_metadata(RuleContext& context);       // RETRO002
void check_date_order(RuleContext& context);     // RETRO003
void check_filename_date(RuleContext& context);  // RETRO004
void check_toc_links(RuleContext& context);      // RETRO005
void check_sections(RuleContext& context);       // RETRO006
void check_day_headings(RuleContext& context);   // RETRO007
void check_time_order(RuleContext& context);     // RETRO008
void check_actions_owner(RuleContext& context);  // RETRO009
void check_placeholders(RuleContext& context);   // RETRO010
void check_link_text(RuleContext& context);      // RETRO011
void check_secrets(RuleContext& context);        // RETRO012
void check_personal_data(RuleContext& context);  // RETRO013

// Shared helpers for the rules.
// The metadata value of the first key matching one of `keys` (case-insensitive).
const retrodoc::RetroMetadata* find_metadata(const retrodoc::RetroDocument& doc,
                                             std::initializer_list<std::string_view> keys);

}  // namespace retro::lint
