// DESIGN.md "Correlation" 4: the incident window. `--from/--until` when given; else the signals (alerts,
// human messages, e-mails, notes, status updates) cluster where gaps are at most `cluster_gap`, the
// cluster with the most alert and human events wins (ties: the latest, the incident people are asking
// about), or `--incident N` picks one. The window runs from the cluster's first signal to its resolution
// (the last resolution of an alert or status page still open at the cluster's end, found after it when
// need be) plus `tail`, and keeps the rest of any thread already in it, but for thanks after its end (after
// the incident).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "correlate/content_words.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

constexpr std::chrono::microseconds one_us{1};

// A thread is its channel and its root; views into the events, so no string is built per event.
using ThreadKey = std::pair<std::string_view, std::string_view>;
ThreadKey thread_key(const Event& e) {
    return {e.channel, e.thread};
}

std::vector<std::pair<std::size_t, std::size_t>> cluster_ranges(const Work& w,
                                                                const std::vector<std::uint32_t>& signals,
                                                                std::chrono::minutes gap) {
    // Gaps are measured between minutes, as people read a timeline (HH.MM): an e-mail at 10.14 and an
    // alarm at 11.14 are an hour apart even when the seconds say 60 min 1 s, and notes carry only minutes.
    auto minute = [&](std::uint32_t i) { return std::chrono::floor<std::chrono::minutes>(w.brief[i].time); };
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // [begin, end) into signals
    for (std::size_t k = 0; k < signals.size(); ++k) {
        if (k == 0 || minute(signals[k]) - minute(signals[k - 1]) > gap) ranges.emplace_back(k, k);
        ranges.back().second = k + 1;
    }
    return ranges;
}

// The last resolution of what is still open at the end of the cluster: firing alert keys and status pages
// not resolved inside it, looked for after the cluster too.
std::optional<Instant> resolution_of(const Work& w, const std::vector<std::uint32_t>& signals, std::size_t begin,
                                     std::size_t end) {
    std::map<std::string, bool> alert_open;  // normalised key → open at the cluster's end
    std::map<std::string, bool> page_open;
    std::optional<Instant> resolved;
    auto note_resolution = [&](Instant t) { resolved = resolved ? std::max(*resolved, t) : t; };
    for (std::size_t k = begin; k < end; ++k) {
        const Event& e = w.events[signals[k]];
        if (e.alert) {
            bool firing = e.alert->state == "firing";
            alert_open[canonical_key(w, e.alert->key)] = firing;
            if (e.alert->state == "resolved") note_resolution(e.time);
        } else if (e.status) {
            bool closed = e.status->state == "resolved";
            page_open[normalise_word(e.status->page)] = !closed;
            if (closed) note_resolution(e.time);
        }
    }
    std::erase_if(alert_open, [](const auto& kv) { return !kv.second; });
    std::erase_if(page_open, [](const auto& kv) { return !kv.second; });
    if (end > begin && (!alert_open.empty() || !page_open.empty())) {
        Instant last = w.events[signals[end - 1]].time;
        for (std::uint32_t i = signals[end - 1] + 1; i < w.events.size(); ++i) {
            if (alert_open.empty() && page_open.empty()) break;
            const Event& e = w.events[i];
            if (w.fate[i] == Fate::noise || w.fate[i] == Fate::merged || e.time <= last) continue;
            if (e.alert && e.alert->state == "resolved" && alert_open.erase(canonical_key(w, e.alert->key)))
                note_resolution(e.time);
            else if (e.status && e.status->state == "resolved" && page_open.erase(normalise_word(e.status->page)))
                note_resolution(e.time);
        }
    }
    return resolved;
}

