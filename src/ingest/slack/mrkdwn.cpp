// Slack mrkdwn to plain text plus spans (input-formats.md §1.9; Slack's "Formatting text for app
// surfaces"). A token is `<` up to the next `>`, split on the first `|`, dispatched on its first
// character. Entities are decoded after tokens are found, so an escaped `&lt;` never opens a token.
#include <array>
#include <cstring>

#include "core/json_dom.hpp"
#include "core/text_utf8.hpp"
#include "ingest/slack/rich_text.hpp"

namespace retro::ingest::slack {

std::string clean_text(std::string_view text) {
    if (text.empty()) return {};  // an empty view may hold a null pointer, which memchr must not get
    if (std::memchr(text.data(), 0, text.size()) == nullptr && is_valid_utf8(text)) return std::string(text);
    return repair_utf8(text);
}

std::string_view clean_dom_text(std::string_view text, std::string& storage) {
    if (!json::holds_nul(text)) return text;
    storage = repair_utf8(text);
    return storage;
}

std::string prefixed(char prefix, std::string_view text) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on `"@" + std::string(…)` at -O3.
    std::string out(1, prefix);
    out += text;
    return out;
}

void RichText::break_line() {
    if (!text.empty() && text.back() != '\n') text += '\n';
}

void RichText::append(const RichText& other) {
    std::size_t shift = text.size();
    text += other.text;
    for (Span s : other.spans) {
        s.start += shift;
        s.end += shift;
        spans.push_back(std::move(s));
    }
}

namespace {

// Bytes that may start markup; everything else is copied in runs.
constexpr std::array<bool, 256> special_bytes() {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("`<*_&")) t[c] = true;
    return t;
}
constexpr std::array<bool, 256> special = special_bytes();

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Characters that may sit just outside a `*bold*` or `_italic_` run.
bool is_boundary(char c) {
    return is_space(c) || std::string_view("()[]{}\"'.,;:!?-~*_/").find(c) != std::string_view::npos;
}

void append_decoded(std::string_view s, std::string& out) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            std::string_view rest = s.substr(i);
            if (rest.starts_with("&amp;")) {
                out += '&';
                i += 4;
                continue;
            }
            if (rest.starts_with("&lt;")) {
                out += '<';
                i += 3;
                continue;
            }
            if (rest.starts_with("&gt;")) {
                out += '>';
                i += 3;
                continue;
            }
        }
        out += s[i];
    }
}

// What the searches of one render() call have already found: the next position of each closing token at or
// after where it was last looked for (npos: none up to the end), and how far a failed emphasis search looked.
struct Lookahead {
    static constexpr std::size_t unknown = std::string_view::npos - 1;
    struct Next {
        std::size_t from = 0;     // the search started here…
        std::size_t at = unknown; // …and found this (npos: nothing up to the end)
    };
    Next triple_backticks, backtick, angle;
    std::array<std::size_t, 2> no_closer_until{std::string_view::npos, std::string_view::npos};  // `*`, `_`

    // s.find(token, from), answered from the last search of the same token while it still holds.
    static std::size_t find(std::string_view s, std::string_view token, std::size_t from, Next& next) {
        if (next.at == unknown || from < next.from || (next.at != std::string_view::npos && from > next.at)) {
            next.from = from;
            next.at = s.find(token, from);
        }
        return next.at;
    }
};

class Renderer {
public:
    Renderer(const NameLookup& names, RichText& out) : m_names(names), m_out(out) {}

