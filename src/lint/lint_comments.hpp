// `<!-- retro-lint … -->` comments, as markdownlint's inline configuration: which rules each line of a file
// has turned off. The directives (also written `retro-lint-disable`, as markdownlint writes its own):
//   disable [RULE…]            off from this line to an `enable` or the end of the file
//   enable [RULE…]             back on from this line
//   disable-line [RULE…]       off on this line only
//   disable-next-line [RULE…]  off on the next line only
//   disable-file [RULE…]       off in the whole file, wherever the comment stands
// A RULE is an id (`RETRO007`) or a name (`day-heading`), any case, separated by spaces or commas; none
// means every rule. An unknown rule name is a `lint.unknown-rule` warning and turns nothing off (the
// comment's other names still count); an unknown directive is a `lint.unknown-directive` warning. Comments
// inside code blocks are quoted text, not directives.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "retro/diagnostic.hpp"
#include "retrodoc/retro_document.hpp"

namespace retro::lint {

// One bit per rule, by index in rules().
using RuleSet = std::bitset<64>;

class LintComments {
public:
    // Reads the comments of `doc`; problems with them go to `diags` (when given) under `file_name`.
    LintComments(const retrodoc::RetroDocument& doc, const std::string& file_name, Diagnostics* diags);

    // Whether the rule at `rule_index` is off at 1-based `line` (0: the file as a whole, which only
    // `disable-file` turns off).
    bool is_disabled(std::size_t rule_index, std::uint32_t line) const;

private:
    RuleSet m_file;                 // disable-file
    std::vector<RuleSet> m_by_line;  // index = line; empty when the file has no line-scoped comment
};

}  // namespace retro::lint
