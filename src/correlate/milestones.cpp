// DESIGN.md "Correlation" 5: milestones with their evidence, and the metrics between them. Each milestone
// says how it was found, in order of trust: a `[correlate]` pin ("config"), an alert state or a status
// update, then a keyword rule over what people wrote ("keyword rule: <phrase>"). started is the first
// signal, detected the first alert firing, reported the first human event.
#include <algorithm>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro {

std::map<std::string, std::vector<std::string>> default_milestone_keywords() {
    return {
        {"acknowledged",
         {"looking into", "looking at it", "investigating", "on it", "working on", "acknowledged", "ack",
          "taking a look", "i'll take a look", "having a look"}},
        {"status_opened",
         {"opened statuspage", "opened status page", "opened a statuspage", "status page incident opened"}},
        {"status_closed",
         {"closed statuspage", "closed status page", "closed the statuspage", "status page incident closed"}},
        {"mitigated", {"mitigated", "mitigation", "workaround", "rolled back", "rollback", "reverted", "failed over"}},
        {"resolved", {"resolved", "back up and running", "working again", "is fixed", "fixed", "recovered"}},
    };
}

namespace correlation {

namespace {

// The first phrase found in `text` on word boundaries (ASCII case-insensitive), or "".
std::string find_phrase(std::string_view text, const std::vector<std::string>& phrases) {
    std::string lower = to_lower_ascii(text);
    for (const auto& p : phrases)
        if (holds_phrase(lower, p)) return p;
    return {};
}

struct Finder {
    const CorrelateOptions& options;
    std::vector<const TimelineEntry*> entries;  // with continuations, in time order
    Timeline& out;

    std::optional<Milestone> find(std::string_view name) const {
        for (const auto& m : out.milestones)
            if (m.name == name) return m;
        return std::nullopt;
    }
    void add(std::string name, Instant t, std::vector<std::string> evidence, std::string method, bool guess = false) {
        out.milestones.push_back({std::move(name), t, std::move(evidence), std::move(method), guess});
    }
    std::vector<std::string> ids(const TimelineEntry& e) const { return {e.event_ids.front()}; }

