// Teams HTML bodies to plain text (html_text.hpp). gumbo parses the fragment as a browser would (it never
// fails: any bytes give a tree); a walk over the tree, with an explicit stack so that deep nesting costs no
// recursion, writes the text through BodyBuilder. gumbo lives in this file only.
#include "ingest/teams/html_text.hpp"

#include <algorithm>
#include <optional>

#include <gumbo.h>

#include "core/text_utf8.hpp"

namespace retro::ingest::teams {
namespace {

// The parsed tree, freed with the options it was parsed with.
struct GumboTree {
    GumboOptions options = kGumboDefaultOptions;
    GumboOutput* output = nullptr;
    explicit GumboTree(std::string_view html) {
        options.max_errors = 0;  // parse errors are not kept: nobody reads them
        output = gumbo_parse_with_options(&options, html.data(), html.size());
    }
    ~GumboTree() {
        if (output) gumbo_destroy_output(&options, output);
    }
    GumboTree(const GumboTree&) = delete;
    GumboTree& operator=(const GumboTree&) = delete;
};

std::string_view attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a && a->value ? std::string_view(a->value) : std::string_view();
}

// The element's name as written, for the tags HTML does not know (`at`, `emoji`, `attachment`).
std::string_view unknown_tag_name(const GumboNode* node) {
    GumboStringPiece piece = node->v.element.original_tag;
    if (!piece.data || piece.length == 0) return {};
    gumbo_tag_from_original_text(&piece);
    return {piece.data, piece.length};
}

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TR:
        case GUMBO_TAG_TABLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HR: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
        case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_CAPTION:
            return true;
        default:
            return false;
    }
}

bool is_skipped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TITLE:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
            return true;
        default:
            return false;
    }
}

// Images Teams hosts (pasted screenshots, stickers) are fetched with a Graph token; nobody reading the
// retro could open them, so their line carries no URL.
bool is_hosted_content(std::string_view src) {
    return src.find("/hostedContents/") != std::string_view::npos ||
           src.find(".asm.skype.com/") != std::string_view::npos || !src.starts_with("https://");
}

// The text of `node`'s descendants, white space collapsed.
std::string inner_text(const GumboNode* node) {
    BodyBuilder text;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            text.text(n->v.text.text);
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            const GumboVector& children = n->v.element.children;
            for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
        }
    }
    return text.take().text;
}

// What closing an element does.
enum class OnClose { nothing, line, span, link, pre };

struct Frame {
    const GumboNode* node;
    unsigned next = 0;  // the next child to visit
    OnClose close = OnClose::nothing;
    SpanType span = SpanType::bold;
    std::size_t start = 0;
};

class HtmlWalk {
public:
    HtmlWalk(const BodyRefs& refs, BodyBuilder& out, std::vector<std::size_t>& used)
        : m_refs(refs), m_out(out), m_used(used) {}

