// Timed entry starts, shared by the retro reader (retros and notes files) and the document timeline reader
// (published postmortems).
#include "retrodoc/entry_start.hpp"

#include <array>

#include "retrodoc/house_style.hpp"
#include "retrodoc/line_time.hpp"
#include "retrodoc/markdown_lines.hpp"

namespace retro::retrodoc {
namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_handle_char(char c) {
    return is_upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

// What separates a time from its text: `:`, a dash between spaces (`12:17 UTC – …`, `2023-06-06 10:23 - …`),
// and the end of bold around the time alone (`**10:23**`).
std::size_t skip_separator(std::string_view content, std::size_t at, bool& bold_open) {
    static constexpr std::array<std::string_view, 3> dashes = {"-", "\xE2\x80\x93", "\xE2\x80\x94"};  // - – —
    auto close_bold = [&] {
        if (bold_open && content.substr(at).starts_with("**")) {
            at += 2;
            bold_open = false;
        }
    };
    close_bold();  // `**10:23** …`
    if (at < content.size() && content[at] == ':') ++at;
    close_bold();  // `**10:23:** …`
    at += leading_spaces(content.substr(at));
    for (std::string_view dash : dashes) {
        const std::string_view rest = content.substr(at);
        if (rest.starts_with(dash) && (rest.size() == dash.size() || rest[dash.size()] == ' ')) {
            at += dash.size();
            at += leading_spaces(content.substr(at));
            break;
        }
    }
    return at;
}

// A handle the text opens with: `[name]`, `[name](…)`, `[name][]`, `@name`. Letters first, no spaces.
std::string handle_at_start(std::string_view text) {
    std::size_t start = 0;
    if (text.starts_with('@')) {
        start = 1;
    } else if (text.starts_with('[')) {
        start = 1;
    } else {
        return {};
    }
    std::size_t end = start;
    while (end < text.size() && is_handle_char(text[end])) ++end;
    if (end - start < 2 || !((text[start] >= 'a' && text[start] <= 'z') || is_upper(text[start]))) return {};
    const std::string_view rest = text.substr(end);
    if (start == 1 && text[0] == '[') {
        if (!rest.starts_with(']')) return {};
        const std::string_view after = rest.substr(1);
        if (!(after.empty() || after.starts_with(' ') || after.starts_with('(') || after.starts_with("[]"))) return {};
    } else if (!rest.empty() && rest.front() != ' ' && rest.front() != ':' && rest.front() != ',') {
        return {};
    }
    std::string_view handle = text.substr(start, end - start);
    while (!handle.empty() && handle.back() == '.') handle.remove_suffix(1);
    return std::string(handle);
}

}  // namespace

RetroEntry timed_entry(std::uint32_t line, std::uint32_t column, std::string_view time_text, const LineTime& time) {
    RetroEntry e;
    e.is_timed = true;
    e.line = line;
    e.column = column;
    e.time_text = std::string(time_text);
    e.hour = time.hour;
    e.minute = time.minute;
    e.second = time.second;
    e.date = time.date;
    e.utc_offset_minutes = time.utc_offset_minutes;
    return e;
}

std::optional<RetroEntry> read_timed_entry_start(std::string_view content, std::uint32_t line, std::size_t col,
                                                 bool read_names) {
    std::optional<LineTime> time;
    std::size_t time_at = 0, after_time = 0;
    std::string time_url;
    bool bold_open = false;
    if (content.starts_with("**") && (time = match_timeline_time(content.substr(2)))) {
        time_at = 2;
        after_time = 2 + time->length;
        bold_open = true;
    } else if (content.starts_with('[') && (time = match_timeline_time(content.substr(1))) &&
               content.substr(1 + time->length).starts_with("](")) {
        const std::size_t close = content.find(')', 1 + time->length);
        if (close == std::string_view::npos) return std::nullopt;
        time_at = 1;
        after_time = close + 1;
        time_url = std::string(content.substr(time->length + 3, close - time->length - 3));
    } else if ((time = match_timeline_time(content))) {
        after_time = time->length;
    } else {
        return std::nullopt;
    }
    RetroEntry e =
        timed_entry(line, static_cast<std::uint32_t>(col + time_at + 1), content.substr(time_at, time->length), *time);
    e.time_url = std::move(time_url);
    std::size_t at = skip_separator(content, after_time, bold_open);
    std::size_t k = at;
    while (k < content.size() && is_upper(content[k])) ++k;
    const std::size_t n = k - at;
    const bool ends_word = k == content.size() || content[k] == ' ' || content[k] == ':';
    if (n >= 2 && n <= 3 && ends_word && !is_common_acronym(content.substr(at, n)) &&
        !zone_name_offset_minutes(content.substr(at, n))) {
        e.initials = std::string(content.substr(at, n));
        e.initials_column = static_cast<std::uint32_t>(col + at + 1);
        at = k;
        if (at < content.size() && content[at] == ':') ++at;
        at += leading_spaces(content.substr(at));
    }
    if (read_names && e.initials.empty()) e.actor_name = handle_at_start(content.substr(at));
    e.lines.push_back(RetroLine{line, static_cast<std::uint32_t>(col + at + 1),
                                (bold_open ? "**" : "") + std::string(content.substr(at)), false});
    return e;
}

}  // namespace retro::retrodoc