    // Linear in `s`: every search that can fail remembers how far it looked (Lookahead), so a run of openers
    // with no closer (`_a _a _a …`, `<<<…`) costs one scan, not one scan per opener.
    void render(std::string_view s, bool styles) {
        Lookahead ahead;
        std::size_t i = 0;
        while (i < s.size()) {
            char c = s[i];
            if (c == '`' && styles && s.substr(i, 3) == "```") {
                auto end = ahead.find(s, "```", i + 3, ahead.triple_backticks);
                if (end != std::string_view::npos) {
                    std::string_view inner = s.substr(i + 3, end - i - 3);
                    if (inner.starts_with('\n')) inner.remove_prefix(1);
                    if (inner.ends_with('\n')) inner.remove_suffix(1);
                    if (!m_out.text.empty() && m_out.text.back() != '\n') m_out.text += '\n';
                    styled(inner, SpanType::pre, false);
                    i = end + 3;
                    continue;
                }
            }
            if (c == '`' && styles) {
                auto end = ahead.find(s, "`", i + 1, ahead.backtick);
                if (end != std::string_view::npos && end > i + 1 &&
                    s.substr(i + 1, end - i - 1).find('\n') == std::string_view::npos) {
                    styled(s.substr(i + 1, end - i - 1), SpanType::code, false);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '<') {
                auto end = ahead.find(s, ">", i + 1, ahead.angle);
                if (end != std::string_view::npos && end > i + 1) {
                    token(s.substr(i + 1, end - i - 1));
                    i = end + 1;
                    continue;
                }
            }
            if ((c == '*' || c == '_') && styles) {
                if (auto end = closer(s, i, ahead); end != std::string_view::npos) {
                    styled(s.substr(i + 1, end - i - 1), c == '*' ? SpanType::bold : SpanType::italic, true);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '&') {
                std::size_t before = m_out.text.size();
                // Entities are at most `&amp;`: look no further than that for the `;`.
                auto semi = s.substr(i, 5).find(';');
                if (semi != std::string_view::npos) {
                    semi += i;
                    append_decoded(s.substr(i, semi - i + 1), m_out.text);
                    if (m_out.text.size() - before == 1) {
                        i = semi + 1;
                        continue;
                    }
                    m_out.text.resize(before);
                }
            }
            // Copy up to the next byte that may start markup.
            std::size_t run = i + 1;
            while (run < s.size() && !special[static_cast<unsigned char>(s[run])]) ++run;
            m_out.text.append(s.data() + i, run - i);
            i = run;
        }
    }

private:
    // The position of the marker closing a run opened at `open`, or npos. Runs stay on one line, start and
    // end next to a non-space, and sit between boundaries (so snake_case_names stay as they are). Whether a
    // position closes depends on it alone, not on the opener, so a failed search proves that none of the
    // later openers on that line closes either (`ahead.no_closer_until`).
    static std::size_t closer(std::string_view s, std::size_t open, Lookahead& ahead) {
        char m = s[open];
        if (open > 0 && !is_boundary(s[open - 1])) return std::string_view::npos;
        if (open + 1 >= s.size() || is_space(s[open + 1]) || s[open + 1] == m) return std::string_view::npos;
        std::size_t& searched = ahead.no_closer_until[m == '*' ? 0 : 1];
        if (searched != std::string_view::npos && open + 2 <= searched) return std::string_view::npos;
        for (std::size_t j = open + 2; j < s.size(); ++j) {
            if (s[j] == '\n') {
                searched = j;
                return std::string_view::npos;
            }
            if (s[j] == m && !is_space(s[j - 1]) && (j + 1 == s.size() || is_boundary(s[j + 1]))) return j;
        }
        searched = s.size();
        return std::string_view::npos;
    }

    void styled(std::string_view inner, SpanType type, bool styles) {
        std::size_t start = m_out.text.size();
        render(inner, styles);
        if (m_out.text.size() > start) m_out.spans.push_back(Span{start, m_out.text.size(), type, {}});
    }

    void mention(std::string_view shown) {
        std::size_t start = m_out.text.size();
        m_out.text += shown;
        m_out.spans.push_back(Span{start, m_out.text.size(), SpanType::mention, {}});
    }

    void token(std::string_view inner) {
        auto bar = inner.find('|');
        std::string_view target = inner.substr(0, bar);
        std::string_view label = bar == std::string_view::npos ? std::string_view() : inner.substr(bar + 1);
        std::string label_text;
        append_decoded(label, label_text);
        if (target.starts_with('@')) {
            std::string_view id = target.substr(1);
            std::optional<std::string> name = m_names.user ? m_names.user(id) : std::nullopt;
            if (!name && !label_text.empty()) name = label_text.starts_with('@') ? label_text.substr(1) : label_text;
            mention(prefixed('@', name ? std::string_view(*name) : id));
            return;
        }
        if (target.starts_with('#')) {
            std::string_view id = target.substr(1);
            std::optional<std::string> name = m_names.channel ? m_names.channel(id) : std::nullopt;
            if (!name && !label_text.empty()) name = label_text;
            mention(prefixed('#', name ? std::string_view(*name) : id));
            return;
        }
        if (target.starts_with('!')) {
            std::string_view what = target.substr(1);
            if (what.starts_with("date^")) {
                m_out.text += label_text;
                return;
            }
            if (what.starts_with("subteam^")) {
                if (label_text.empty()) label_text = prefixed('@', what.substr(8));
                mention(label_text.starts_with('@') ? label_text : prefixed('@', label_text));
                return;
            }
            mention(prefixed('@', what));
            return;
        }
        std::string url;
        append_decoded(target, url);
        std::string shown = !label_text.empty() ? label_text : url.starts_with("mailto:") ? url.substr(7) : url;
        std::size_t start = m_out.text.size();
        m_out.text += shown;
        m_out.spans.push_back(Span{start, m_out.text.size(), SpanType::link, url});
    }

    const NameLookup& m_names;
    RichText& m_out;
};

}  // namespace

void append_mrkdwn(std::string_view mrkdwn, const NameLookup& names, RichText& out) {
    Renderer(names, out).render(mrkdwn, true);
}

}  // namespace retro::ingest::slack
