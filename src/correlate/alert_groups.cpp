// DESIGN.md "Correlation" 3: Alertmanager's grouping, offline. One group per alert key; a firing less
// than `group_interval` after the group's last activity (firing or resolution) joins it, so repeats and
// flapping (firing/resolved pairs minutes apart, like LogicMonitor's critical/CLEARED) collapse into one
// entry with their count; a group that resolved and fires again after the interval starts a new entry.
// A resolution or acknowledgement with no group before it is an entry of its own; a second report of a
// resolution (a chat "OK" post minutes before the alarm history's) joins the group it closed. Keys match
// through `[correlate.alert_aliases]`, for a chat post that names an alarm by its description. Alerts of one
// channel in the same minute are then drawn as one entry with continuation lines (the seed's 11.14).
#include <algorithm>
#include <cctype>
#include <map>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

// "Updown alert UP: …", "Recovery for: …": a monitor's post that the checks are back, which people write down
// as the moment the site came back (the Wellcome retros' "14.44 Updown alert UP for:"), unlike an alarm's OK.
bool says_back_up(const Event& e) {
    if (e.source.medium != Medium::chat) return false;
    bool up = false;
    for_each_run(
        e.text, [](unsigned char c) { return std::isalpha(c) != 0; },
        [&](std::size_t i, std::size_t end) {
            const std::string word = to_lower_ascii(std::string_view(e.text).substr(i, end - i));
            up = word == "up" || word.starts_with("recover");
            return !up && end < 80;  // the post's opening words
        });
    return up;
}

struct OpenGroup {
    std::size_t index;   // into out.groups
    std::uint32_t lead;  // the happening the entry shows
    Instant last_activity;
    std::vector<std::uint32_t> happenings;
};

// Calls `fn` with happening `h` and each record merged into it.
template <class Fn>
void for_each_record(const Work& w, std::uint32_t h, Fn fn) {
    fn(h);
    if (auto it = w.merged.find(h); it != w.merged.end())
        for (std::uint32_t m : it->second)
            if (w.fate[m] == Fate::merged) fn(m);
}

void add_links(const Event& e, std::vector<std::string>& links) {
    for (const auto& link : e.links)
        if (std::find(links.begin(), links.end(), link) == links.end()) links.push_back(link);
}

// "A short flap is listed line by line, as people write it; a longer one is a storm" (options.flap_lines): each
// firing of the group is an entry of its own, standing for itself and the resolution after it.
void list_flap_line_by_line(Work& w, const std::vector<std::uint32_t>& happenings, const AlertGroup& group,
                            Timeline& out) {
    for (std::size_t k = 0; k < happenings.size(); ++k) {
        const std::uint32_t h = happenings[k];
        if (w.events[h].alert->state != "firing") continue;
        w.fate[h] = Fate::entry;
        TimelineEntry entry = entry_from(w.events[h]);
        entry.channel = group.channel;
        AlertGroup one = group;
        one.first = one.last = w.events[h].time;
        one.count = 1;
        one.flaps = 0;
        one.resolved.reset();
        one.event_ids.clear();
        entry.links.clear();
        auto add = [&](std::uint32_t i) {
            one.event_ids.push_back(w.events[i].id);
            add_links(w.events[i], entry.links);
        };
        for_each_record(w, h, add);
        for (std::size_t r = k + 1; r < happenings.size() && w.events[happenings[r]].alert->state != "firing"; ++r) {
            if (w.events[happenings[r]].alert->state == "resolved" && !one.resolved)
                one.resolved = w.events[happenings[r]].time;
            for_each_record(w, happenings[r], add);
        }
        entry.event_ids = one.event_ids;
        entry.pinned = w.pinned[h];
        entry.group = std::move(one);
        out.entries.push_back(std::move(entry));
        w.entry_lead.push_back(h);
    }
}

}  // namespace

