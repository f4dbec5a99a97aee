// The retro reader. cmark-gfm (through markdown_outline) says which lines are headings, code and HTML;
// everything inside a block is read from the raw lines so columns are exact, also on continuation lines
// after hard breaks, where cmark-gfm's own inline positions drift.
#include "retrodoc/retro_document.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text_utf8.hpp"
#include "retrodoc/entry_start.hpp"
#include "retrodoc/markdown_lines.hpp"

namespace retro::retrodoc {
namespace {

bool is_blank(std::string_view s) {
    return trim(s).empty();
}

// Untimed timeline lines that start an entry of their own ("Morning", "Thursday eve", "Evening:").
bool starts_with_time_of_day_word(std::string_view text) {
    static constexpr std::array<std::string_view, 12> words = {"morning",   "afternoon", "evening", "night",
                                                               "overnight", "lunchtime", "midday",  "day",
                                                               "later",     "weekend",   "eve",     "late"};
    std::size_t i = 0;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string first = to_lower_ascii(text.substr(0, i));
    if (std::find(words.begin(), words.end(), first) != words.end()) return true;
    if (first.size() > 3 && first.ends_with("day")) {  // "Thursday eve", "Friday morning"
        std::string_view rest = trim(text.substr(i));
        std::size_t j = 0;
        while (j < rest.size() && std::isalpha(static_cast<unsigned char>(rest[j]))) ++j;
        std::string second = to_lower_ascii(rest.substr(0, j));
        return std::find(words.begin(), words.end(), second) != words.end();
    }
    return false;
}

class Reader {
public:
    explicit Reader(std::string_view bytes) {
        m_doc.lines = split_lines(bytes);
        const std::size_t n = m_doc.lines.size();
        m_doc.is_code_line.assign(n, false);
        m_doc.is_html_line.assign(n, false);
        m_is_fence.assign(n, false);
        m_is_break.assign(n, false);
        m_heading_at.assign(n, -1);
        m_skip.assign(n, false);
        m_outline = parse_markdown_outline(bytes);
        m_doc.images_as_text = m_outline.images_as_text;
        index_blocks();
        index_links();
    }

    RetroDocument read_retro() {
        read_metadata();
        std::uint32_t first_section = static_cast<std::uint32_t>(m_doc.lines.size()) + 1;
        for (std::size_t i = 0; i < m_doc.headings.size(); ++i) {
            if (m_doc.headings[i].level != 2) continue;
            if (m_doc.sections.empty()) first_section = m_doc.headings[i].line;
            m_doc.sections.push_back(i);
        }
        for (const RetroLink& link : m_doc.links) {
            if (link.line < first_section && link.url.starts_with('#')) m_doc.toc.push_back(link);
        }
        for (std::size_t i = 0; i < m_doc.headings.size(); ++i) {
            const std::string text = to_lower_ascii(trim(m_doc.headings[i].text));
            if (!m_doc.timeline && text == "timeline") m_doc.timeline = i;
            if (!m_doc.actions && text == "actions") m_doc.actions = i;
        }
        if (m_doc.timeline) {
            auto [first, last] = section_range(*m_doc.timeline);
            read_timeline(first, last);
        }
        if (m_doc.actions) {
            auto [first, last] = section_range(*m_doc.actions);
            read_actions(first, last, m_doc.headings[*m_doc.actions].level);
        }
        return std::move(m_doc);
    }