// Issue 18, relevance: "A message before the incident's first related signal or after its last, sharing no word
// with it, is chatter, not its start or end." The core of the chosen cluster [b, e) of `signals` is its busiest
// burst (gaps of at most `core_gap`, three people's messages or alerts at least); from either edge, people's messages
// and e-mails outside the core that share no uncommon word (for_each_content_word; an e-mail's subject) with the core and are
// in no thread with another signal are marked noise `edge-chatter`, until an alert, a status update, a note, a pinned
// or a related message. The new range is returned.
std::pair<std::size_t, std::size_t> trim_edge_chatter(Work& w, const std::vector<std::uint32_t>& signals, std::size_t b,
                                                      std::size_t e, std::chrono::minutes core_gap) {
    auto ranges = cluster_ranges(w,
                                 std::vector<std::uint32_t>(signals.begin() + static_cast<std::ptrdiff_t>(b),
                                                            signals.begin() + static_cast<std::ptrdiff_t>(e)),
                                 core_gap);
    auto weight = [&](std::pair<std::size_t, std::size_t> r) {
        std::size_t n = 0;
        for (std::size_t k = r.first; k < r.second; ++k)
            n += w.brief[signals[b + k]].human || w.brief[signals[b + k]].kind == EventKind::alert;
        return n;
    };
    auto core = *std::max_element(ranges.begin(), ranges.end(),
                                  [&](const auto& x, const auto& y) { return weight(x) < weight(y); });
    const std::size_t core_b = b + core.first, core_e = b + core.second;
    if (weight(core) < 3) return {b, e};  // a burst of one or two says too little to tell chatter from it

    auto words_of = [&](const Event& ev, auto&& out) {
        std::string_view text = ev.text;
        if (ev.kind == EventKind::email) text = text.substr(0, text.find('\n'));
        for_each_content_word(text, out);
        if (ev.alert) for_each_content_word(ev.alert->key, out);
    };
    WordSet said;
    std::set<std::string> keys;  // the core's alert keys, lower case: a message saying one ("api") is related
    std::set<ThreadKey> threads;
    for (std::size_t k = core_b; k < core_e; ++k) {
        const Event& ev = w.events[signals[k]];
        words_of(ev, [&](WordKey word) { said.insert(word); });
        if (ev.alert && ev.alert->key.size() >= 3) keys.insert(to_lower_ascii(ev.alert->key));
        if (!ev.thread.empty()) threads.insert(thread_key(ev));
    }
    if (said.empty() && keys.empty()) return {b, e};  // a core that says nothing cannot tell chatter
    std::map<ThreadKey, std::uint32_t> thread_size;
    for (std::size_t k = b; k < e; ++k)
        if (w.brief[signals[k]].threaded()) ++thread_size[thread_key(w.events[signals[k]])];

    auto chatter = [&](std::size_t k) {
        std::uint32_t i = signals[k];
        const Event& ev = w.events[i];
        if (k >= core_b && k < core_e) return false;
        if (w.pinned[i] || !is_human(ev) || ev.kind == EventKind::note) return false;
        if (!ev.thread.empty() && (threads.contains(thread_key(ev)) || thread_size[thread_key(ev)] > 1)) return false;
        bool related = false;
        words_of(ev, [&](WordKey word) { related = related || said.contains(word); });
        const std::string lower = to_lower_ascii(ev.text);
        related = related || std::any_of(keys.begin(), keys.end(),
                                         [&](const std::string& key) { return lower.find(key) != std::string::npos; });
        return !related;
    };
    auto drop = [&](std::size_t k) {
        w.fate[signals[k]] = Fate::noise;
        w.noise_rule[signals[k]] = "edge-chatter";
    };
    std::size_t first = b, last = e;
    while (first < core_b && chatter(first)) drop(first++);
    while (last > core_e && chatter(last - 1)) drop(--last);
    return {first, last};
}

bool overlaps(const Brief& e, Instant from, Instant until) {
    if (e.precision == Precision::day) return e.time < until && e.time + std::chrono::hours(24) > from;
    return e.time >= from && e.time < until;
}

}  // namespace

