// Block Kit flattening (Slack's Block Kit reference; input-formats.md §1.7). Containers of a rich_text
// block start on their own line; list items get "• " or "N. " so the structure survives as plain text.
#include "ingest/slack/blocks.hpp"

#include <string>

#include "core/text_utf8.hpp"

namespace retro::ingest::slack {

namespace {

std::string_view str(json::Element e, std::string_view key) { return json::string_member(e, key).value_or(""); }

void add_span(RichText& out, std::size_t start, SpanType type, std::string url = {}) {
    if (out.text.size() > start) out.spans.push_back(Span{start, out.text.size(), type, std::move(url)});
}

void append_inline(json::Array elements, const NameLookup& names, RichText& out) {
    for (json::Element el : elements) {
        std::string_view type = str(el, "type");
        std::size_t start = out.text.size();
        if (type == "text") {
            out.text += repair_utf8(str(el, "text"));
            if (auto style = json::member(el, "style")) {
                if (json::bool_member(*style, "code").value_or(false)) add_span(out, start, SpanType::code);
                if (json::bool_member(*style, "bold").value_or(false)) add_span(out, start, SpanType::bold);
                if (json::bool_member(*style, "italic").value_or(false)) add_span(out, start, SpanType::italic);
            }
        } else if (type == "user") {
            std::string_view id = str(el, "user_id");
            auto name = names.user ? names.user(id) : std::nullopt;
            out.text += "@" + (name ? *name : std::string(id));
            add_span(out, start, SpanType::mention);
        } else if (type == "channel") {
            std::string_view id = str(el, "channel_id");
            auto name = names.channel ? names.channel(id) : std::nullopt;
            out.text += "#" + (name ? *name : std::string(id));
            add_span(out, start, SpanType::mention);
        } else if (type == "usergroup") {
            out.text += "@" + std::string(str(el, "usergroup_id"));
            add_span(out, start, SpanType::mention);
        } else if (type == "broadcast") {
            out.text += "@" + std::string(str(el, "range"));
            add_span(out, start, SpanType::mention);
        } else if (type == "link") {
            std::string url = repair_utf8(str(el, "url"));
            std::string_view shown = str(el, "text");
            out.text += shown.empty() ? url : repair_utf8(shown);
            add_span(out, start, SpanType::link, url);
        } else if (type == "emoji") {
            out.text += ":" + std::string(str(el, "name")) + ":";
        } else if (type == "date") {
            out.text += repair_utf8(str(el, "fallback"));
        } else if (type == "team") {
            out.text += std::string(str(el, "team_id"));
        }
    }
}

void append_rich_text(json::Array elements, const NameLookup& names, RichText& out) {
    for (json::Element el : elements) {
        std::string_view type = str(el, "type");
        auto inner = json::array_member(el, "elements");
        if (!inner) continue;
        out.break_line();
        if (type == "rich_text_section" || type == "rich_text_quote") {
            append_inline(*inner, names, out);
        } else if (type == "rich_text_preformatted") {
            std::size_t start = out.text.size();
            append_inline(*inner, names, out);
            add_span(out, start, SpanType::pre);
        } else if (type == "rich_text_list") {
            bool ordered = str(el, "style") == "ordered";
            int n = 0;
            for (json::Element item : *inner) {
                out.break_line();
                out.text += ordered ? std::to_string(++n) + ". " : std::string("• ");
                if (auto parts = json::array_member(item, "elements")) append_inline(*parts, names, out);
            }
        }
    }
    // Slack ends a section with "\n" before a following container; the message text should not end in one.
    while (!out.text.empty() && out.text.back() == '\n') {
        bool spanned = false;
        for (const Span& s : out.spans) spanned |= s.end == out.text.size();
        if (spanned) break;
        out.text.pop_back();
    }
}

void append_text_object(json::Element obj, const NameLookup& names, RichText& out) {
    std::string_view text = str(obj, "text");
    if (str(obj, "type") == "mrkdwn")
        append_mrkdwn(repair_utf8(text), names, out);
    else
        out.text += repair_utf8(text);
}

}  // namespace

void append_blocks(json::Array blocks, const NameLookup& names, RichText& out) {
    for (json::Element block : blocks) {
        std::string_view type = str(block, "type");
        if (type == "rich_text") {
            if (auto elements = json::array_member(block, "elements")) {
                out.break_line();
                append_rich_text(*elements, names, out);
            }
        } else if (type == "section" || type == "header") {
            if (auto text = json::member(block, "text"); text && text->is_object()) {
                out.break_line();
                append_text_object(*text, names, out);
            }
            if (auto fields = json::array_member(block, "fields")) {
                for (json::Element f : *fields) {
                    out.break_line();
                    append_text_object(f, names, out);
                }
            }
        } else if (type == "context") {
            if (auto elements = json::array_member(block, "elements")) {
                bool first = true;
                for (json::Element el : *elements) {
                    std::string_view t = str(el, "type");
                    if (t != "mrkdwn" && t != "plain_text") continue;
                    if (first) out.break_line();
                    else out.text += ' ';
                    first = false;
                    append_text_object(el, names, out);
                }
            }
        }
    }
}

}  // namespace retro::ingest::slack
