// The block outline of a Markdown document as GitHub renders it (cmark-gfm with the table, autolink and
// strikethrough extensions): block types with 1-based line ranges, heading texts, and links. cmark-gfm stays
// behind this adapter; positions inside blocks are mapped from the raw lines by the retro reader.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace retro::retrodoc {

enum class BlockType {
    heading,
    paragraph,
    list,
    item,
    code_block,
    html_block,
    block_quote,
    table,
    thematic_break,
    other
};

struct MarkdownBlock {
    BlockType type = BlockType::other;
    int level = 0;                 // heading level 1..6
    std::uint32_t first_line = 0;  // 1-based, inclusive
    std::uint32_t last_line = 0;
    int depth = 0;           // nesting depth below the document (top-level blocks: 0)
    std::string text;        // headings: the rendered text (text and code content)
    bool is_setext = false;  // headings written with an underline
};

struct MarkdownLink {
    std::string url;
    std::string text;          // rendered text content of the link
    std::uint32_t line = 0;    // 1-based line cmark-gfm gives the link (or its block's first line)
    bool is_autolink = false;  // written `<url>` or as a bare URL
};

struct MarkdownOutline {
    std::vector<MarkdownBlock> blocks;  // document order (pre-order)
    std::vector<MarkdownLink> links;    // document order
    std::size_t images_as_text = 0;     // `![` past the budget cmark-gfm is given (it is slow on them)
};

// The most bytes of Markdown handed to cmark-gfm. cmark-gfm aborts the process when one of its buffers
// passes 1 GiB (a paragraph's content grows past its source when tabs are expanded, up to 2.5 times for
// `\t\n` lines), so what it is given stays well under that; a retro or notes file is a few hundred KB.
constexpr std::uint64_t max_markdown_bytes = std::uint64_t{256} << 20;

// Parses `bytes` with cmark-gfm. Never fails: any bytes are some Markdown document. Past 1,000 image
// openers `![`, the rest are parsed as text (counted in images_as_text), as cmark-gfm is quadratic in them.
MarkdownOutline parse_markdown_outline(std::string_view bytes);

}  // namespace retro::retrodoc
