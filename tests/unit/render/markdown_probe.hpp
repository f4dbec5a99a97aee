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

// Every node of the document in order, text nodes left out (they split differently around escapes):
// headings with their level ("heading1"), links and images with their URL ("link https://…"), HTML with its
// literal ("html_block <!-- retro: … -->\n"); and the literal text of text and code nodes, breaks as '\n'.
struct MarkdownNodes {
    std::vector<std::string> nodes;
    std::string text;
};
MarkdownNodes markdown_nodes(std::string_view markdown);

}  // namespace retro::test
