// Issue 17: changes (merges, deploys, CI runs, commits) as suspects. Changes are no signals, so they never
// shape the window; once it is chosen, the ones in the lead-up (options.lead_up before it) and in it are
// weighed, each rule one sentence:
// - a change the discussion names (its link, its number as `#N` or `pull/N`, its commit, its branch) is shown;
// - a change whose title holds two words in a row the discussion also says ("date picker"), neither of them a
//   common word, is shown;
// - the last merge, deploy, rollback or commit before the first signal is shown, unless the discussion named a
//   change of the lead-up; when it is a deploy, so is the last merge before it (what the deploy shipped);
// - inside the window, merges, deploys, failed deploys and rollbacks are shown (mitigation candidates);
// - changes to a repository the alerts or messages name (in words, not inside a link or a host name) are listed
//   with that reason, not shown: a service's every merge is no suspect;
// - a change a later revert names by its title (`Revert "<title>"`) counts as named;
// - runs are shown only when named; everything else is counted in the ledger, not shown.
// A message from 2 minutes before a shown change to 15 minutes after it that says what the record says
// (merged, reverted, deployed…) announces it when it names the change or its author wrote it ("I've reverted
// the last PR" beside their recorded revert): one happening led by the change, with the message as evidence.
// A message saying what came of it ("#8436 is deployed and fixed in stage" after the merge) is its own line. A change
// its author announced is drawn in the author's words, with the change's link.
#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

constexpr auto announce_before = std::chrono::minutes(2);
constexpr auto announce_after = std::chrono::minutes(15);

bool is_run(const ChangeInfo& c) {
    return c.action == ChangeAction::run_started || c.action == ChangeAction::run_finished ||
           c.action == ChangeAction::run_failed;
}

bool is_deploy(const ChangeInfo& c) {
    return c.action == ChangeAction::deployed || c.action == ChangeAction::deploy_started ||
           c.action == ChangeAction::deploy_failed;
}

bool is_window_action(const ChangeInfo& c) {
    return c.action == ChangeAction::merged || c.action == ChangeAction::deployed ||
           c.action == ChangeAction::deploy_failed || c.action == ChangeAction::rolled_back;
}

// The repository's own name, lower case: `wellcomecollection/catalogue-api.git` → `catalogue-api`. Empty
// when shorter than four characters (too common a word to stand for a service).
std::string service_name(const ChangeInfo& c) {
    std::string_view repo = c.repo;
    while (!repo.empty() && repo.back() == '/') repo.remove_suffix(1);
    if (auto slash = repo.rfind('/'); slash != std::string_view::npos) repo.remove_prefix(slash + 1);
    if (repo.ends_with(".git")) repo.remove_suffix(4);
    return repo.size() >= 4 ? to_lower_ascii(repo) : std::string();
}

// A branch name specific enough to be named: not a default branch, and holding `-`, `/` or `_`.
bool is_named_branch(std::string_view ref) {
    static constexpr std::string_view defaults[] = {"main", "master", "trunk", "develop", "production", "head"};
    if (ref.size() < 4 || ref.find_first_of("-/_") == std::string_view::npos) return false;
    return std::none_of(std::begin(defaults), std::end(defaults), [&](std::string_view d) { return ref == d; });
}

// What the window's discussion says, lower case: the texts and links of its messages, e-mails, notes and
// status updates; hexadecimal words of 7 or more digits (commit ids); alert keys and services.
struct Discussion {
    std::vector<std::pair<std::uint32_t, std::string>> texts;  // event → its lower-case text and links
    std::vector<std::string> hex_words;
    std::string alerts;  // alert keys and services, one per line
    std::string prose;   // the texts without their links, one per line: where a service is named in words

    // The service's name as a word of its own: not a part of a host name or a path (`api.example.org` names
    // the API, not `example.org`).
    bool says_service(std::string_view service) const {
        auto joins = [](char c) { return is_word_byte(c) || c == '.' || c == '-' || c == '/' || c == '@' || c == '_'; };
        for (std::size_t at = prose.find(service); at != std::string::npos; at = prose.find(service, at + 1)) {
            const std::size_t end = at + service.size();
            if ((at == 0 || !joins(prose[at - 1])) &&
                (end == prose.size() || !joins(prose[end]) ||
                 (prose[end] == '.' && (end + 1 == prose.size() || !joins(prose[end + 1])))))
                return true;
        }
        return false;
    }