void group_alerts(Work& w, const CorrelateOptions& options, Timeline& out) {
    std::map<std::string, std::vector<std::uint32_t>> by_key;  // normalised key → happenings in time order
    for (std::uint32_t i = 0; i < w.events.size(); ++i)
        if (w.fate[i] == Fate::pending && w.events[i].kind == EventKind::alert && w.events[i].alert)
            by_key[canonical_key(w, w.events[i].alert->key)].push_back(i);

    std::vector<OpenGroup> made;
    for (auto& [key, happenings] : by_key) {
        std::optional<std::size_t> current;  // into made
        for (std::uint32_t i : happenings) {
            const Event& e = w.events[i];
            const std::string& state = e.alert->state;
            OpenGroup* g = current ? &made[*current] : nullptr;
            AlertGroup* group = g ? &out.groups[g->index] : nullptr;
            bool joins = false;
            if (g && state == "firing") {
                joins = e.time - g->last_activity < options.group_interval;
            } else if (g && state == "resolved") {
                joins = true;  // closes the group, or is another report of its resolution
            } else if (g) {    // acknowledged, unknown: part of what is going on
                joins = true;
            }
            if (!joins) {
                AlertGroup fresh;
                fresh.key = e.alert->key;
                fresh.channel = e.channel;  // the alert ingesters name the alert system there when nothing else
                fresh.first = fresh.last = e.time;
                out.groups.push_back(std::move(fresh));
                made.push_back({out.groups.size() - 1, i, e.time, {}});
                current = made.size() - 1;
                g = &made.back();
                group = &out.groups.back();
            } else if (state == "resolved" && says_back_up(e)) {
                group->resolved = group->resolved.value_or(e.time);  // closes it, and is a line of its own
                g->last_activity = e.time;
                continue;
            } else {
                w.fate[i] = Fate::grouped;
            }
            g->happenings.push_back(i);
            if (state == "firing") {
                if (group->count > 0 && group->resolved) ++group->flaps;
                if (group->count == 0) group->first = e.time;
                group->last = e.time;
                group->resolved.reset();
                ++group->count;
                g->last_activity = e.time;
            } else if (state == "resolved" && !group->resolved) {
                group->resolved = e.time;
                g->last_activity = e.time;
            }
        }
    }

    for (const OpenGroup& g : made) {
        AlertGroup& group = out.groups[g.index];
        std::string chat_channel, chat_key;
        std::vector<std::string> links;
        for (std::uint32_t h : g.happenings) {
            for_each_record(w, h, [&](std::uint32_t i) {
                group.event_ids.push_back(w.events[i].id);
                add_links(w.events[i], links);
                if (w.events[i].source.medium != Medium::chat) return;
                group.posted_in_chat = true;
                if (chat_channel.empty()) {
                    chat_channel = w.events[i].channel;
                    chat_key = w.events[i].alert ? w.events[i].alert->key : std::string();
                }
            });
        }
        // Shown as people saw it: the channel and name of its chat post, when it was posted.
        if (!chat_channel.empty()) group.channel = chat_channel;
        if (!chat_key.empty()) group.key = chat_key;
        if (group.flaps > 0 && group.count <= options.flap_lines) {
            list_flap_line_by_line(w, g.happenings, group, out);
            continue;
        }
        w.fate[g.lead] = Fate::entry;
        TimelineEntry entry = entry_from(w.events[g.lead]);
        entry.channel = group.channel;
        entry.event_ids = group.event_ids;
        entry.links = std::move(links);
        for (std::uint32_t h : g.happenings) entry.pinned = entry.pinned || w.pinned[h];
        entry.group = group;
        out.entries.push_back(std::move(entry));
        w.entry_lead.push_back(g.lead);
    }
    // Groups in time order (first firing, then key) for the renderers.
    std::stable_sort(out.groups.begin(), out.groups.end(), [](const AlertGroup& a, const AlertGroup& b) {
        return a.first != b.first ? a.first < b.first : a.key < b.key;
    });
}

void fold_same_minute_alerts(std::vector<TimelineEntry>& entries) {
    std::map<std::pair<std::string, std::int64_t>, std::size_t> lead_of;  // (channel, minute) → entry
    std::vector<bool> folded(entries.size(), false);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        TimelineEntry& e = entries[k];
        if ((!e.group && e.kind != EventKind::alert) || e.precision != Precision::exact) continue;
        auto minute = std::chrono::floor<std::chrono::minutes>(e.time).time_since_epoch().count();
        auto [it, fresh] = lead_of.try_emplace({e.channel, minute}, k);
        if (fresh) continue;
        entries[it->second].continuations.push_back(std::move(e));
        folded[k] = true;
    }
    std::size_t out = 0;
    for (std::size_t k = 0; k < entries.size(); ++k)
        if (!folded[k]) {
            if (out != k) entries[out] = std::move(entries[k]);
            ++out;
        }
    entries.resize(out);
}

}  // namespace retro::correlation
