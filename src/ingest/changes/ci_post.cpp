// A CI robot's chat post as a change: the build link says which system, pipeline and number; a state word in
// the post says how it went.
#include "ingest/changes/ci_post.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

#include "core/text_utf8.hpp"

namespace retro::ingest::changes {

namespace {

enum class Outcome { none, started, finished, failed };

// The first word of `lower` (lower case) that says how a build went.
Outcome outcome_of(std::string_view lower) {
    static constexpr std::array<std::pair<std::string_view, Outcome>, 14> words{{
        {"passed", Outcome::finished},   {"succeeded", Outcome::finished}, {"successful", Outcome::finished},
        {"success", Outcome::finished},  {"finished", Outcome::finished},  {"completed", Outcome::finished},
        {"failed", Outcome::failed},     {"failing", Outcome::failed},     {"failure", Outcome::failed},
        {"canceled", Outcome::failed},   {"cancelled", Outcome::failed},   {"started", Outcome::started},
        {"running", Outcome::started},   {"scheduled", Outcome::started},
    }};
    std::size_t best = std::string_view::npos;
    Outcome found = Outcome::none;
    for (auto [word, outcome] : words) {
        for (std::size_t at = lower.find(word); at != std::string_view::npos; at = lower.find(word, at + 1)) {
            const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
            const std::size_t end = at + word.size();
            const bool ends = end == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
            if (starts && ends) {
                if (at < best) best = at, found = outcome;
                break;
            }
        }
    }
    return found;
}

// The path segment starting at `at` in `s` (up to `/`, a space or the end).
std::string_view segment(std::string_view s, std::size_t at) {
    std::size_t end = at;
    while (end < s.size() && s[end] != '/' && !std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '>' &&
           s[end] != ')' && s[end] != '|')
        ++end;
    return s.substr(at, end - at);
}

std::uint64_t number_of(std::string_view digits) {
    std::uint64_t n = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return ec == std::errc() && ptr == digits.data() + digits.size() ? n : 0;
}

// The URL around position `at` of `text`: from its scheme to the first space, `>` or `)`.
std::string_view url_around(std::string_view text, std::size_t at) {
    std::size_t begin = text.rfind("http", at);
    if (begin == std::string_view::npos) begin = at;
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '>' &&
           text[end] != ')' && text[end] != '|')
        ++end;
    return text.substr(begin, end - begin);
}

// system, repo (or pipeline), number and URL of the first build link in `text`.
std::optional<ChangeInfo> build_link(std::string_view text) {
    // Buildkite: buildkite.com/ORG/PIPELINE/builds/N
    if (auto at = text.find("buildkite.com/"); at != std::string_view::npos) {
        std::size_t p = at + 14;
        std::string_view org = segment(text, p);
        p += org.size() + 1;
        std::string_view pipeline = p < text.size() ? segment(text, p) : std::string_view();
        p += pipeline.size() + 1;
        if (!org.empty() && !pipeline.empty() && text.substr(std::min(p, text.size())).starts_with("builds/")) {
            std::uint64_t n = number_of(segment(text, p + 7));
            if (n) return ChangeInfo{"buildkite", std::string(pipeline), {}, n, ChangeAction::run_finished, {}, {},
                                     std::string(url_around(text, at))};
        }
    }
    // GitHub Actions: github.com/OWNER/REPO/actions/runs/N
    if (auto at = text.find("/actions/runs/"); at != std::string_view::npos) {
        std::size_t gh = text.rfind("github.com/", at);
        std::uint64_t n = number_of(segment(text, at + 14));
        if (gh != std::string_view::npos && n) {
            std::string_view repo = text.substr(gh + 11, at - gh - 11);
            if (!repo.empty() && repo.find_first_of(" \t\n") == std::string_view::npos)
                return ChangeInfo{"github", std::string(repo), {}, n, ChangeAction::run_finished, {}, {},
                                  std::string(url_around(text, at))};
        }
    }
    // GitLab: …/GROUP/PROJECT/-/pipelines/N
    if (auto at = text.find("/-/pipelines/"); at != std::string_view::npos) {
        std::uint64_t n = number_of(segment(text, at + 13));
        std::size_t slash = text.rfind('/', at == 0 ? 0 : at - 1);
        if (n && slash != std::string_view::npos && slash < at) {
            std::string_view project = text.substr(slash + 1, at - slash - 1);
            if (!project.empty())
                return ChangeInfo{"gitlab", std::string(project), {}, n, ChangeAction::run_finished, {}, {},
                                  std::string(url_around(text, at))};
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<ChangeInfo> change_from_ci_post(std::string_view text) {
    auto change = build_link(text);
    if (!change) return std::nullopt;
    const std::string lower = to_lower_ascii(text);
    const Outcome outcome = outcome_of(lower);
    if (outcome == Outcome::none) return std::nullopt;
    const bool deploy = lower.find("deploy") != std::string::npos;
    switch (outcome) {
        case Outcome::started:
            change->action = deploy ? ChangeAction::deploy_started : ChangeAction::run_started;
            break;
        case Outcome::failed:
            change->action = deploy ? ChangeAction::deploy_failed : ChangeAction::run_failed;
            break;
        default:
            change->action = deploy ? ChangeAction::deployed : ChangeAction::run_finished;
    }
    return change;
}

}  // namespace retro::ingest::changes