    bool names(const ChangeInfo& c, std::string_view text) const {
        if (!c.url.empty() && text.find(to_lower_ascii(c.url)) != std::string_view::npos) return true;
        if (c.number > 0) {
            const std::string n = std::to_string(c.number);
            for (std::string_view prefix : {"#", "pull/", "merge_requests/", "pr "}) {
                const std::string token = std::string(prefix) + n;
                for (std::size_t at = text.find(token); at != std::string_view::npos; at = text.find(token, at + 1)) {
                    const std::size_t end = at + token.size();
                    if (end == text.size() || !std::isdigit(static_cast<unsigned char>(text[end]))) return true;
                }
            }
        }
        if (is_named_branch(c.ref) && holds_phrase(text, to_lower_ascii(c.ref))) return true;
        return false;
    }

    bool names_commit(const ChangeInfo& c) const {
        if (c.commit.size() < 7) return false;
        const std::string commit = to_lower_ascii(c.commit);
        return std::any_of(hex_words.begin(), hex_words.end(), [&](const std::string& w) {
            return w.size() <= commit.size() && commit.compare(0, w.size(), w) == 0;
        });
    }
};

void collect_hex_words(std::string_view text, std::vector<std::string>& out) {
    for_each_run(
        text, [](unsigned char c) { return std::isxdigit(c) != 0; },
        [&](std::size_t i, std::size_t end) {
            const bool bounded =
                (i == 0 || !is_word_byte(text[i - 1])) && (end == text.size() || !is_word_byte(text[end]));
            const bool has_digit =
                std::any_of(text.begin() + i, text.begin() + end, [](char c) { return c >= '0' && c <= '9'; });
            if (bounded && has_digit && end - i >= 7 && end - i <= 40) out.emplace_back(text.substr(i, end - i));
            return true;
        });
}

// `text` with every word holding "://" (a link) left out, and a newline, appended to `out`: a site's domain in
// every pasted page link does not name the service.
void append_without_links(std::string_view text, std::string& out) {
    for_each_run(
        text, [](unsigned char c) { return !std::isspace(c); },
        [&](std::size_t i, std::size_t end) {
            std::string_view word = text.substr(i, end - i);
            if (word.find("://") == std::string_view::npos) out.append(word).push_back(' ');
            return true;
        });
    out.push_back('\n');
}

Discussion discussion_of(const Work& w) {
    Discussion d;
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        if (!w.in_window[i] || w.fate[i] == Fate::noise || w.brief[i].kind == EventKind::change) continue;
        const Event& e = w.events[i];
        if (e.alert) {
            d.alerts += to_lower_ascii(e.alert->key) + "\n" + to_lower_ascii(e.alert->service) + "\n";
            continue;
        }
        std::string text = to_lower_ascii(e.text);
        append_without_links(text, d.prose);
        for (const auto& link : e.links) text += "\n" + to_lower_ascii(link);
        collect_hex_words(text, d.hex_words);
        d.texts.emplace_back(i, std::move(text));
    }
    return d;
}

// A change's title: its summary after the subject (`merged web#12: <title>`), or the whole summary.
std::string_view title_of(std::string_view summary) {
    const std::size_t colon = summary.find(": ");
    return colon == std::string_view::npos ? summary : summary.substr(colon + 2);
}

// The title a revert names (`Revert "Move the sign-in form…"`), or "" when the change is no revert.
std::string_view reverted_title(std::string_view summary) {
    std::string_view title = title_of(summary);
    if (!title.starts_with("Revert \"") || !title.ends_with('"') || title.size() < 10) return {};
    return title.substr(8, title.size() - 9);
}

struct Weighed {
    std::uint32_t event = 0;
    std::vector<std::string> reasons;
    bool named = false, shown = false, in_window = false;
};