    // A keyword rule over human entries at or after `after`.
    bool by_keyword(const std::string& name, std::optional<Instant> after) {
        auto rules = options.milestone_keywords.find(name);
        if (rules == options.milestone_keywords.end()) return false;
        for (const TimelineEntry* e : entries) {
            if (e->kind == EventKind::alert || e->kind == EventKind::status || e->bot) continue;
            if (after && e->time < *after) continue;
            if (auto phrase = find_phrase(e->text, rules->second); !phrase.empty()) {
                add(name, e->time, ids(*e), "keyword rule: " + phrase, true);
                return true;
            }
        }
        return false;
    }
};

}  // namespace

void find_milestones(const Work& w, const CorrelateOptions& options, Timeline& out) {
    Finder f{options, {}, out};
    for (const auto& e : out.entries) {
        f.entries.push_back(&e);
        for (const auto& c : e.continuations) f.entries.push_back(&c);
    }
    std::stable_sort(f.entries.begin(), f.entries.end(),
                     [](const TimelineEntry* a, const TimelineEntry* b) { return a->time < b->time; });
    auto pinned = [&](const std::string& name) {
        auto it = options.pinned_milestones.find(name);
        if (it == options.pinned_milestones.end()) return false;
        std::vector<std::string> evidence;  // what the timeline shows in that minute
        auto minute = std::chrono::floor<std::chrono::minutes>(it->second);
        for (const TimelineEntry* e : f.entries)
            if (std::chrono::floor<std::chrono::minutes>(e->time) == minute) evidence.push_back(e->event_ids.front());
        f.add(name, it->second, std::move(evidence), "config");
        return true;
    };

    if (!pinned("started"))
        for (const TimelineEntry* e : f.entries)
            if (e->precision != Precision::day && e->kind != EventKind::change &&
                (e->kind == EventKind::alert || !e->bot)) {
                f.add("started", e->time, f.ids(*e), "first signal");
                break;
            }
    if (!pinned("detected"))
        for (const TimelineEntry* e : f.entries)
            if (e->group && e->group->count > 0) {
                f.add("detected", e->group->first, f.ids(*e), "first alert");
                break;
            }
    if (!pinned("reported"))
        for (const TimelineEntry* e : f.entries)
            // A report is someone's: a line naming no author (another team's postmortem saying what
            // happened) is not the first report by a person.
            if (e->precision != Precision::day && !e->bot && (!e->initials.empty() || !e->actor_name.empty()) &&
                (e->kind == EventKind::message || e->kind == EventKind::note || e->kind == EventKind::email)) {
                f.add("reported", e->time, f.ids(*e), "first human report");
                break;
            }
    auto started = f.find("started");
    std::optional<Instant> since = started ? std::optional<Instant>(started->time) : std::nullopt;

    if (!pinned("acknowledged")) {
        bool found = false;
        for (std::uint32_t i = 0; i < w.events.size() && !found; ++i) {
            if (w.fate[i] == Fate::outside || w.fate[i] == Fate::after_incident || w.fate[i] == Fate::noise) continue;
            const Event& e = w.events[i];
            if (e.alert && e.alert->state == "acknowledged") {
                f.add("acknowledged", e.time, {e.id}, "alert state");
                found = true;
            }
        }
        auto detected = f.find("detected");
        if (!found) f.by_keyword("acknowledged", detected ? std::optional<Instant>(detected->time) : since);
    }

    const TimelineEntry* first_status = nullptr;
    const TimelineEntry* closing_status = nullptr;
    const TimelineEntry* monitoring_status = nullptr;
    for (const TimelineEntry* e : f.entries) {
        if (!e->status) continue;
        if (!first_status) first_status = e;
        if (e->status->state == "monitoring" && !monitoring_status) monitoring_status = e;
        if (e->status->state == "resolved") closing_status = e;
    }
    if (!pinned("status_opened")) {
        if (first_status)
            f.add("status_opened", first_status->time, f.ids(*first_status), "status update");
        else
            f.by_keyword("status_opened", since);
    }
    if (!pinned("status_closed")) {
        if (closing_status)
            f.add("status_closed", closing_status->time, f.ids(*closing_status), "status update");
        else
            f.by_keyword("status_closed", since);
    }
    if (!pinned("mitigated")) {
        // A rollback recorded inside the window, after the start, is a mitigation a change record stands
        // behind; a deploy there only a candidate, after the keyword rules.
        auto change_after_start = [&](auto&& wanted) -> const TimelineEntry* {
            for (const TimelineEntry* e : f.entries)
                if (e->change && !e->lead_up && (!since || e->time >= *since) && wanted(e->change->action)) return e;
            return nullptr;
        };
        const TimelineEntry* rollback =
            change_after_start([](ChangeAction a) { return a == ChangeAction::rolled_back; });
        const TimelineEntry* deploy = change_after_start([](ChangeAction a) { return a == ChangeAction::deployed; });
        if (monitoring_status)
            f.add("mitigated", monitoring_status->time, f.ids(*monitoring_status), "status update");
        else if (rollback)
            f.add("mitigated", rollback->time, f.ids(*rollback), "rollback recorded");
        else if (!f.by_keyword("mitigated", since) && deploy)
            f.add("mitigated", deploy->time, f.ids(*deploy), "deploy in the window, a candidate", true);
    }
    if (!pinned("resolved")) {
        // Every alert group resolved: the last resolution, when no group is left firing.
        std::optional<Instant> last_resolution;
        const TimelineEntry* resolving = nullptr;
        bool all_resolved = true, any_group = false;
        for (const TimelineEntry* e : f.entries) {
            if (!e->group || e->group->count == 0) continue;
            any_group = true;
            if (!e->group->resolved)
                all_resolved = false;
            else if (!last_resolution || *e->group->resolved > *last_resolution) {
                last_resolution = e->group->resolved;
                resolving = e;
            }
        }
        if (closing_status) {
            f.add("resolved", closing_status->time, f.ids(*closing_status), "status update");
        } else if (any_group && all_resolved && resolving) {
            std::vector<std::string> evidence;  // the resolution record itself
            for (std::uint32_t i = 0; i < w.events.size(); ++i) {
                if (w.brief[i].time != *last_resolution) continue;  // most events, told without reading them
                const Event& e = w.events[i];
                if (e.alert && e.alert->state == "resolved" &&
                    canonical_key(w, e.alert->key) == canonical_key(w, resolving->group->key))
                    evidence.push_back(e.id);
            }
            if (evidence.empty()) evidence = resolving->event_ids;
            f.add("resolved", *last_resolution, std::move(evidence), "alert state");
        } else {
            f.by_keyword("resolved", since);
        }
    }
    std::stable_sort(out.milestones.begin(), out.milestones.end(),
                     [](const Milestone& a, const Milestone& b) { return a.time < b.time; });
}

void compute_metrics(Timeline& out) {
    // Metrics are computed from facts only: a guessed milestone would make a guessed duration look measured.
    auto at = [&](std::string_view name) -> std::optional<Instant> {
        for (const auto& m : out.milestones)
            if (m.name == name) return m.guess ? std::nullopt : std::optional<Instant>(m.time);
        return std::nullopt;
    };
    auto add = [&](std::string name, std::string from, std::string to) {
        auto a = at(from), b = at(to);
        if (!a || !b) return;
        out.metrics.push_back({std::move(name), std::chrono::duration_cast<std::chrono::seconds>(*b - *a),
                               std::move(from), std::move(to)});
    };
    add("time_to_detect", "started", "detected");
    add("time_to_acknowledge", "detected", "acknowledged");
    add("time_to_mitigate", "started", "mitigated");
    add("time_to_resolve", "started", "resolved");
    add("alert_after_report", "reported", "detected");
}

}  // namespace correlation
}  // namespace retro