    RetroDocument read_notes() {
        read_timeline(1, static_cast<std::uint32_t>(m_doc.lines.size()) + 1);
        return std::move(m_doc);
    }

private:
    void index_blocks() {
        std::vector<bool> starts_block(m_doc.lines.size() + 2, false);
        for (const MarkdownBlock& b : m_outline.blocks) {
            if (b.first_line <= m_doc.lines.size()) starts_block[b.first_line] = true;
        }
        for (const MarkdownBlock& b : m_outline.blocks) {
            if (b.first_line == 0 || b.first_line > m_doc.lines.size()) continue;
            std::uint32_t last = std::clamp<std::uint32_t>(b.last_line, b.first_line, m_doc.lines.size());
            if (b.type == BlockType::html_block) {
                // cmark-gfm 0.29 ends an HTML block one line early when its end condition (`-->`) is met on
                // a line of its own: the block runs on over lines that start no other block.
                while (last < m_doc.lines.size() && !starts_block[last + 1] && !is_blank(m_doc.lines[last])) ++last;
            }
            switch (b.type) {
                case BlockType::code_block: {
                    for (std::uint32_t l = b.first_line; l <= last; ++l) m_doc.is_code_line[l - 1] = true;
                    std::string_view first_text = trim(m_doc.lines[b.first_line - 1]);
                    if (first_text.starts_with("```") || first_text.starts_with("~~~")) {
                        m_is_fence[b.first_line - 1] = true;
                        std::string_view last_text = trim(m_doc.lines[last - 1]);
                        if (last > b.first_line && (last_text.starts_with("```") || last_text.starts_with("~~~"))) {
                            m_is_fence[last - 1] = true;
                        }
                    }
                    break;
                }
                case BlockType::html_block:
                    for (std::uint32_t l = b.first_line; l <= last; ++l) m_doc.is_html_line[l - 1] = true;
                    break;
                case BlockType::thematic_break:
                    m_is_break[b.first_line - 1] = true;
                    break;
                case BlockType::heading: {
                    RetroHeading h;
                    h.level = b.level;
                    h.text = std::string(trim(b.text));
                    h.line = b.first_line;
                    std::string_view raw = m_doc.lines[b.first_line - 1];
                    std::size_t col = leading_spaces(raw);
                    if (!b.is_setext) {
                        while (col < raw.size() && raw[col] == '#') ++col;
                        col += leading_spaces(raw.substr(col));
                    } else {
                        for (std::uint32_t l = b.first_line + 1; l <= last; ++l) m_skip[l - 1] = true;
                    }
                    h.column = static_cast<std::uint32_t>(col + 1);
                    m_heading_at[b.first_line - 1] = static_cast<int>(m_doc.headings.size());
                    m_doc.headings.push_back(std::move(h));
                    break;
                }
                default:
                    break;
            }
        }
        if (!m_doc.headings.empty()) m_doc.title = m_doc.headings.front();
    }

    // cmark-gfm's inline lines can drift after hard breaks: look for the link on its line, then below.
    void index_links() {
        std::vector<std::size_t> search_from(m_doc.lines.size(), 0);
        for (const MarkdownLink& link : m_outline.links) {
            RetroLink out{link.url, link.text, link.line, 1, link.is_autolink};
            const std::uint32_t start = std::max<std::uint32_t>(1, link.line);
            for (std::uint32_t l = start; l <= m_doc.lines.size() && l < start + 50; ++l) {
                std::string_view raw = m_doc.lines[l - 1];
                std::size_t pos = std::string_view::npos;
                const std::size_t from = search_from[l - 1];
                if (!link.is_autolink) {
                    std::size_t close = raw.find("](" + link.url, from);
                    if (close == std::string_view::npos && !link.url.empty()) close = raw.find("](", from);
                    if (close != std::string_view::npos) {
                        std::size_t open = raw.rfind('[', close);
                        if (open != std::string_view::npos && open >= from) pos = open;
                        if (pos != std::string_view::npos) search_from[l - 1] = close + 2;
                    }
                } else {
                    pos = raw.find(link.text, from);
                    if (pos != std::string_view::npos) {
                        search_from[l - 1] = pos + link.text.size();
                        if (pos > 0 && raw[pos - 1] == '<') --pos;
                    }
                }
                if (pos != std::string_view::npos) {
                    out.line = l;
                    out.column = static_cast<std::uint32_t>(pos + 1);
                    break;
                }
            }
            m_doc.links.push_back(std::move(out));
        }
    }

