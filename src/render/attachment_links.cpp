// Attachment lines as the draft shows them (attachment_links.hpp).
#include "render/attachment_links.hpp"

#include <algorithm>

#include "core/attachment_lines.hpp"

namespace retro::render {

RedactedText show_attachments(const RedactedText& body) {
    const std::vector<AttachmentLine> lines = attachment_lines(body.text, body.spans);
    if (lines.empty()) return body;
    RedactedText out;
    // Each kept byte range of `body.text` and where it starts in `out.text`, to move the other spans.
    struct Kept {
        std::size_t from, to, at;
    };
    std::vector<Kept> kept;
    std::size_t pos = 0;
    auto keep = [&](std::size_t to) {
        kept.push_back({pos, to, out.text.size()});
        out.text.append(body.text, pos, to - pos);
    };
    for (const AttachmentLine& line : lines) {
        keep(line.start);
        const Span& s = *line.span;
        if (is_linkable_attachment(s)) {
            const std::size_t start = out.text.size();
            out.text.append(body.text, s.start, s.end - s.start);
            out.spans.push_back(Span{start, out.text.size(), SpanType::link, s.url});
            pos = line.end;
        } else {
            // The line and its break go; a last line takes the break before it instead.
            pos = line.end < body.text.size() ? line.end + 1 : line.end;
            if (line.end >= body.text.size() && !out.text.empty() && out.text.back() == '\n') {
                out.text.pop_back();
                for (auto k = kept.rbegin(); k != kept.rend(); ++k)
                    if (k->from < k->to) {
                        --k->to;
                        break;
                    }
            }
        }
    }
    keep(body.text.size());
    for (const Span& s : body.spans) {
        for (const Kept& k : kept) {
            if (s.start >= k.from && s.end <= k.to && s.start < s.end) {
                Span moved = s;
                moved.start = s.start - k.from + k.at;
                moved.end = s.end - k.from + k.at;
                out.spans.push_back(std::move(moved));
                break;
            }
        }
    }
    std::stable_sort(out.spans.begin(), out.spans.end(),
                     [](const Span& a, const Span& b) { return a.start < b.start; });
    return out;
}

}  // namespace retro::render
