// Reading `<!-- retro-lint … -->` comments. markdownlint's semantics: a comment acts on its own line too
// (`disable` and `enable` from that line on), the comments of a line act in the order they are written, and
// `disable-file` holds wherever it stands. Unlike the first version of these comments, a name that is not a
// rule never widens to "every rule": a typo turns nothing off, and says so.
#include "lint/lint_comments.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "lint/rule.hpp"

namespace retro::lint {
namespace {

enum class Directive { disable, enable, disable_line, disable_next_line, disable_file };

constexpr std::array<std::pair<std::string_view, Directive>, 5> directives{{
    {"disable", Directive::disable},
    {"enable", Directive::enable},
    {"disable-line", Directive::disable_line},
    {"disable-next-line", Directive::disable_next_line},
    {"disable-file", Directive::disable_file},
}};

struct Comment {
    std::uint32_t line = 0;
    Directive directive = Directive::disable;
    RuleSet rules;  // the rules it names, or every rule when it names none
};

bool is_separator(char c) { return c == ' ' || c == '\t' || c == ','; }

RuleSet every_rule() {
    RuleSet all;
    for (std::size_t i = 0; i < rules().size() && i < all.size(); ++i) all.set(i);
    return all;
}

class CommentReader {
public:
    CommentReader(const std::string& file_name, Diagnostics* diags) : m_file_name(file_name), m_diags(diags) {}

    // The retro-lint comments of one line, in order. `line` is 1-based.
    void read_line(std::string_view text, std::uint32_t line, std::vector<Comment>& out) {
        std::size_t pos = 0;
        while ((pos = text.find("<!--", pos)) != std::string_view::npos) {
            const std::size_t end = text.find("-->", pos + 4);
            const std::size_t body_end = end == std::string_view::npos ? text.size() : end;
            read_comment(text, pos + 4, body_end, line, out);
            pos = end == std::string_view::npos ? text.size() : end + 3;
        }
    }

private:
    void warn(std::string code, std::uint32_t line, std::size_t offset, std::string message) {
        if (m_diags != nullptr) {
            m_diags->warning(std::move(code), Location{m_file_name, line, offset + 1}, std::move(message));
        }
    }

    // The comment body `text[begin, end)`.
    void read_comment(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t line,
                      std::vector<Comment>& out) {
        std::size_t k = begin;
        while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
        constexpr std::string_view marker = "retro-lint";
        if (end - k < marker.size() || !starts_with_icase(text.substr(k, end - k), marker)) return;
        k += marker.size();
        // `retro-lint disable` or markdownlint's spelling `retro-lint-disable`; `retro-linter` is not ours.
        if (k < end && text[k] == '-') {
            ++k;
        } else if (k < end && text[k] != ' ' && text[k] != '\t') {
            return;
        }
        while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
        const std::size_t word_start = k;
        while (k < end && !is_separator(text[k])) ++k;
        const std::string_view word = text.substr(word_start, k - word_start);
        std::optional<Directive> directive;
        for (const auto& [name, value] : directives) {
            if (iequals_ascii(name, word)) directive = value;
        }
        if (!directive) {
            warn("lint.unknown-directive", line, word_start,
                 fmt::format("retro-lint comment with {} `{}`: write disable, enable, disable-line, "
                             "disable-next-line or disable-file; this comment turns nothing off",
                             word.empty() ? "no directive" : "the unknown directive", word));
            return;
        }
        Comment comment{line, *directive, {}};
        bool named_any = false;
        while (k < end) {
            while (k < end && is_separator(text[k])) ++k;
            const std::size_t start = k;
            while (k < end && !is_separator(text[k])) ++k;
            if (k == start) continue;
            named_any = true;
            const std::string_view name = text.substr(start, k - start);
            const Rule* rule = find_rule(name);
            if (rule == nullptr) {
                warn("lint.unknown-rule", line, start,
                     fmt::format("retro-lint {}: no rule is named `{}` (rules are RETRO001 to RETRO{:03} or their "
                                 "names); it turns nothing off",
                                 word, name, rules().size()));
                continue;
            }
            comment.rules.set(static_cast<std::size_t>(rule - rules().data()));
        }
        if (!named_any) comment.rules = every_rule();
        if (comment.rules.any()) out.push_back(comment);
    }

    const std::string& m_file_name;
    Diagnostics* m_diags;
};

}  // namespace

LintComments::LintComments(const retrodoc::RetroDocument& doc, const std::string& file_name, Diagnostics* diags) {
    std::vector<Comment> comments;
    CommentReader reader(file_name, diags);
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        if (i < doc.is_code_line.size() && doc.is_code_line[i]) continue;  // quoted, not a directive
        if (doc.lines[i].find("<!--") == std::string_view::npos) continue;
        reader.read_line(doc.lines[i], static_cast<std::uint32_t>(i + 1), comments);
    }
    bool has_line_scoped = false;
    for (const Comment& c : comments) {
        if (c.directive == Directive::disable_file) {
            m_file |= c.rules;
        } else {
            has_line_scoped = true;
        }
    }
    if (!has_line_scoped) return;

    // m_by_line[n] for lines 1…N, and N+1 for findings past the last line (the state the file ends in).
    const std::size_t last = doc.lines.size();
    m_by_line.assign(last + 2, RuleSet{});
    std::vector<RuleSet> line_only(last + 2);
    RuleSet state;
    auto next = comments.begin();
    for (std::size_t line = 1; line <= last + 1; ++line) {
        for (; next != comments.end() && next->line == line; ++next) {
            switch (next->directive) {
                case Directive::disable:
                    state |= next->rules;
                    break;
                case Directive::enable:
                    state &= ~next->rules;
                    break;
                case Directive::disable_line:
                    line_only[line] |= next->rules;
                    break;
                case Directive::disable_next_line:
                    if (line + 1 <= last) line_only[line + 1] |= next->rules;
                    break;
                case Directive::disable_file:
                    break;
            }
        }
        m_by_line[line] = state | line_only[line];
    }
}

bool LintComments::is_disabled(std::size_t rule_index, std::uint32_t line) const {
    if (rule_index >= m_file.size()) return false;
    if (m_file.test(rule_index)) return true;
    if (line == 0 || m_by_line.empty()) return false;
    const std::size_t at = std::min<std::size_t>(line, m_by_line.size() - 1);
    return m_by_line[at].test(rule_index);
}

}  // namespace retro::lint