void choose_window(Work& w, const CorrelateOptions& options, Timeline& out, Diagnostics&) {
    std::vector<std::uint32_t> signals;
    for (std::uint32_t i = 0; i < w.events.size(); ++i)
        if (is_happening_lead(w, i) && w.brief[i].signal) signals.push_back(i);
    auto ranges = cluster_ranges(w, signals, options.cluster_gap);
    for (auto [b, e] : ranges) {
        IncidentCluster c;
        c.first = w.brief[signals[b]].time;
        c.last = w.brief[signals[e - 1]].time;
        for (std::size_t k = b; k < e; ++k) {
            const Brief& ev = w.brief[signals[k]];
            if (ev.kind == EventKind::alert)
                ++c.alerts;
            else if (ev.human)
                ++c.human;
            else
                ++c.other;
        }
        out.clusters.push_back(c);
    }

    Instant first_time = w.events.empty() ? Instant{} : w.events.front().time;
    Instant end_time = w.events.empty() ? Instant{} : w.events.back().time + one_us;
    IncidentWindow& win = out.window;
    bool whole_threads = false;
    if (options.from || options.until) {
        win.from = options.from.value_or(first_time);
        win.until = options.until.value_or(std::max(end_time, win.from));
        win.chosen_by = "--from/--until";
        w.core_end = win.until;
    } else if (ranges.empty()) {
        win.from = first_time;
        win.until = end_time;
        win.chosen_by = "all events";
        w.core_end = win.until;
    } else {
        std::size_t pick = 0;
        if (options.incident && *options.incident >= 1 && *options.incident <= ranges.size()) {
            pick = *options.incident - 1;
        } else {
            for (std::size_t k = 1; k < out.clusters.size(); ++k) {
                const auto& c = out.clusters[k];
                const auto& best = out.clusters[pick];
                if (c.alerts + c.human >= best.alerts + best.human) pick = k;  // ≥: ties go to the latest
            }
        }
        auto [b, e] = ranges[pick];
        if (rule_on(options, "edge-chatter"))
            std::tie(b, e) = trim_edge_chatter(w, signals, b, e, std::chrono::minutes{15});
        const Instant first = w.brief[signals[b]].time, last = w.brief[signals[e - 1]].time;
        auto resolved = resolution_of(w, signals, b, e);
        w.core_end = resolved ? std::max(last, *resolved) : last;
        win.from = first;
        win.until = w.core_end + options.tail + one_us;
        win.chosen_by = fmt::format("cluster {} of {}", pick + 1, ranges.size());
        win.cluster = pick + 1;
        whole_threads = true;
    }

    std::set<ThreadKey> threads;
    std::vector<bool> tags(std::size_t{1} << 16, false);  // the thread tags of `threads`
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        w.in_window[i] = overlaps(w.brief[i], win.from, win.until);
        if (w.in_window[i] && whole_threads && w.brief[i].threaded()) {
            threads.insert(thread_key(w.events[i]));
            tags[w.brief[i].thread_tag] = true;
        }
    }
    // The rest of a thread joins the window, but thanks after it (the next morning's "thank you, it worked") is
    // after the incident: it neither moves the incident's end nor becomes a line.
    std::vector<bool> after(w.events.size(), false);
    if (!threads.empty())
        for (std::uint32_t i = 0; i < w.events.size(); ++i)
            if (!w.in_window[i] && w.brief[i].threaded() && tags[w.brief[i].thread_tag] &&
                threads.contains(thread_key(w.events[i]))) {
                if (w.brief[i].time < win.until || !opens_with_thanks(w.events[i].text))
                    w.in_window[i] = true;
                else
                    after[i] = true;
            }
    if (whole_threads) bring_in_dated_alerts(w, options, win);
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        bool inside = w.in_window[i] && (w.fate[i] != Fate::merged || w.in_window[w.lead[i]]);
        if (!inside && w.fate[i] != Fate::noise) w.fate[i] = after[i] ? Fate::after_incident : Fate::outside;
    }
}

void drop_bot_chatter(Work& w, const CorrelateOptions&) {
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        const Brief& e = w.brief[i];
        if (w.fate[i] != Fate::pending || w.pinned[i] || e.kind != EventKind::message || !e.bot) continue;
        if (e.time > w.core_end) {
            w.fate[i] = Fate::noise;
            w.noise_rule[i] = "bot-chatter";
        }
    }
}

}  // namespace retro::correlation