    void run(const GumboNode* root) {
        std::vector<Frame> stack;
        stack.push_back(Frame{root});
        while (!stack.empty()) {
            Frame& top = stack.back();
            const GumboVector* children = top.node->type == GUMBO_NODE_ELEMENT ? &top.node->v.element.children
                                          : top.node->type == GUMBO_NODE_DOCUMENT ? &top.node->v.document.children
                                                                                  : nullptr;
            if (children && top.next < children->length) {
                const auto* child = static_cast<const GumboNode*>(children->data[top.next++]);
                if (auto frame = enter(child)) stack.push_back(*frame);
                continue;
            }
            leave(top);
            stack.pop_back();
        }
    }

private:
    // Writes what `node` says before its children; a frame when its children are to be visited.
    std::optional<Frame> enter(const GumboNode* node) {
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE:
                if (m_pre > 0) {
                    m_out.verbatim(node->v.text.text);
                } else {
                    m_out.text(node->v.text.text);
                }
                return std::nullopt;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                return enter_element(node);
            default:
                return std::nullopt;  // comments; the document is the root
        }
    }

    std::optional<Frame> enter_element(const GumboNode* node) {
        const GumboTag tag = node->v.element.tag;
        Frame frame{node};
        frame.start = m_out.mark();
        if (is_skipped(tag)) return std::nullopt;
        if (is_block(tag)) {
            m_out.line_break();
            frame.close = OnClose::line;
            return frame;
        }
        switch (tag) {
            case GUMBO_TAG_BR:
                m_out.line_break();
                return std::nullopt;
            case GUMBO_TAG_LI:
                m_out.line_break();
                m_out.text("- ");
                frame.close = OnClose::line;
                return frame;
            case GUMBO_TAG_TD:
            case GUMBO_TAG_TH:
                m_out.space();
                return frame;
            case GUMBO_TAG_IMG:
                image(node);
                return std::nullopt;
            case GUMBO_TAG_A:
                frame.close = OnClose::link;
                return frame;
            case GUMBO_TAG_PRE:
                m_out.line_break();
                ++m_pre;
                frame.close = OnClose::pre;
                return frame;
            case GUMBO_TAG_CODE:
            case GUMBO_TAG_B:
            case GUMBO_TAG_STRONG:
            case GUMBO_TAG_I:
            case GUMBO_TAG_EM:
                if (m_pre > 0) return frame;  // code inside pre: the pre span says it
                frame.close = OnClose::span;
                frame.span = tag == GUMBO_TAG_CODE                               ? SpanType::code
                             : tag == GUMBO_TAG_B || tag == GUMBO_TAG_STRONG ? SpanType::bold
                                                                                 : SpanType::italic;
                return frame;
            case GUMBO_TAG_UNKNOWN:
                return enter_unknown(node, frame);
            default:
                return frame;
        }
    }

    // Teams' own elements: `<at id>`, `<emoji alt>`, `<attachment id>`; any other is walked through.
    std::optional<Frame> enter_unknown(const GumboNode* node, Frame frame) {
        const std::string_view name = unknown_tag_name(node);
        if (iequals_ascii(name, "at")) {
            mention(node);
            return std::nullopt;
        }
        if (iequals_ascii(name, "emoji")) {
            const std::string_view alt = attribute(node, "alt");
            m_out.text(alt.empty() ? std::string_view(inner_text(node)) : alt);
            return std::nullopt;
        }
        if (iequals_ascii(name, "attachment")) {
            file(attribute(node, "id"));
            return std::nullopt;
        }
        return frame;
    }

    void mention(const GumboNode* node) {
        std::string name = inner_text(node);
        if (name.empty()) {
            const std::string_view id = attribute(node, "id");
            for (const MentionRef& m : m_refs.mentions)
                if (m.id == id) name = m.text;
        }
        if (trim(name).empty()) return;
        const std::size_t start = m_out.mark();
        m_out.text("@" + std::string(trim(name)));
        m_out.close_span(start, SpanType::mention);
    }

    void image(const GumboNode* node) {
        const std::string_view alt = trim(attribute(node, "alt"));
        // Teams' older emoji are images of the emoji, the character in `alt`.
        if (attribute(node, "itemtype").find("Emoji") != std::string_view::npos && !alt.empty()) {
            m_out.text(alt);
            return;
        }
        const std::string_view src = attribute(node, "src");
        const std::string_view title = iequals_ascii(alt, "image") ? std::string_view() : alt;
        m_out.attachment_line("image", title, is_hosted_content(src) ? std::string_view() : src);
    }

    void file(std::string_view id) {
        for (std::size_t i = 0; i < m_refs.files.size(); ++i) {
            const FileRef& f = m_refs.files[i];
            if (f.id != id) continue;
            m_out.attachment_line("file", f.name, f.url);
            m_used.push_back(i);
            return;
        }
    }

    void leave(const Frame& frame) {
        switch (frame.close) {
            case OnClose::nothing:
                break;
            case OnClose::line:
                m_out.line_break();
                break;
            case OnClose::span:
                m_out.close_span(frame.start, frame.span);
                break;
            case OnClose::link: {
                const std::string_view href = trim(attribute(frame.node, "href"));
                if (href.empty()) break;
                if (m_out.mark() == frame.start) m_out.text(href);
                m_out.close_span(frame.start, SpanType::link, std::string(href));
                break;
            }
            case OnClose::pre:
                --m_pre;
                m_out.close_span(frame.start, SpanType::pre);
                m_out.line_break();
                break;
        }
    }

    const BodyRefs& m_refs;
    BodyBuilder& m_out;
    std::vector<std::size_t>& m_used;
    int m_pre = 0;
};

// `html` cut to at most `max` bytes, at a character boundary.
std::string_view cut_at_char(std::string_view html, std::size_t max) {
    if (html.size() <= max) return html;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(html[end]) & 0xC0) == 0x80) --end;
    return html.substr(0, end);
}

}  // namespace

void append_html(std::string_view html, const BodyRefs& refs, BodyBuilder& out, std::vector<std::size_t>& used) {
    // gumbo hands text back as NUL-terminated strings: a `\u0000` in the JSON string would cut it short.
    std::string bytes(cut_at_char(html, max_html_bytes));
    bytes.erase(std::remove(bytes.begin(), bytes.end(), '\0'), bytes.end());
    GumboTree tree(bytes);
    if (!tree.output) return;
    HtmlWalk(refs, out, used).run(tree.output->document);
}

}  // namespace retro::ingest::teams
