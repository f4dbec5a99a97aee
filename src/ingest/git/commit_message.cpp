// Commit messages read as change records (commit_message.hpp). The merge forms are the default messages of
// GitHub ("Merge pull request #6583 from owner/branch", the PR title as the body), GitLab ("Merge branch 'x'
// into 'main'", the MR title as the body, "See merge request group/project!12" at its end) and Bitbucket
// ("Merged in x (pull request #12)"); a squash merge is GitHub's "Title (#12)".
#include "ingest/git/commit_message.hpp"

#include <chrono>

#include <fmt/format.h>

#include "core/text_utf8.hpp"

namespace retro::ingest::git {
namespace {

bool is_blank(std::string_view line) { return trim(line).empty(); }

// The lines of a message, one at a time (a final line without its newline included).
class Lines {
public:
    explicit Lines(std::string_view text) : m_rest(text) {}
    bool next(std::string_view& line) {
        if (m_rest.empty()) return false;
        const std::size_t nl = m_rest.find('\n');
        line = m_rest.substr(0, nl);
        m_rest = nl == std::string_view::npos ? std::string_view() : m_rest.substr(nl + 1);
        return true;
    }
    std::string_view rest() const { return m_rest; }

private:
    std::string_view m_rest;
};

struct Paragraphs {
    std::string subject;   // the first paragraph, joined
    std::string_view body;  // what follows it
};

Paragraphs split_message(std::string_view message) {
    Paragraphs out;
    Lines lines(message);
    std::string_view line;
    bool started = false;
    while (lines.next(line)) {
        if (is_blank(line)) {
            if (started) {
                out.body = lines.rest();
                break;
            }
            continue;
        }
        if (started) out.subject += ' ';
        started = true;
        // Trailing blanks go, as git's %s drops them; leading ones stay.
        std::string_view text = line;
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
        out.subject.append(text);
    }
    return out;
}

// The first line of `body` that is not blank, trimmed.
std::string_view first_body_line(std::string_view body) {
    Lines lines(body);
    std::string_view line;
    while (lines.next(line))
        if (!is_blank(line)) return trim(line);
    return {};
}

// 1 to 18 decimal digits, not 0.
std::uint64_t read_number(std::string_view digits) {
    if (digits.empty() || digits.size() > 18) return 0;
    std::uint64_t n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

// `text` ending in `(#N)` (blanks before the end allowed): N, and `text` shortened to what precedes it.
std::uint64_t take_trailing_number(std::string_view& text, std::string_view open) {
    std::string_view t = trim(text);
    if (!t.ends_with(')')) return 0;
    const std::size_t at = t.rfind(open);
    if (at == std::string_view::npos) return 0;
    const std::uint64_t n = read_number(t.substr(at + open.size(), t.size() - 1 - at - open.size()));
    if (n != 0) text = trim(t.substr(0, at));
    return n;
}

// GitHub: `Merge pull request #N from owner/branch`.
std::uint64_t github_merge_number(std::string_view subject) {
    constexpr std::string_view prefix = "Merge pull request #";
    if (!subject.starts_with(prefix)) return 0;
    subject.remove_prefix(prefix.size());
    const std::size_t space = subject.find(' ');
    if (space == std::string_view::npos || !subject.substr(space).starts_with(" from ")) return 0;
    return read_number(subject.substr(0, space));
}

// GitLab: a body line `See merge request group/project!N`; the MR's title is the body's first line.
std::uint64_t gitlab_merge_number(std::string_view body) {
    constexpr std::string_view prefix = "See merge request ";
    Lines lines(body);
    std::string_view line;
    while (lines.next(line)) {
        line = trim(line);
        if (!line.starts_with(prefix)) continue;
        const std::size_t bang = line.rfind('!');
        if (bang != std::string_view::npos && bang > prefix.size()) return read_number(line.substr(bang + 1));
    }
    return 0;
}

CommitChange read_merge(const Paragraphs& m) {
    CommitChange out{ChangeAction::merged, 0, {}};
    const std::string_view subject = m.subject;
    if ((out.number = github_merge_number(subject)) != 0) {
        out.title = std::string(first_body_line(m.body));
        return out;
    }
    if (subject.starts_with("Merge branch ") && (out.number = gitlab_merge_number(m.body)) != 0) {
        const std::string_view title = first_body_line(m.body);
        if (!title.starts_with("See merge request ")) out.title = std::string(title);
        return out;
    }
    std::string_view title = subject;
    if (subject.starts_with("Merged in ") && (out.number = take_trailing_number(title, "(pull request #")) != 0) {
        const std::string_view body_title = first_body_line(m.body);
        out.title = std::string(body_title.empty() ? title : body_title);
        return out;
    }
    out.number = take_trailing_number(title, "(#");
    out.title = std::string(title);
    return out;
}

}  // namespace

std::string commit_subject(std::string_view message) { return split_message(message).subject; }

CommitChange read_commit_message(std::string_view message, std::size_t parent_count) {
    const Paragraphs m = split_message(message);
    if (parent_count > 1) return read_merge(m);
    std::string_view title = m.subject;
    if (const std::uint64_t number = take_trailing_number(title, "(#"); number != 0)
        return {ChangeAction::merged, number, std::string(title)};
    return {ChangeAction::committed, 0, m.subject};
}

std::string format_git_time(std::int64_t seconds, int offset_minutes, bool negative_sign) {
    using namespace std::chrono;
    const sys_seconds local{std::chrono::seconds(seconds + std::int64_t{offset_minutes} * 60)};
    const sys_days day = floor<days>(local);
    const year_month_day date{day};
    const hh_mm_ss time_of_day{local - day};
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time_of_day.hours().count(),
                       time_of_day.minutes().count(), time_of_day.seconds().count(),
                       offset_minutes < 0 || (offset_minutes == 0 && negative_sign) ? '-' : '+', magnitude / 60,
                       magnitude % 60);
}

}  // namespace retro::ingest::git
