// The document timeline reader. cmark-gfm (through markdown_outline, given the bytes with any front matter
// blanked out) says which lines are headings, paragraphs, list items, tables, code and HTML; what a line says
// is read from the raw line, so columns are exact. One pass in document order: headings set the day, timed
// lines start entries, the rest of a timed line's list item or paragraph continues it, anything else is prose
// (the first prose sentence stating a date is kept as the document's date).
#include "retrodoc/document_timeline.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/text_utf8.hpp"
#include "retrodoc/entry_start.hpp"
#include "retrodoc/front_matter.hpp"
#include "retrodoc/line_time.hpp"
#include "retrodoc/markdown_lines.hpp"
#include "retrodoc/markdown_table.hpp"
#include "retrodoc/stated_date.hpp"

namespace retro::retrodoc {
namespace {

constexpr int none = -1;

bool names_timeline(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    for (std::string_view word : {"timeline", "chronology", "key events", "sequence of events", "time line"}) {
        if (lower.find(word) != std::string::npos) return true;
    }
    return false;
}

// `**Key events**`, `Timeline:`, `**Monday, June 5th 2023**` → the words inside.
std::string_view label_text(std::string_view s) {
    s = trim(s);
    for (int round = 0; round < 2; ++round) {
        if (s.size() > 4 && s.starts_with("**") && s.ends_with("**")) s = trim(s.substr(2, s.size() - 4));
        if (s.ends_with(':')) s = trim(s.substr(0, s.size() - 1));
    }
    return s;
}

// A "key events" item: a short label, then a date and time ending the line (`First detected 2020-08-14
// 10:43`, `Resolved: 2023-06-06 11:21`).
std::optional<RetroEntry> read_key_event(std::string_view content, std::uint32_t line, std::size_t col) {
    for (std::size_t p = 1; p + 11 <= content.size(); ++p) {
        if (content[p - 1] != ' ' || content[p] < '0' || content[p] > '9') continue;
        const std::optional<LineTime> t = match_timeline_time(content.substr(p));
        if (!t || !t->date || !t->is_time_of_day()) continue;
        std::string_view rest = trim(content.substr(p + t->length));
        while (!rest.empty() && (rest.front() == '.' || rest.front() == '*' || rest.front() == ')')) rest.remove_prefix(1);
        if (!trim(rest).empty()) return std::nullopt;
        const std::string_view label = label_text(content.substr(0, p));
        const auto words = std::count(label.begin(), label.end(), ' ') + 1;
        if (label.empty() || label.size() > 60 || words > 6 || label.find(". ") != std::string_view::npos) {
            return std::nullopt;
        }
        RetroEntry e = timed_entry(line, static_cast<std::uint32_t>(col + p + 1), content.substr(p, t->length), *t);
        const std::size_t label_col = static_cast<std::size_t>(label.data() - content.data());
        e.lines.push_back(RetroLine{line, static_cast<std::uint32_t>(col + label_col + 1), std::string(label), false});
        return e;
    }
    return std::nullopt;
}

// `[label]: url` definitions, keyed by the label in lower case.
using References = std::map<std::string, std::string>;

std::optional<std::pair<std::string, std::string>> reference_definition(std::string_view raw) {
    const std::size_t indent = leading_spaces(raw);
    if (indent > 3 || indent >= raw.size() || raw[indent] != '[') return std::nullopt;
    const std::size_t close = raw.find("]:", indent);
    if (close == std::string_view::npos || close == indent + 1) return std::nullopt;
    const std::string_view label = raw.substr(indent + 1, close - indent - 1);
    if (label.find_first_of("[]") != std::string_view::npos) return std::nullopt;
    std::string_view url = trim(raw.substr(close + 2));
    url = url.substr(0, url.find_first_of(" \t"));
    if (url.size() > 2 && url.starts_with('<') && url.ends_with('>')) url = url.substr(1, url.size() - 2);
    if (url.empty()) return std::nullopt;
    return std::make_pair(to_lower_ascii(label), std::string(url));
}

// `needle` in the 1,000 bytes of `text` from `from` (a link label is at most 999 characters): a line of
// brackets or backticks that never close stays linear.
std::size_t bounded_find(std::string_view text, std::string_view needle, std::size_t from) {
    if (from >= text.size()) return std::string_view::npos;
    const std::string_view window = text.substr(from, 1000 + needle.size());
    const std::size_t at = window.find(needle);
    return at == std::string_view::npos ? std::string_view::npos : from + at;
}

// `[text][label]`, `[label][]` and `[label]` written as `[text](url)` when the label is defined, so the
// entry's text reads as the page shows it and keeps the link. Code spans are left alone.
std::string resolve_references(std::string_view text, const References& refs) {
    if (refs.empty() || text.find('[') == std::string_view::npos) return std::string(text);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '`') {
            std::size_t run = 0;
            while (i + run < text.size() && text[i + run] == '`') ++run;
            const std::size_t close = bounded_find(text, std::string(run, '`'), i + run);
            const std::size_t end = close == std::string_view::npos ? i + run : close + run;
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        if (c == '\\' && i + 1 < text.size()) {
            out.append(text.substr(i, 2));
            i += 2;
            continue;
        }
        if (c == '[' && !(i > 0 && text[i - 1] == '!')) {
            const std::size_t close = bounded_find(text, "]", i + 1);
            if (close != std::string_view::npos) {
                const std::string_view inner = text.substr(i + 1, close - i - 1);
                std::string_view label = inner;
                std::size_t end = close + 1;
                const std::string_view after = text.substr(close + 1);
                if (after.starts_with("[]")) {
                    end += 2;
                } else if (after.starts_with('[')) {
                    const std::size_t label_close = bounded_find(text, "]", close + 2);
                    if (label_close != std::string_view::npos) {
                        label = text.substr(close + 2, label_close - close - 2);
                        end = label_close + 1;
                    }
                } else if (after.starts_with('(') || after.starts_with(':')) {
                    label = {};
                }
                const auto found = label.empty() || inner.find('[') != std::string_view::npos
                                       ? refs.end()
                                       : refs.find(to_lower_ascii(label));
                if (found != refs.end()) {
                    out += '[';
                    out.append(inner);
                    out += "](";
                    out += found->second;
                    out += ')';
                    i = end;
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return out;
}

// Bold that runs over a line break (`- **01:38: alerts fired …` … `got paged**`) closed at the end of each
// line and opened again on the next, so every line's part is a bold span of its own (the text is read line
// by line).
void balance_bold(std::vector<RetroLine>& lines) {
    bool open = false;
    for (RetroLine& line : lines) {
        if (line.is_code) continue;
        if (open) line.text.insert(0, "**");
        std::size_t markers = 0;
        for (std::size_t at = line.text.find("**"); at != std::string::npos; at = line.text.find("**", at + 2)) ++markers;
        open = markers % 2 == 1;
        if (open) line.text += "**";
        // The inline reader reads no bold around a code span or an escape (timeline_text.cpp): bold that
        // wraps such a line is dropped rather than left as `**` in the text.
        const std::string& t = line.text;
        if (t.size() > 4 && t.starts_with("**") && t.ends_with("**") && t.find("**", 2) == t.size() - 2 &&
            t.find_first_of("`\\") != std::string::npos) {
            line.text = t.substr(2, t.size() - 4);
        }
    }
}

class DocumentReader {
public:
    explicit DocumentReader(std::string_view bytes) {
        m_out.doc.lines = split_lines(bytes);
        const std::size_t n = m_out.doc.lines.size();
        const FrontMatter fm = read_front_matter(m_out.doc.lines);
        m_first_line = fm.line_count + 1;
        m_out.title = fm.title;
        if (fm.line_count > 0) {
            // Blank the front matter for cmark-gfm, keeping every offset and line ending.
            std::string blanked(bytes);
            const std::string_view last = m_out.doc.lines[fm.line_count - 1];
            const std::size_t end = static_cast<std::size_t>(last.data() - bytes.data()) + last.size();
            for (std::size_t i = 0; i < end; ++i)
                if (blanked[i] != '\n' && blanked[i] != '\r') blanked[i] = ' ';
            m_outline = parse_markdown_outline(blanked);
        } else {
            m_outline = parse_markdown_outline(bytes);
        }
        m_out.doc.images_as_text = m_outline.images_as_text;
        m_out.doc.is_code_line.assign(n, false);
        m_out.doc.is_html_line.assign(n, false);
        m_item.assign(n + 1, none);
        m_leaf.assign(n + 1, none);
        m_heading_at.assign(n + 1, none);
        m_quoted.assign(n + 1, false);
        m_fence.assign(n + 1, false);
        index_blocks();
    }

    DocumentTimeline read() {
        const std::uint32_t n = static_cast<std::uint32_t>(m_out.doc.lines.size());
        for (std::uint32_t l = m_first_line; l <= n; ++l) {
            const std::string_view raw = m_out.doc.lines[l - 1];
            if (auto def = reference_definition(raw); def && !m_out.doc.is_code_line[l - 1]) {
                m_refs.emplace(std::move(def->first), std::move(def->second));
            }
        }
        for (std::uint32_t l = m_first_line; l <= n; ++l) l = read_line(l);
        for (RetroDay& day : m_out.doc.days) {
            for (RetroEntry& e : day.entries) {
                for (RetroLine& line : e.lines)
                    if (!line.is_code) line.text = resolve_references(line.text, m_refs);
                balance_bold(e.lines);
            }
        }
        if (m_out.title.empty() && m_out.doc.title) m_out.title = m_out.doc.title->text;
        for (const RetroHeading& h : m_out.doc.headings) {
            if ((m_out.stated_date = first_stated_date(h.text))) break;
        }
        if (!m_out.stated_date) m_out.stated_date = first_stated_date(m_out.title);
        if (!m_out.stated_date) m_out.stated_date = m_prose_date;
        return std::move(m_out);
    }

private:
    void index_blocks() {
        const std::uint32_t n = static_cast<std::uint32_t>(m_out.doc.lines.size());
        // Blocks come in pre-order, so a deeper block overwrites its parent's claim on a line.
        for (std::size_t b = 0; b < m_outline.blocks.size(); ++b) {
            const MarkdownBlock& block = m_outline.blocks[b];
            if (block.first_line == 0 || block.first_line > n) continue;
            const std::uint32_t last = std::clamp<std::uint32_t>(block.last_line, block.first_line, n);
            for (std::uint32_t l = block.first_line; l <= last; ++l) {
                switch (block.type) {
                    case BlockType::item: m_item[l] = static_cast<int>(b); break;
                    case BlockType::block_quote: m_quoted[l] = true; break;
                    case BlockType::code_block: m_out.doc.is_code_line[l - 1] = true; m_leaf[l] = static_cast<int>(b); break;
                    case BlockType::html_block: m_out.doc.is_html_line[l - 1] = true; m_leaf[l] = static_cast<int>(b); break;
                    case BlockType::heading:
                    case BlockType::paragraph:
                    case BlockType::table:
                    case BlockType::thematic_break: m_leaf[l] = static_cast<int>(b); break;
                    default: break;
                }
            }
            if (block.type == BlockType::code_block) {
                const std::string_view first = trim(m_out.doc.lines[block.first_line - 1]);
                if (first.starts_with("```") || first.starts_with("~~~")) {
                    m_fence[block.first_line] = true;
                    const std::string_view end = trim(m_out.doc.lines[last - 1]);
                    if (last > block.first_line && (end.starts_with("```") || end.starts_with("~~~"))) m_fence[last] = true;
                }
            }
            if (block.type == BlockType::heading) {
                RetroHeading h;
                h.level = block.level;
                h.text = std::string(trim(block.text));
                h.line = block.first_line;
                const std::string_view raw = m_out.doc.lines[block.first_line - 1];
                std::size_t col = leading_spaces(raw);
                if (!block.is_setext) {
                    while (col < raw.size() && raw[col] == '#') ++col;
                    col += leading_spaces(raw.substr(col));
                }
                h.column = static_cast<std::uint32_t>(col + 1);
                m_heading_at[block.first_line] = static_cast<int>(m_out.doc.headings.size());
                m_out.doc.headings.push_back(std::move(h));
            }
        }
        if (!m_out.doc.headings.empty()) m_out.doc.title = m_out.doc.headings.front();
    }

    const MarkdownBlock* block(int index) const {
        return index == none ? nullptr : &m_outline.blocks[static_cast<std::size_t>(index)];
    }

    RetroDay& current_day() {
        if (m_out.doc.days.empty()) m_out.doc.days.emplace_back();
        return m_out.doc.days.back();
    }

    void start_day(std::string_view text, std::uint32_t line, std::uint32_t column, bool is_heading,
                   const DayDate& date) {
        RetroDay day;
        day.text = std::string(text);
        day.line = line;
        day.column = column;
        day.is_heading = is_heading;
        day.date = date;
        m_out.doc.days.push_back(std::move(day));
        m_entry_last = 0;
    }

    void add_entry(RetroEntry e, std::uint32_t last_line) {
        current_day().entries.push_back(std::move(e));
        ++m_out.entries;
        if (m_in_timeline) ++m_out.entries_in_timeline_section;
        m_entry_last = last_line;
    }

    RetroEntry* open_entry(std::uint32_t line) {
        if (line > m_entry_last || m_out.doc.days.empty() || m_out.doc.days.back().entries.empty()) return nullptr;
        return &m_out.doc.days.back().entries.back();
    }

    // Reads line `l` (and, for a table, the lines after it); returns the last line read.
    std::uint32_t read_line(std::uint32_t l) {
        const std::string_view raw = m_out.doc.lines[l - 1];
        const MarkdownBlock* leaf = block(m_leaf[l]);
        if (leaf == nullptr || leaf->type == BlockType::thematic_break || leaf->type == BlockType::html_block) {
            if (leaf != nullptr) m_entry_last = 0;
            return l;
        }
        if (leaf->type == BlockType::code_block) {
            if (RetroEntry* e = open_entry(l); e != nullptr && !m_fence[l]) {
                e->lines.push_back(RetroLine{l, 1, std::string(raw), true});
            }
            return l;
        }
        if (leaf->type == BlockType::heading) {
            if (leaf->first_line == l) read_heading(l);
            return l;
        }
        if (leaf->type == BlockType::table) {
            if (leaf->first_line == l) read_table(l, std::min<std::uint32_t>(leaf->last_line, m_out.doc.lines.size()));
            return std::max(l, std::min<std::uint32_t>(leaf->last_line, m_out.doc.lines.size()));
        }
        read_text_line(l, raw, *leaf);
        return l;
    }

    void read_heading(std::uint32_t l) {
        if (m_heading_at[l] == none) return;
        const RetroHeading* h = &m_out.doc.headings[static_cast<std::size_t>(m_heading_at[l])];
        m_entry_last = 0;
        const std::string_view text = label_text(h->text);
        if (const std::optional<DayDate> date = parse_day_date(text)) {
            start_day(text, l, h->column, true, *date);
            return;
        }
        m_in_timeline = names_timeline(h->text);
    }

    void read_text_line(std::uint32_t l, std::string_view raw, const MarkdownBlock& leaf) {
        std::size_t col = leading_spaces(raw);
        if (m_quoted[l]) {
            while (col < raw.size() && raw[col] == '>') {
                ++col;
                col += leading_spaces(raw.substr(col));
            }
        }
        const MarkdownBlock* item = block(m_item[l]);
        const bool starts_item = item != nullptr && item->first_line == l;
        if (starts_item) col += list_marker_length(raw.substr(col));
        const std::string_view content = strip_line_end(raw.substr(col));
        if (content.empty()) return;
        const std::uint32_t block_last = item != nullptr ? item->last_line : leaf.last_line;

        if (std::optional<RetroEntry> e = read_timed_entry_start(content, l, col, true); e && is_time_of_day(*e)) {
            add_entry(std::move(*e), std::max(l, block_last));
            return;
        }
        if (starts_item) {
            if (std::optional<RetroEntry> e = read_key_event(content, l, col)) {
                add_entry(std::move(*e), std::max(l, block_last));
                return;
            }
        }
        if (RetroEntry* e = open_entry(l)) {
            e->lines.push_back(RetroLine{l, static_cast<std::uint32_t>(col + 1), std::string(content), false});
            return;
        }
        m_entry_last = 0;
        const std::string_view label = label_text(content);
        if (const std::optional<DayDate> date = parse_day_date(label); date && (starts_item || leaf.first_line == l)) {
            start_day(label, l, static_cast<std::uint32_t>(col + 1 + (label.data() - content.data())), false, *date);
            return;
        }
        if (label.size() < 60 && names_timeline(label) && (starts_item || leaf.first_line == leaf.last_line)) {
            m_in_timeline = true;  // `- **Key events**`, `**Timeline**`: until the next heading
            return;
        }
        if (!m_prose_date) m_prose_date = first_stated_date(content);
    }

    static bool is_time_of_day(const RetroEntry& e) {
        return e.hour >= 0 && e.hour <= 23 && e.minute >= 0 && e.minute <= 59 && e.second <= 59;
    }

    // A table with a time column: each body row whose time cell holds a time is an entry.
    void read_table(std::uint32_t first, std::uint32_t last) {
        m_entry_last = 0;
        if (last < first + 1) return;
        const std::vector<TableCell> header = split_table_row(m_out.doc.lines[first - 1]);
        int time_col = none, date_col = none, actor_col = none;
        std::optional<int> header_zone;
        for (std::size_t c = 0; c < header.size(); ++c) {
            const std::string name = to_lower_ascii(label_text(header[c].text));
            const std::size_t words_end = name.find_first_of(" (");
            const std::string first_word = name.substr(0, words_end);
            if (time_col == none && (name.find("time") != std::string::npos || first_word == "when" ||
                                     first_word == "hour" || first_word == "timestamp")) {
                time_col = static_cast<int>(c);
                // `Time (UTC)`, `Time UTC`, `UTC time`: the column's zone.
                const std::string_view cell = label_text(header[c].text);
                for (std::size_t at = 0; at < cell.size() && !header_zone;) {
                    const std::size_t end = std::min(cell.find(' ', at), cell.size());
                    header_zone = written_zone_offset(cell.substr(at, end - at));
                    at = end + 1;
                }
            } else if (date_col == none && (first_word == "date" || first_word == "day")) {
                date_col = static_cast<int>(c);
            } else if (actor_col == none && (first_word == "who" || first_word == "owner" || first_word == "person" ||
                                             first_word == "actor" || first_word == "by" || first_word == "author")) {
                actor_col = static_cast<int>(c);
            }
        }
        if (time_col == none && date_col != none) std::swap(time_col, date_col);  // `| Date | Event |` with times
        if (time_col == none) return;
        for (std::uint32_t l = first + 1; l <= last; ++l) {
            const std::vector<TableCell> cells = split_table_row(m_out.doc.lines[l - 1]);
            if (l == first + 1 && is_table_delimiter_row(cells)) continue;
            if (static_cast<std::size_t>(time_col) >= cells.size()) continue;
            const TableCell& time_cell = cells[static_cast<std::size_t>(time_col)];
            const std::string_view time_text = label_text(time_cell.text);
            const std::optional<LineTime> t = match_timeline_time(time_text);
            if (!t || !t->is_time_of_day() || !trim(time_text.substr(t->length)).empty()) continue;
            RetroEntry e;
            e.is_timed = true;
            e.line = l;
            e.column = static_cast<std::uint32_t>(time_cell.column + (time_text.data() - time_cell.text.data()) + 1);
            e.time_text = std::string(time_text.substr(0, t->length));
            e.hour = t->hour;
            e.minute = t->minute;
            e.second = t->second;
            e.date = t->date;
            e.utc_offset_minutes = t->utc_offset_minutes ? t->utc_offset_minutes : header_zone;
            if (!e.date && date_col != none && static_cast<std::size_t>(date_col) < cells.size()) {
                const std::string_view d = label_text(cells[static_cast<std::size_t>(date_col)].text);
                if (auto iso = parse_iso_date(d)) {
                    e.date = iso;
                } else if (auto day = parse_day_date(d); day && day->year && is_valid_date(*day->year, day->month, day->day)) {
                    e.date = CalendarDate{*day->year, day->month, day->day};
                }
            }
            if (actor_col != none && static_cast<std::size_t>(actor_col) < cells.size()) {
                // `AB`, `Carol`, `@carol`, `[carol]`, `[carol](https://…)`.
                std::string_view who = label_text(cells[static_cast<std::size_t>(actor_col)].text);
                if (who.starts_with('@')) who.remove_prefix(1);
                if (who.starts_with('[') && who.find(']') != std::string_view::npos) who = who.substr(1, who.find(']') - 1);
                const bool is_initials = who.size() >= 2 && who.size() <= 3 &&
                                         std::all_of(who.begin(), who.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
                (is_initials ? e.initials : e.actor_name) = std::string(who);
            }
            std::string text;
            std::uint32_t text_column = 0;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const int ci = static_cast<int>(c);
                if (ci == time_col || ci == date_col || ci == actor_col || cells[c].text.empty()) continue;
                if (!text.empty()) text += "; ";
                if (text_column == 0) text_column = static_cast<std::uint32_t>(cells[c].column + 1);
                text.append(cells[c].text);
            }
            e.lines.push_back(RetroLine{l, text_column == 0 ? e.column : text_column, std::move(text), false});
            add_entry(std::move(e), 0);
        }
    }

    DocumentTimeline m_out;
    MarkdownOutline m_outline;
    References m_refs;
    std::uint32_t m_first_line = 1;
    std::vector<int> m_item, m_leaf;  // per line (1-based): the innermost list item and leaf block, or none
    std::vector<int> m_heading_at;    // per line (1-based): the index into doc.headings of its heading, or none
    std::vector<bool> m_quoted, m_fence;
    std::uint32_t m_entry_last = 0;   // the last line the open entry's item or paragraph reaches; 0: none open
    bool m_in_timeline = false;
    std::optional<CalendarDate> m_prose_date;
};

}  // namespace

DocumentTimeline read_document_timeline(std::string_view bytes) {
    return DocumentReader(bytes).read();
}

}  // namespace retro::retrodoc
