// Front matter of a published Markdown page: YAML between `---` lines (Jekyll, Middleman, Hugo) or TOML
// between `+++` lines (Zola, Hugo). Not Markdown: cmark-gfm would read a YAML block as a setext heading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace retro::retrodoc {

struct FrontMatter {
    std::uint32_t line_count = 0;  // lines from the first fence through the closing one; 0 when there is none
    std::string title;             // `title: …` / `title = "…"`, unquoted; empty when not given
};

// Front matter at the very start of `lines` (a BOM allowed before the first fence). An opening fence with no
// closing one within 200 lines is no front matter.
FrontMatter read_front_matter(const std::vector<std::string_view>& lines);

}  // namespace retro::retrodoc