    std::pair<std::uint32_t, std::uint32_t> section_range(std::size_t heading) const {
        const RetroHeading& h = m_doc.headings[heading];
        std::uint32_t end = static_cast<std::uint32_t>(m_doc.lines.size()) + 1;
        for (std::size_t j = heading + 1; j < m_doc.headings.size(); ++j) {
            if (m_doc.headings[j].level <= h.level) {
                end = m_doc.headings[j].line;
                break;
            }
        }
        return {h.line + 1, end};
    }

    void read_metadata() {
        std::uint32_t end = static_cast<std::uint32_t>(m_doc.lines.size());
        for (const RetroHeading& h : m_doc.headings) {
            if (h.level <= 2 && h.line > 1 && &h != &m_doc.headings.front()) {
                end = h.line - 1;
                break;
            }
        }
        for (std::uint32_t l = 1; l <= end; ++l) {
            if (m_doc.is_code_line[l - 1] || m_doc.is_html_line[l - 1] || m_heading_at[l - 1] >= 0) continue;
            std::string_view raw = m_doc.lines[l - 1];
            std::size_t col = leading_spaces(raw);
            std::string_view s = raw.substr(col);
            RetroMetadata md;
            md.line = l;
            md.key_column = static_cast<std::uint32_t>(col + 1);
            std::size_t value_at = 0;
            if (s.starts_with("**")) {
                std::size_t close = s.find("**", 2);
                if (close == std::string_view::npos) continue;
                std::string_view inner = trim(s.substr(2, close - 2));
                std::size_t after = close + 2;
                if (inner.ends_with(':')) {
                    md.key = std::string(trim(inner.substr(0, inner.size() - 1)));
                } else if (after < s.size() && s[after] == ':') {
                    md.key = std::string(inner);
                    ++after;
                } else {
                    continue;
                }
                md.key_column += 2;
                value_at = after;
            } else {
                std::size_t colon = s.find(':');
                if (colon == std::string_view::npos) continue;
                std::string key = to_lower_ascii(trim(s.substr(0, colon)));
                if (key != "incident from" && key != "incident until" && key != "incident till" &&
                    key != "retro held") {
                    continue;
                }
                md.key = std::string(trim(s.substr(0, colon)));
                value_at = colon + 1;
            }
            value_at += leading_spaces(s.substr(value_at));
            md.value = std::string(trim(strip_line_end(s.substr(value_at))));
            md.value_column = static_cast<std::uint32_t>(col + value_at + 1);
            m_doc.metadata.push_back(std::move(md));
        }
    }

    RetroDay& current_day() {
        if (m_doc.days.empty()) m_doc.days.emplace_back();
        return m_doc.days.back();
    }

    RetroEntry* current_entry() {
        if (!m_in_entry || m_doc.days.empty() || m_doc.days.back().entries.empty()) return nullptr;
        return &m_doc.days.back().entries.back();
    }

