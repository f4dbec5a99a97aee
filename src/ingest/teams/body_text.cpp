// The text builder of Teams message bodies (body_text.hpp).
#include "ingest/teams/body_text.hpp"

#include <algorithm>
#include <utility>

namespace retro::ingest::teams {
namespace {

bool is_html_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// U+00A0 NO-BREAK SPACE (`&nbsp;`), which Teams writes for empty paragraphs, in UTF-8.
constexpr std::string_view nbsp = "\xC2\xA0";

}  // namespace

void BodyBuilder::put(std::string_view bytes) {
    if (bytes.empty()) return;
    if (!m_text.empty()) {
        if (m_break) {
            m_text += '\n';
        } else if (m_space && m_text.back() != '\n') {
            m_text += ' ';
        }
    }
    m_space = m_break = false;
    // A `\u0000` escape in the JSON: never part of the text.
    if (bytes.find('\0') == std::string_view::npos) {
        m_text += bytes;
    } else {
        for (char c : bytes)
            if (c != '\0') m_text += c;
    }
}

void BodyBuilder::text(std::string_view s) {
    std::size_t run = 0;  // start of the current run of non-space bytes
    for (std::size_t i = 0; i <= s.size();) {
        const bool end = i == s.size();
        const std::size_t space = end                                ? 0
                                  : is_html_space(s[i])              ? 1
                                  : s.substr(i).starts_with(nbsp)    ? nbsp.size()
                                                                     : 0;
        if (end || space) {
            put(s.substr(run, i - run));
            if (end) break;
            m_space = true;
            i += space;
            run = i;
        } else {
            ++i;
        }
    }
}

void BodyBuilder::verbatim(std::string_view s) {
    while (!s.empty()) {
        const std::size_t newline = s.find('\n');
        std::string_view line = s.substr(0, newline);
        if (line.ends_with('\r')) line.remove_suffix(1);
        put(line);
        if (newline == std::string_view::npos) break;
        line_break();
        s.remove_prefix(newline + 1);
    }
}

void BodyBuilder::line_break() {
    m_break = true;
}

void BodyBuilder::space() {
    m_space = true;
}

void BodyBuilder::attachment_line(std::string_view label, std::string_view title, std::string_view url) {
    line_break();
    if (title.empty()) {
        const std::size_t start = mark();
        text(label);
        close_span(start, SpanType::attachment, std::string(url));
    } else {
        text(label);
        text(": ");
        const std::size_t start = mark();
        text(title);
        close_span(start, SpanType::attachment, std::string(url));
    }
    line_break();
}

void BodyBuilder::close_span(std::size_t start, SpanType type, std::string url) {
    while (start < m_text.size() && (m_text[start] == ' ' || m_text[start] == '\n')) ++start;
    if (start >= m_text.size()) return;
    Span span{start, m_text.size(), type, std::move(url)};
    // `<b><b>x</b></b>` is one bold span: nested copies close one after the other.
    if (!m_spans.empty() && m_spans.back() == span) return;
    m_spans.push_back(std::move(span));
}

BodyText BodyBuilder::take() {
    // Spans close inside out; list them by start, the outer one first.
    std::stable_sort(m_spans.begin(), m_spans.end(), [](const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    m_space = m_break = false;
    return BodyText{std::exchange(m_text, {}), std::exchange(m_spans, {})};
}

}  // namespace retro::ingest::teams
