// Mail text helpers: reply-prefix normalisation (input-formats.md §5.1), HTML to text, body summaries.
#include "ingest/email/mail_text.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

#include "core/message_lines.hpp"
#include "core/text_utf8.hpp"

namespace retro::ingest::email {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool pending = false;
    for (char c : text) {
        if (is_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out.push_back(' ');
        pending = false;
        out.push_back(c);
    }
    return out;
}

// Strips one leading reply/forward prefix or tag; returns false when there is none.
bool strip_one_prefix(std::string_view& s) {
    static constexpr std::array<std::string_view, 12> prefixes = {"re", "fwd", "fw", "aw", "sv",   "r",
                                                                  "i",  "wg",  "tr", "vs", "antw", "ref"};
    static constexpr std::array<std::string_view, 4> tags = {"[external]", "[ext]", "[external email]",
                                                             "[external sender]"};
    for (auto tag : tags) {
        if (starts_with_icase(s, tag)) {
            s = trim(s.substr(tag.size()));
            return true;
        }
    }
    for (auto prefix : prefixes) {
        if (!starts_with_icase(s, prefix)) continue;
        std::size_t i = prefix.size();
        // `RE[2]:` and `Re(2):` counters.
        if (i < s.size() && (s[i] == '[' || s[i] == '(')) {
            char close = s[i] == '[' ? ']' : ')';
            std::size_t j = i + 1;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            if (j > i + 1 && j < s.size() && s[j] == close) i = j + 1;
        }
        while (i < s.size() && s[i] == ' ') ++i;
        if (i < s.size() && s[i] == ':') {
            s = trim(s.substr(i + 1));
            return true;
        }
        if (s.substr(i).starts_with("\xEF\xBC\x9A")) {  // full-width colon (CJK mail clients)
            s = trim(s.substr(i + 3));
            return true;
        }
    }
    return false;
}

void append_entity(std::string& out, std::string_view name) {
    if (name.starts_with("#")) {
        unsigned long value = 0;
        bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        auto digits = name.substr(hex ? 2 : 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
        if (ec == std::errc() && end == digits.data() + digits.size() && value > 0 && value <= 0x10FFFF &&
            !(value >= 0xD800 && value <= 0xDFFF)) {
            append_utf8(out, static_cast<char32_t>(value == 0xA0 ? 0x20 : value));
            return;
        }
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> named = {{{"amp", "&"},
                                                                                             {"lt", "<"},
                                                                                             {"gt", ">"},
                                                                                             {"quot", "\""},
                                                                                             {"apos", "'"},
                                                                                             {"nbsp", " "},
                                                                                             {"ndash", "\u2013"},
                                                                                             {"mdash", "\u2014"},
                                                                                             {"rsquo", "\u2019"},
                                                                                             {"lsquo", "\u2018"},
                                                                                             {"hellip", "\u2026"},
                                                                                             {"copy", "\u00A9"}}};
    for (auto [n, v] : named) {
        if (n == name) {
            out.append(v);
            return;
        }
    }
    out.append("&").append(name).append(";");
}

bool is_block_tag(std::string_view tag) {
    static constexpr std::array<std::string_view, 16> blocks = {"p",  "div", "br", "li",    "tr", "h1", "h2", "h3",
                                                                "h4", "h5",  "h6", "table", "ul", "ol", "hr", "title"};
    for (auto b : blocks)
        if (iequals_ascii(tag, b)) return true;
    return false;
}

}  // namespace

std::string normalize_subject(std::string_view subject) {
    std::string collapsed = collapse_spaces(subject);
    std::string_view s = collapsed;
    while (strip_one_prefix(s)) {
    }
    return std::string(s);
}

std::string html_to_text(std::string_view html) {
    std::string out;
    std::string skip_until;  // a closing tag whose content is not text
    int quote_depth = 0;
    std::size_t i = 0;
    while (i < html.size()) {
        char c = html[i];
        if (c == '<') {
            if (html.substr(i, 4) == "<!--") {
                auto end = html.find("-->", i + 4);
                i = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            auto end = html.find('>', i);
            if (end == std::string_view::npos) break;
            std::string_view tag = html.substr(i + 1, end - i - 1);
            bool closing = tag.starts_with("/");
            if (closing) tag.remove_prefix(1);
            std::size_t name_end = 0;
            while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end]))) ++name_end;
            std::string name = to_lower_ascii(tag.substr(0, name_end));
            i = end + 1;
            if (!skip_until.empty()) {
                if (closing && name == skip_until) skip_until.clear();
                continue;
            }
            if (!closing && (name == "script" || name == "style" || name == "head")) {
                skip_until = name;
                continue;
            }
            if (name == "blockquote") {
                quote_depth += closing ? -1 : 1;
                if (quote_depth < 0) quote_depth = 0;
                continue;
            }
            if (quote_depth == 0 && is_block_tag(name)) out.push_back('\n');
            continue;
        }
        if (!skip_until.empty() || quote_depth > 0) {
            ++i;
            continue;
        }
        if (c == '&') {
            // An entity's `;` is within 10 bytes: looking further made `&&&…` quadratic.
            auto semi = html.substr(i, 11).find(';');
            if (semi != std::string_view::npos) {
                semi += i;
                append_entity(out, html.substr(i + 1, semi - i - 1));
                i = semi + 1;
                continue;
            }
        }
        out.push_back(is_space(c) ? ' ' : c);
        ++i;
    }
    // Tidy: collapse spaces inside lines, drop empty runs beyond one blank line.
    std::string tidy;
    std::size_t blank_run = 0;
    std::size_t start = 0;
    while (start <= out.size()) {
        auto nl = out.find('\n', start);
        if (nl == std::string::npos) nl = out.size();
        std::string line = collapse_spaces(std::string_view(out).substr(start, nl - start));
        if (line.empty()) {
            if (!tidy.empty() && ++blank_run == 1) tidy.push_back('\n');
        } else {
            blank_run = 0;
            tidy.append(line).push_back('\n');
        }
        start = nl + 1;
    }
    while (!tidy.empty() && tidy.back() == '\n') tidy.pop_back();
    return tidy;
}

std::string summarize_body(std::string_view body, std::size_t max_paragraphs, std::size_t max_bytes) {
    std::vector<std::string> paragraphs;
    std::string current;
    bool have_content = false;
    std::size_t start = 0;
    while (start < body.size() && paragraphs.size() < max_paragraphs) {
        auto nl = body.find('\n', start);
        if (nl == std::string_view::npos) nl = body.size();
        std::string_view raw = body.substr(start, nl - start);
        start = nl + 1;
        if (ends_own_words(raw, have_content)) break;
        std::string_view line = trim(raw);
        if (line.empty()) {
            if (!current.empty()) paragraphs.push_back(std::move(current));
            current.clear();
            continue;
        }
        if (!have_content && is_greeting_line(line)) continue;
        if (is_forward_header_line(line)) continue;
        have_content = true;
        std::string collapsed = collapse_spaces(line);
        if (!current.empty()) current.push_back(' ');
        current.append(collapsed);
    }
    if (!current.empty() && paragraphs.size() < max_paragraphs) paragraphs.push_back(std::move(current));
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out.push_back('\n');
        out.append(p);
    }
    if (out.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out.append("\u2026");
    }
    return out;
}

}  // namespace retro::ingest::email