    void read_timeline(std::uint32_t first, std::uint32_t end) {
        bool paragraph_start = true;
        bool after_break = false;
        for (std::uint32_t l = first; l < end && l <= m_doc.lines.size(); ++l) {
            const std::size_t i = l - 1;
            std::string_view raw = m_doc.lines[i];
            if (m_skip[i]) continue;
            if (m_doc.is_html_line[i]) {
                paragraph_start = true;
                continue;
            }
            if (m_doc.is_code_line[i]) {
                if (m_is_fence[i]) continue;
                if (RetroEntry* e = current_entry()) {
                    e->lines.push_back(RetroLine{l, 1, std::string(raw), true});
                }
                continue;
            }
            if (is_blank(raw)) {
                paragraph_start = true;
                continue;
            }
            if (m_is_break[i]) {
                m_in_entry = false;
                after_break = true;
                paragraph_start = true;
                continue;
            }
            if (m_heading_at[i] >= 0) {
                const RetroHeading& h = m_doc.headings[static_cast<std::size_t>(m_heading_at[i])];
                RetroDay day;
                day.text = h.text;
                day.line = h.line;
                day.column = h.column;
                day.is_heading = true;
                day.date = parse_day_date(h.text);
                m_doc.days.push_back(std::move(day));
                m_in_entry = false;
                paragraph_start = true;
                after_break = false;
                continue;
            }
            std::size_t col = leading_spaces(raw);
            const std::size_t marker = list_marker_length(raw.substr(col));
            const bool is_item = marker > 0;
            col += marker;
            std::string_view content = strip_line_end(raw.substr(col));
            if (content.empty()) {
                paragraph_start = true;
                continue;
            }

            std::string_view day_text = trim(content);
            if (day_text.starts_with("**") && day_text.ends_with("**") && day_text.size() > 4) {
                day_text = trim(day_text.substr(2, day_text.size() - 4));
            }
            if ((paragraph_start || !m_in_entry) && !is_item) {
                const auto date = parse_day_date(day_text);
                if (date || looks_like_day_date(day_text)) {
                    RetroDay day;
                    day.text = std::string(day_text);
                    day.line = l;
                    day.column = static_cast<std::uint32_t>(col + 1 + (day_text.data() - content.data()));
                    day.date = date;
                    m_doc.days.push_back(std::move(day));
                    m_in_entry = false;
                    after_break = false;
                    paragraph_start = false;
                    continue;
                }
            }

            // Times are also written bold (`**14.21 DB identifies…**`, the bold kept for the text) or as a
            // link to the Slack message (`[10.41](https://…/p1715074860…) DM: …`).
            if (std::optional<RetroEntry> timed = read_timed_entry_start(content, l, col, false)) {
                current_day().entries.push_back(std::move(*timed));
                m_timed_day = m_doc.days.size() - 1;
                m_in_entry = true;
                after_break = false;
                paragraph_start = false;
                continue;
            }

            RetroEntry* e = current_entry();
            const bool day_has_timed = !m_doc.days.empty() && m_timed_day == m_doc.days.size() - 1;
            const bool starts_entry =
                e == nullptr || after_break ||
                ((paragraph_start || is_item) && (!day_has_timed || starts_with_time_of_day_word(content)));
            if (starts_entry) {
                RetroEntry u;
                u.line = l;
                u.column = static_cast<std::uint32_t>(col + 1);
                u.lines.push_back(RetroLine{l, u.column, std::string(content), false});
                current_day().entries.push_back(std::move(u));
                m_in_entry = true;
                after_break = false;
            } else {
                e->lines.push_back(RetroLine{l, static_cast<std::uint32_t>(col + 1), std::string(content), false});
            }
            paragraph_start = false;
        }
    }

    // A phrase with lower-case words directly followed by an owner groups owners (`**For sprint
    // planning**` then `**GE/RK**`): such a label is not an owner itself.
    RetroOwner* push_owner(RetroOwner next) {
        if (!m_doc.owners.empty() && m_doc.owners.back().actions.empty()) {
            const std::string& name = m_doc.owners.back().name;
            const bool has_lower_word =
                name.find(' ') != std::string::npos &&
                std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            if (has_lower_word) m_doc.owners.pop_back();
        }
        m_doc.owners.push_back(std::move(next));
        return &m_doc.owners.back();
    }

