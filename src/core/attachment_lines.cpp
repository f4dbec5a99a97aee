// Attachment lines (attachment_lines.hpp): where a file's line starts and ends, and whether a draft can show it.
#include "core/attachment_lines.hpp"

#include <algorithm>

#include "core/text_utf8.hpp"

namespace retro {

std::vector<AttachmentLine> attachment_lines(std::string_view text, const std::vector<Span>& spans) {
    std::vector<AttachmentLine> lines;
    for (const Span& s : spans) {
        if (s.type != SpanType::attachment || s.start > text.size()) continue;
        const std::size_t before = text.rfind('\n', s.start == 0 ? 0 : s.start - 1);
        const std::size_t start = s.start == 0 || before == std::string_view::npos ? 0 : before + 1;
        const std::size_t end = std::min(text.find('\n', s.start), text.size());
        lines.push_back({start, end, &s});
    }
    // Spans come in any order; a line is listed once, under its first span.
    std::stable_sort(lines.begin(), lines.end(),
                     [](const AttachmentLine& a, const AttachmentLine& b) { return a.start < b.start; });
    lines.erase(std::unique(lines.begin(), lines.end(),
                            [](const AttachmentLine& a, const AttachmentLine& b) { return a.start == b.start; }),
                lines.end());
    return lines;
}

bool is_linkable_attachment(const Span& span) {
    return span.type == SpanType::attachment && span.url.starts_with("https://") && span.url.size() > 8;
}

bool says_nothing_shown(std::string_view text, const std::vector<Span>& spans) {
    std::size_t at = 0;
    for (const AttachmentLine& line : attachment_lines(text, spans)) {
        if (line.start < at) continue;
        if (!trim(text.substr(at, line.start - at)).empty() || is_linkable_attachment(*line.span)) return false;
        at = line.end;
    }
    return trim(text.substr(at)).empty();
}

}  // namespace retro
