// cmark-gfm adapter (RAII): parses with GitHub's extensions and copies out the block outline and links,
// so no cmark type leaves this file. Spec: GitHub Flavored Markdown 0.29-gfm.
#include "retrodoc/markdown_outline.hpp"

#include <memory>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

namespace retro::retrodoc {
namespace {

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;

void ensure_extensions_registered() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

BlockType block_type_of(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
            return BlockType::heading;
        case CMARK_NODE_PARAGRAPH:
            return BlockType::paragraph;
        case CMARK_NODE_LIST:
            return BlockType::list;
        case CMARK_NODE_ITEM:
            return BlockType::item;
        case CMARK_NODE_CODE_BLOCK:
            return BlockType::code_block;
        case CMARK_NODE_HTML_BLOCK:
            return BlockType::html_block;
        case CMARK_NODE_BLOCK_QUOTE:
            return BlockType::block_quote;
        case CMARK_NODE_THEMATIC_BREAK:
            return BlockType::thematic_break;
        default:
            break;
    }
    const char* name = cmark_node_get_type_string(node);
    if (name != nullptr && std::string_view(name) == "table") return BlockType::table;
    return BlockType::other;
}

// The rendered text of an inline subtree: text and code literals, breaks as spaces.
void append_text_content(cmark_node* node, std::string& out) {
    for (cmark_node* child = cmark_node_first_child(node); child != nullptr; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE: {
                const char* literal = cmark_node_get_literal(child);
                if (literal != nullptr) out += literal;
                break;
            }
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                append_text_content(child, out);
                break;
        }
    }
}

std::uint32_t block_line_of(cmark_node* node) {
    for (cmark_node* n = node; n != nullptr; n = cmark_node_parent(n)) {
        if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
            int line = cmark_node_get_start_line(n);
            if (line > 0) return static_cast<std::uint32_t>(line);
        }
    }
    return 0;
}

// cmark-gfm is not re-entrant: every parse adds its extensions' trigger characters (`~`, `:`, `w`) to a
// process-wide table and takes them out when it finishes (github/cmark-gfm PR #176), so a parse finishing on
// one thread would make another miss strikethrough and autolinks. Parses take turns; what is done with the
// tree afterwards runs in parallel.
std::mutex& cmark_parse_mutex() {
    static std::mutex mutex;
    return mutex;
}

// cmark-gfm 0.29.0.gfm.6 (Debian 12) is quadratic in the image openers `![` of a paragraph (CVE-2023-22486,
// fixed upstream in 0.29.0.gfm.7): `![[]()` repeated takes seconds at 100 KB and minutes at 1 MB. Past this
// many, an opener's `!` is handed to cmark-gfm as `i`, a letter that opens nothing and starts no block, so
// the outline's lines and blocks stay the same and only those images are missed. `<![` (CDATA) is left.
constexpr std::size_t max_image_openers = 1000;

// `bytes`, or a copy with the image openers past the budget made text (counted in `outline`).
std::string_view within_image_budget(std::string_view bytes, std::string& copy, MarkdownOutline& outline) {
    std::size_t seen = 0;
    for (std::size_t at = bytes.find("!["); at != std::string_view::npos; at = bytes.find("![", at + 2)) {
        if (at > 0 && bytes[at - 1] == '<') continue;
        if (++seen <= max_image_openers) continue;
        if (copy.empty()) copy.assign(bytes);
        copy[at] = 'i';
        ++outline.images_as_text;
    }
    return copy.empty() ? bytes : std::string_view(copy);
}

NodePtr parse_gfm(std::string_view bytes) {
    std::lock_guard lock(cmark_parse_mutex());
    ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    if (!parser) return nullptr;
    for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser.get(), ext);
        }
    }
    cmark_parser_feed(parser.get(), bytes.data(), bytes.size());
    return NodePtr(cmark_parser_finish(parser.get()));
}

}  // namespace

MarkdownOutline parse_markdown_outline(std::string_view bytes) {
    ensure_extensions_registered();
    MarkdownOutline outline;
    std::string copy;
    NodePtr document = parse_gfm(within_image_budget(bytes, copy, outline));
    if (!document) return outline;

    IterPtr iter(cmark_iter_new(document.get()));
    int depth = -1;  // the document itself is entered first
    for (cmark_event_type ev = cmark_iter_next(iter.get()); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter.get())) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const bool is_block = (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
        if (is_block && cmark_node_first_child(node) != nullptr) {
            // Containers are entered and exited; leaves only entered.
            if (ev == CMARK_EVENT_EXIT) {
                --depth;
                continue;
            }
        }
        if (ev != CMARK_EVENT_ENTER) continue;
        if (cmark_node_get_type(node) == CMARK_NODE_DOCUMENT) {
            depth = 0;
            continue;
        }
        if (is_block) {
            MarkdownBlock block;
            block.type = block_type_of(node);
            block.first_line = static_cast<std::uint32_t>(std::max(0, cmark_node_get_start_line(node)));
            block.last_line = static_cast<std::uint32_t>(std::max(0, cmark_node_get_end_line(node)));
            block.depth = depth;
            if (block.type == BlockType::heading) {
                block.level = cmark_node_get_heading_level(node);
                append_text_content(node, block.text);
                block.is_setext = block.last_line > block.first_line;
            }
            outline.blocks.push_back(std::move(block));
            if (cmark_node_first_child(node) != nullptr) ++depth;
        } else if (cmark_node_get_type(node) == CMARK_NODE_LINK) {
            MarkdownLink link;
            const char* url = cmark_node_get_url(node);
            link.url = url != nullptr ? url : "";
            append_text_content(node, link.text);
            const int line = cmark_node_get_start_line(node);
            link.line = line > 0 ? static_cast<std::uint32_t>(line) : block_line_of(node);
            link.is_autolink = link.text == link.url || ("mailto:" + link.text) == link.url;
            outline.links.push_back(std::move(link));
        }
    }
    return outline;
}

}  // namespace retro::retrodoc
