// RETRO005 toc-links, RETRO006 sections, RETRO009 actions-owner: the document's structure. Anchors follow
// GitHub's heading slugs (github.com/Flet/github-slugger: lower case, punctuation dropped, spaces to '-',
// repeats suffixed -1, -2…).
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "lint/rule.hpp"

namespace retro::lint {

void check_toc_links(RuleContext& context) {
    std::set<std::string, std::less<>> anchors;
    std::map<std::string, int, std::less<>> seen;
    for (const auto& h : context.doc.headings) {
        const std::string slug = retrodoc::github_slug(h.text);
        const int n = seen[slug]++;
        anchors.insert(n == 0 ? slug : fmt::format("{}-{}", slug, n));
    }
    for (const auto& link : context.doc.links) {
        if (!link.url.starts_with('#') || link.url.size() < 2) continue;
        const std::string anchor = link.url.substr(1);
        if (anchors.count(anchor) > 0 || anchors.count(to_lower_ascii(anchor)) > 0) continue;
        context.report(link.line, link.column, fmt::format("link to `{}` matches no heading of this file", link.url),
                       std::nullopt);
    }
}

void check_sections(RuleContext& context) {
    static const std::vector<std::string> defaults = {"Timeline", "Analysis of causes", "Actions"};
    const auto& required = context.config.required_sections.empty() ? defaults : context.config.required_sections;
    const auto& doc = context.doc;
    const std::uint32_t title_line = doc.title ? doc.title->line : 1;
    std::uint32_t previous_line = 0;
    std::string previous_name;
    for (const std::string& name : required) {
        const retrodoc::RetroHeading* at_level_2 = nullptr;
        const retrodoc::RetroHeading* elsewhere = nullptr;
        for (const auto& h : doc.headings) {
            if (!iequals_ascii(trim(h.text), name)) continue;
            if (h.level == 2 && at_level_2 == nullptr) at_level_2 = &h;
            if (h.level != 2 && elsewhere == nullptr) elsewhere = &h;
        }
        if (at_level_2 == nullptr && elsewhere != nullptr) {
            context.report(
                elsewhere->line, 1,
                fmt::format("section `{}` is a level-{} heading; write `## {}`", name, elsewhere->level, name),
                std::nullopt);
            continue;
        }
        if (at_level_2 == nullptr) {
            context.report(title_line, 1, fmt::format("required section `## {}` is missing", name), std::nullopt);
            continue;
        }
        if (at_level_2->line < previous_line) {
            context.report(at_level_2->line, 1,
                           fmt::format("section `{}` comes before `{}` (line {}); expected after it", name,
                                       previous_name, previous_line),
                           std::nullopt);
            continue;
        }
        previous_line = at_level_2->line;
        previous_name = name;
    }
}

void check_actions_owner(RuleContext& context) {
    for (const auto& owner : context.doc.owners) {
        // A draft's `<!-- retro: … -->` prompt under an owner is where people will write the actions.
        if (owner.actions.empty() && !owner.has_prompt) {
            context.report(owner.line, owner.column, fmt::format("owner `{}` has no actions", owner.name),
                           std::nullopt);
        }
    }
}

}  // namespace retro::lint
