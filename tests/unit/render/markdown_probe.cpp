// cmark-gfm behind one small RAII holder, for the render tests only.
#include "markdown_probe.hpp"

#include <algorithm>
#include <memory>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace retro::test {
namespace {

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// The document as GitHub parses it: CommonMark with the GFM extensions.
std::unique_ptr<cmark_node, NodeDeleter> parse_gfm(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    for (const char* name : {"table", "autolink", "strikethrough", "tagfilter", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser.get(), ext);
        }
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parser_finish(parser.get()));
}

void walk_inlines(cmark_node* node, MarkdownProbe& probe) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        const std::string type = cmark_node_get_type_string(child);
        probe.inlines.push_back(type);
        if (type == "text" || type == "code" || type == "html_inline") {
            const char* literal = cmark_node_get_literal(child);
            probe.text += literal ? literal : "";
        } else if (type == "softbreak" || type == "linebreak") {
            probe.text += '\n';
        }
        walk_inlines(child, probe);
    }
}

}  // namespace

MarkdownProbe probe_markdown(std::string_view markdown) {
    const auto doc = parse_gfm(markdown);
    MarkdownProbe probe;
    for (cmark_node* block = cmark_node_first_child(doc.get()); block; block = cmark_node_next(block)) {
        probe.blocks.emplace_back(cmark_node_get_type_string(block));
        walk_inlines(block, probe);
    }
    return probe;
}

MarkdownNodes markdown_nodes(std::string_view markdown) {
    const auto doc = parse_gfm(markdown);
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(doc.get()));
    MarkdownNodes out;
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        std::string type = cmark_node_get_type_string(node);
        const char* literal = cmark_node_get_literal(node);
        if (type == "heading") type += std::to_string(cmark_node_get_heading_level(node));
        if (type == "link" || type == "image") type += std::string(" ") + cmark_node_get_url(node);
        if (type.starts_with("html") && literal) {
            std::string html = literal;
            // A region's base record differs with its text; the marker still has to be one whole comment.
            if (const std::size_t base = html.find(" base="); base != std::string::npos && html.ends_with(" -->\n"))
                html.replace(base, html.size() - 5 - base, "");
            type += " " + html;
        }
        if ((type == "text" || type == "code") && literal) out.text += literal;
        if (type == "softbreak" || type == "linebreak") out.text += '\n';
        if (type != "text") out.nodes.push_back(type);
    }
    return out;
}

bool only_inlines(const MarkdownProbe& probe, const std::vector<std::string>& allowed) {
    return std::all_of(probe.inlines.begin(), probe.inlines.end(), [&](const std::string& t) {
        return std::find(allowed.begin(), allowed.end(), t) != allowed.end();
    });
}

}  // namespace retro::test
