// Raw Markdown line helpers shared by the retro reader and the document timeline reader.
#include "retrodoc/markdown_lines.hpp"

#include <cctype>

#include "core/text_utf8.hpp"

namespace retro::retrodoc {

std::vector<std::string_view> split_lines(std::string_view bytes) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = bytes.size();
        lines.push_back(bytes.substr(start, end - start));
        start = end + 1;
        if (end + 1 < bytes.size() && bytes[end] == '\r' && bytes[end + 1] == '\n') ++start;
    }
    return lines;
}

std::size_t leading_spaces(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i;
}

std::string_view strip_line_end(std::string_view s) {
    while (true) {
        std::size_t before = s.size();
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        std::size_t backslashes = 0;
        while (backslashes < s.size() && s[s.size() - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 1) s.remove_suffix(1);
        for (std::string_view tag : {"<br>", "<br/>", "<br />"}) {
            if (s.size() >= tag.size() && iequals_ascii(s.substr(s.size() - tag.size()), tag)) {
                s.remove_suffix(tag.size());
                break;
            }
        }
        if (s.size() == before) return s;
    }
}

std::size_t list_marker_length(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t')) {
        // `**bold**` is not a list marker, and neither is `* * *` (a thematic break, handled elsewhere).
        return 2 + leading_spaces(s.substr(2));
    }
    std::size_t i = 0;
    while (i < s.size() && i < 9 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && (s[i + 1] == ' ' || s[i + 1] == '\t')) {
        return i + 2 + leading_spaces(s.substr(i + 2));
    }
    return 0;
}

}  // namespace retro::retrodoc
