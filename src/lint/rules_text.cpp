// RETRO010 placeholder, RETRO011 link-text, RETRO012 secret, RETRO013 personal-data: checks on the text
// of every line. Secrets and personal data come from the one detector in src/core/secrets.
#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "core/secrets.hpp"
#include "core/text_utf8.hpp"
#include "lint/rule.hpp"

namespace retro::lint {
namespace {

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The line with inline HTML comments blanked out (columns stay where they are).
std::string without_comments(std::string_view line) {
    std::string out(line);
    std::size_t pos = 0;
    while ((pos = out.find("<!--", pos)) != std::string::npos) {
        std::size_t end = out.find("-->", pos + 4);
        end = end == std::string::npos ? out.size() : end + 3;
        for (std::size_t k = pos; k < end; ++k) out[k] = ' ';
        pos = end;
    }
    return out;
}

// `[email address]`, `[owner name]`: a bracketed fill-in of a few plain words naming what to fill in.
bool is_bracket_placeholder(std::string_view inner) {
    if (inner.empty() || inner.size() > 40) return false;
    for (char c : inner) {
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ' && c != '-') return false;
    }
    const std::string lower = to_lower_ascii(inner);
    if (lower.starts_with("redacted")) return false;
    static constexpr std::array<std::string_view, 17> words = {
        "email", "e-mail", "address", "name",        "link",    "url",    "date",        "time", "owner",
        "title", "number", "phone",   "description", "details", "insert", "placeholder", "fill"};
    std::size_t i = 0;
    while (i < lower.size()) {
        while (i < lower.size() && lower[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < lower.size() && lower[i] != ' ') ++i;
        const std::string_view word = std::string_view(lower).substr(start, i - start);
        if (std::find(words.begin(), words.end(), word) != words.end()) return true;
    }
    return false;
}

void check_placeholder_line(RuleContext& context, std::uint32_t line_number, std::string_view raw) {
    const std::string line = without_comments(raw);
    for (std::size_t i = 0; i < line.size(); ++i) {
        for (std::string_view word : {"TODO", "TBD", "XXX", "FIXME"}) {
            if (line.compare(i, word.size(), word) == 0 && (i == 0 || !is_word_char(line[i - 1])) &&
                (i + word.size() >= line.size() || !is_word_char(line[i + word.size()]))) {
                context.report(line_number, static_cast<std::uint32_t>(i + 1),
                               fmt::format("placeholder `{}` left in the retro", word), std::nullopt);
            }
        }
        if (line.compare(i, 2, "{{") == 0) {
            const std::size_t close = line.find("}}", i + 2);
            if (close != std::string::npos) {
                context.report(
                    line_number, static_cast<std::uint32_t>(i + 1),
                    fmt::format("template placeholder `{}` left in the retro", line.substr(i, close + 2 - i)),
                    std::nullopt);
                i = close + 1;
                continue;
            }
        }
        if (line[i] == '[' && (i == 0 || (line[i - 1] != '\\' && line[i - 1] != '!' && line[i - 1] != ']'))) {
            const std::size_t close = line.find(']', i + 1);
            if (close == std::string::npos) continue;
            const char next = close + 1 < line.size() ? line[close + 1] : '\0';
            if (next == '(' || next == '[' || next == ':') continue;  // a link or a reference definition
            const std::string_view inner = std::string_view(line).substr(i + 1, close - i - 1);
            if (is_bracket_placeholder(inner)) {
                context.report(line_number, static_cast<std::uint32_t>(i + 1),
                               fmt::format("placeholder `[{}]` left in the retro", inner), std::nullopt);
            }
        }
    }
}

void check_detector(RuleContext& context, bool personal) {
    const auto& doc = context.doc;
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        if (personal && (doc.is_html_line[i])) continue;
        const std::string_view line = doc.lines[i];
        for (const SecretFinding& f : find_secrets(line)) {
            if (is_personal_data(f.kind) != personal) continue;
            if (f.kind == SecretKind::email && !is_personal_email(line.substr(f.start, f.end - f.start))) continue;
            const std::string kind(to_string(f.kind));
            std::string message;
            if (personal) {
                message = fmt::format("{} is personal data: remove it or write `[redacted: {}]`",
                                      f.kind == SecretKind::email ? "an e-mail address" : "a phone number", kind);
            } else {
                message = fmt::format("possible secret ({}): revoke it, then remove it or write `[redacted: {}]`", kind,
                                      kind);
            }
            context.report(static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(f.start + 1),
                           std::move(message), std::nullopt);
        }
    }
}

std::string_view normalise_url(std::string_view url) {
    url = trim(url);
    while (url.ends_with('/')) url.remove_suffix(1);
    return url;
}

}  // namespace

void check_placeholders(RuleContext& context) {
    const auto& doc = context.doc;
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        if (doc.is_code_line[i] || doc.is_html_line[i]) continue;
        check_placeholder_line(context, static_cast<std::uint32_t>(i + 1), doc.lines[i]);
    }
}

void check_link_text(RuleContext& context) {
    for (const auto& link : context.doc.links) {
        if (link.is_autolink) continue;
        const std::string_view text = trim(link.text);
        if (!(text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))) continue;
        std::string_view shown = normalise_url(text);
        std::string_view target = normalise_url(link.url);
        if (shown == target || ("http://" + std::string(shown)) == target ||
            ("https://" + std::string(shown)) == target) {
            continue;
        }
        context.report(link.line, link.column, fmt::format("the link shows `{}` but goes to `{}`", text, link.url),
                       std::nullopt);
    }
}

void check_secrets(RuleContext& context) {
    check_detector(context, false);
}

void check_personal_data(RuleContext& context) {
    check_detector(context, true);
}

}  // namespace retro::lint