// Words a person uses for having made a change of this action.
bool speaks_of(const ChangeInfo& c, std::string_view text) {
    static constexpr std::string_view merge_words[] = {"merged",    "merge",     "merging", "reverted", "revert",
                                                       "reverting", "reapplied", "reapply", "unrevert", "un-revert"};
    static constexpr std::string_view deploy_words[] = {"deployed",  "deploy",  "deploying",  "released",   "release",
                                                        "releasing", "shipped", "rolled out", "rolling out"};
    static constexpr std::string_view rollback_words[] = {"rolled back", "rollback", "roll back", "reverted", "revert"};
    auto any = [&](const auto& words) {
        return std::any_of(std::begin(words), std::end(words),
                           [&](std::string_view w) { return holds_phrase(text, w); });
    };
    switch (c.action) {
        case ChangeAction::merged:
        case ChangeAction::committed:
            return any(merge_words);
        case ChangeAction::deployed:
        case ChangeAction::deploy_started:
        case ChangeAction::deploy_failed:
            return any(deploy_words);
        case ChangeAction::rolled_back:
            return any(rollback_words);
        default:
            return false;
    }
}

// The same person in two sources: the same id, e-mail or name (case aside).
bool same_person(const Actor& a, const Actor& b) {
    auto equal = [](std::string_view x, std::string_view y) {
        return !x.empty() && to_lower_ascii(x) == to_lower_ascii(y);
    };
    return equal(a.id, b.id) || equal(a.email, b.email) || equal(a.name, b.name);
}

// Two words in a row of `text` (lower case) that say what a change is about: letters only, three or more
// each, neither a common word of titles or chat.
std::vector<std::string> distinctive_pairs(std::string_view text) {
    static constexpr std::string_view common[] = {
        "the",     "and",      "for",    "from",    "with",    "into",   "this",    "that",      "when",   "not",
        "are",     "was",      "has",    "have",    "our",     "new",    "add",     "adds",      "added",  "remove",
        "removes", "removed",  "update", "updates", "updated", "fix",    "fixes",   "fixed",     "bump",   "use",
        "make",    "move",     "all",    "can",     "get",     "set",    "merged",  "merge",     "revert", "reverted",
        "reapply", "deployed", "deploy", "run",     "passed",  "failed", "started", "committed", "its",    "but",
        "out",     "off",      "now",    "just",    "some",    "any",    "more",    "less",      "you",    "your",
        "they",    "them",     "there",  "here",    "what",    "which",  "will",    "would",     "could",  "should"};
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = i;
        while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
        if (end == i) {
            // A word broken by a digit or another sign is no word: it ends the run of pairs.
            if (!words.empty() && !words.back().empty()) words.emplace_back();
            ++i;
            continue;
        }
        std::string word(text.substr(i, end - i));
        const bool usable = word.size() >= 3 && std::none_of(std::begin(common), std::end(common),
                                                             [&](std::string_view c) { return c == word; });
        words.push_back(usable ? std::move(word) : std::string());
        i = end;
        // Only a single space joins two words into a pair.
        if (i < text.size() && text[i] != ' ')
            words.emplace_back();
        else if (i < text.size())
            ++i;
    }
    std::vector<std::string> pairs;
    for (std::size_t k = 0; k + 1 < words.size(); ++k)
        if (!words[k].empty() && !words[k + 1].empty()) pairs.push_back(words[k] + " " + words[k + 1]);
    return pairs;
}

std::string before_first_signal(Instant change, Instant first_signal) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(first_signal - change).count();
    if (minutes < 120) return fmt::format("{} minute{} before the first signal", minutes, minutes == 1 ? "" : "s");
    return fmt::format("{} hours before the first signal", minutes / 60);
}

}  // namespace