    void read_actions(std::uint32_t first, std::uint32_t end, int section_level) {
        RetroOwner* owner = nullptr;
        for (std::uint32_t l = first; l < end && l <= m_doc.lines.size(); ++l) {
            const std::size_t i = l - 1;
            std::string_view raw = m_doc.lines[i];
            if (owner != nullptr && m_doc.is_html_line[i] && raw.find("<!-- retro:") != std::string_view::npos)
                owner->has_prompt = true;
            if (m_skip[i] || m_doc.is_html_line[i] || m_is_fence[i] || is_blank(raw) || m_is_break[i]) continue;

            if (m_heading_at[i] >= 0) {
                const RetroHeading& h = m_doc.headings[static_cast<std::size_t>(m_heading_at[i])];
                if (h.level > section_level) {
                    owner = push_owner(RetroOwner{h.text, h.line, h.column, {}});
                }
                continue;
            }
            std::size_t col = leading_spaces(raw);
            std::string_view s = strip_line_end(raw.substr(col));
            if (!m_doc.is_code_line[i] && s.starts_with("**") && s.size() > 4) {
                std::size_t close = s.find("**", 2);
                std::string_view rest = close == std::string_view::npos ? s : trim(s.substr(close + 2));
                if (close != std::string_view::npos && (rest.empty() || rest == ":")) {
                    std::string_view name = trim(s.substr(2, close - 2));
                    if (name.ends_with(':')) name = trim(name.substr(0, name.size() - 1));
                    owner = push_owner(RetroOwner{std::string(name), l, static_cast<std::uint32_t>(col + 3), {}});
                    continue;
                }
            }
            if (owner == nullptr) continue;
            const std::size_t marker = list_marker_length(s);
            std::string_view text = trim(s.substr(marker));
            if (text.empty()) continue;
            owner->actions.push_back(RetroAction{std::string(text), l, static_cast<std::uint32_t>(col + marker + 1)});
        }
    }

    RetroDocument m_doc;
    MarkdownOutline m_outline;
    std::vector<bool> m_is_fence, m_is_break, m_skip;
    std::vector<int> m_heading_at;
    bool m_in_entry = false;
    // The day (index into m_doc.days) that last got a timed entry: kept, as looking through the day's
    // entries for one on every untimed line made a long untimed day quadratic.
    std::size_t m_timed_day = static_cast<std::size_t>(-1);
};

}  // namespace

std::size_t match_line_time(std::string_view text, int& hour, int& minute) {
    std::size_t i = 0;
    while (i < text.size() && i < 2 && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == 0 || i >= text.size() || (text[i] != '.' && text[i] != ':')) return 0;
    const std::size_t sep = i;
    if (sep + 3 > text.size() || !std::isdigit(static_cast<unsigned char>(text[sep + 1])) ||
        !std::isdigit(static_cast<unsigned char>(text[sep + 2]))) {
        return 0;
    }
    const std::size_t end = sep + 3;
    if (end < text.size() && text[end] != ' ' && text[end] != ':' && text[end] != '\t' && text[end] != ',' &&
        text[end] != ']') {
        return 0;
    }
    hour = std::stoi(std::string(text.substr(0, sep)));
    minute = (text[sep + 1] - '0') * 10 + (text[sep + 2] - '0');
    return end;
}

std::string github_slug(std::string_view heading_text) {
    // GitHub: lower-case, drop punctuation other than '-' and '_', spaces become '-'; non-ASCII is kept.
    std::string slug;
    for (std::size_t i = 0; i < heading_text.size(); ++i) {
        const char c = heading_text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u == 0xE2 && i + 2 < heading_text.size() && static_cast<unsigned char>(heading_text[i + 1]) == 0x80) {
            // General punctuation U+2010…U+203F (quotes, dashes, ellipsis) is dropped like ASCII punctuation.
            const auto third = static_cast<unsigned char>(heading_text[i + 2]);
            if (third >= 0x90 && third <= 0xBF) {
                i += 2;
                continue;
            }
        }
        if (u >= 0x80) {
            slug += c;
        } else if (std::isalnum(u) || c == '-' || c == '_') {
            slug += static_cast<char>(std::tolower(u));
        } else if (c == ' ') {
            slug += '-';
        }
    }
    return slug;
}

RetroDocument read_retro_document(std::string_view bytes) {
    return Reader(bytes).read_retro();
}

RetroDocument read_notes_document(std::string_view bytes) {
    return Reader(bytes).read_notes();
}

}  // namespace retro::retrodoc
