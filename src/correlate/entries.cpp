// Timeline entries for what is left once alerts are grouped: one per happening in the window (messages,
// e-mails, notes, status updates), each standing for its own record and the records merged into it.
#include <algorithm>

#include "correlate/steps.hpp"
#include "retro/people.hpp"

namespace retro::correlation {

TimelineEntry entry_from(const Event& e) {
    TimelineEntry t;
    t.time = e.time;
    t.precision = e.precision;
    t.kind = e.kind;
    t.source_kind = e.source.kind;
    t.medium = e.source.medium;
    t.channel = e.channel;
    t.initials = e.actor.initials;
    t.actor_name = !e.actor.name.empty() ? e.actor.name : e.actor.email;
    // A change record often names its actor by login alone (`rcooper`): that is the name [people] maps.
    if (t.actor_name.empty() && e.kind == EventKind::change) t.actor_name = e.actor.id;
    t.text = e.text;
    t.spans = e.spans;
    t.thread = e.thread;
    t.links = e.links;
    if (e.status) t.status = *e.status;
    if (e.change) t.change = *e.change;
    t.event_ids.push_back(e.id);
    t.bot = e.flags.bot;
    return t;
}

void add_plain_entries(Work& w, Timeline& out) {
    // Reserved: growing a vector of entries by doubling held the old and the new copies at the memory peak.
    out.entries.reserve(out.entries.size() + std::count(w.fate.begin(), w.fate.end(), Fate::pending));
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        if (w.fate[i] != Fate::pending) continue;
        w.fate[i] = Fate::entry;
        TimelineEntry t = entry_from(w.events[i]);
        t.pinned = w.pinned[i];
        t.lead_up = t.kind == EventKind::change && t.time < out.window.from;
        if (auto words = w.own_words.find(i); words != w.own_words.end()) {
            const Event& said = w.events[words->second];
            t.text = said.text;
            t.spans = said.spans;
        }
        if (auto it = w.merged.find(i); it != w.merged.end())
            for (std::uint32_t m : it->second) {
                if (w.fate[m] != Fate::merged) continue;
                t.event_ids.push_back(w.events[m].id);
                t.pinned = t.pinned || w.pinned[m];
                for (const auto& link : w.events[m].links)
                    if (std::find(t.links.begin(), t.links.end(), link) == t.links.end()) t.links.push_back(link);
            }
        out.entries.push_back(std::move(t));
        w.entry_lead.push_back(i);
    }
}

}  // namespace retro::correlation
