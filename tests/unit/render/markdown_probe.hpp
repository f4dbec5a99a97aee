// Test helper: parses Markdown with cmark-gfm (with GitHub's extensions, as GitHub renders it) and
// describes its structure, so tests can check that escaped text stays plain text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace retro::test {

struct MarkdownProbe {
    std::vector<std::string> blocks;   // top-level block types in order: "paragraph", "heading", "html_block"…
    std::vector<std::string> inlines;  // every inline node type below the blocks, in order, with duplicates
    std::string text;                  // literal text of text/code nodes; soft and hard breaks as '\n'
};

MarkdownProbe probe_markdown(std::string_view markdown);

// True when `probe.inlines` has only the listed types.
bool only_inlines(const MarkdownProbe& probe, const std::vector<std::string>& allowed);

}  // namespace retro::test