void weigh_changes(Work& w, const CorrelateOptions& options, Timeline& out) {
    // The window starts at its first signal, unless --from set it: then the first signal inside it counts.
    Instant first_signal = out.window.from;
    for (std::uint32_t i = 0; i < w.events.size(); ++i)
        if (w.in_window[i] && is_happening_lead(w, i) && w.brief[i].signal) {
            first_signal = std::max(first_signal, w.brief[i].time);
            break;
        }
    const Instant lead_up_from = out.window.from - options.lead_up;
    std::vector<Weighed> changes;
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        if (w.brief[i].kind != EventKind::change || !is_happening_lead(w, i)) continue;
        const Event& e = w.events[i];
        if (!e.change) continue;
        if (e.time < lead_up_from || e.time >= out.window.until) continue;
        changes.push_back({i, {}, false, false, e.time >= out.window.from});
    }
    if (changes.empty()) return;
    const Discussion d = discussion_of(w);
    std::set<std::string> mentioned_services;

    for (Weighed& c : changes) {
        const ChangeInfo& info = *w.events[c.event].change;
        c.named = d.names_commit(info) ||
                  std::any_of(d.texts.begin(), d.texts.end(), [&](const auto& t) { return d.names(info, t.second); });
        if (c.named) c.reasons.emplace_back("named in the discussion");
        if (!c.named && !is_run(info)) {
            for (const std::string& pair : distinctive_pairs(to_lower_ascii(w.events[c.event].text))) {
                if (std::none_of(d.texts.begin(), d.texts.end(),
                                 [&](const auto& t) { return holds_phrase(t.second, pair); }))
                    continue;
                c.named = true;
                c.reasons.push_back("its title matches the discussion (\"" + pair + "\")");
                break;
            }
        }
        const std::string service = service_name(info);
        if (!service.empty() && !is_run(info)) {
            if (holds_phrase(d.alerts, service)) {
                c.reasons.push_back("same service as the alerts (" + service + ")");
            } else if (d.says_service(service)) {
                c.reasons.push_back("same service as the messages (" + service + ")");
            }
        }
        c.shown = c.named || (c.in_window && is_window_action(info));
    }
    // A change a revert in the lead-up or the window reverts: `Revert "<its title>"`.
    for (const Weighed& r : changes) {
        const std::string_view reverted = reverted_title(w.events[r.event].text);
        if (reverted.empty()) continue;
        for (Weighed& c : changes) {
            if (&c == &r || c.named || w.events[c.event].time >= w.events[r.event].time) continue;
            if (title_of(w.events[c.event].text) != reverted) continue;
            c.named = c.shown = true;
            const std::uint64_t by = w.events[r.event].change->number;
            c.reasons.push_back(by ? fmt::format("reverted by #{}", by) : std::string("reverted later"));
        }
    }
    // The last merge, deploy, rollback or commit before the first signal, unless the discussion named one of the
    // lead-up's changes: then that one is the suspect.
    const bool named_lead_up =
        std::any_of(changes.begin(), changes.end(), [](const Weighed& c) { return c.named && !c.in_window; });
    for (auto it = changes.rbegin(); it != changes.rend() && !named_lead_up; ++it) {
        if (it->in_window || is_run(*w.events[it->event].change)) continue;
        it->shown = true;
        it->reasons.push_back(before_first_signal(w.events[it->event].time, first_signal));
        // A deploy ships the merges before it: the last of them is a suspect too.
        if (is_deploy(*w.events[it->event].change)) {
            auto merge = std::find_if(std::next(it), changes.rend(), [&](const Weighed& c) {
                const ChangeAction a = w.events[c.event].change->action;
                return a == ChangeAction::merged || a == ChangeAction::committed;
            });
            if (merge != changes.rend()) {
                merge->shown = true;
                merge->reasons.emplace_back("the last merge before that deploy");
            }
        }
        break;
    }
    for (const Weighed& c : changes) {
        const Event& e = w.events[c.event];
        if (c.shown) {
            w.fate[c.event] = Fate::pending;
            w.in_window[c.event] = true;
            // Announcements: a message naming it shortly after is the same happening.
            for (const auto& [i, text] : d.texts) {
                const Event& m = w.events[i];
                if (w.fate[i] != Fate::pending || m.kind == EventKind::change) continue;
                if (m.time < e.time - announce_before || m.time > e.time + announce_after) continue;
                const bool by_author = same_person(m.actor, e.actor);
                if (!speaks_of(*e.change, text) || !(by_author || d.names(*e.change, text))) continue;
                if (by_author) w.own_words.try_emplace(c.event, i);
                w.fate[i] = Fate::merged;
                w.lead[i] = c.event;
                w.merged[c.event].push_back(i);
            }
        } else {
            w.fate[c.event] = Fate::unnamed_change;
        }
        // Runs nobody named are not suspects; everything else in the lead-up or the window is listed.
        if (!c.shown && is_run(*e.change)) continue;
        ChangeCandidate candidate{entry_from(e), c.reasons, c.shown, c.in_window};
        candidate.entry.lead_up = !c.in_window;
        if (candidate.reasons.empty()) candidate.reasons.emplace_back(c.in_window ? "in the window" : "in the lead-up");
        out.changes.push_back(std::move(candidate));
    }
    std::stable_sort(out.changes.begin(), out.changes.end(),
                     [](const ChangeCandidate& a, const ChangeCandidate& b) { return a.entry.time > b.entry.time; });
}

}  // namespace retro::correlation
