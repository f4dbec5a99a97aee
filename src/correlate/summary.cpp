// What the draft's header needs from the timeline: the channel where the incident was discussed (the
// chat channel with the most human entries in the window; ties: the one whose talk started first) and the
// permalink of its first pinned message (where people pin "the incident chat starts here"), else of its
// first message. The title is incident_title.cpp's.
#include <map>

#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

bool is_discussion(const TimelineEntry& e) {
    return e.kind == EventKind::message && !e.bot && e.medium == Medium::chat && !e.channel.empty();
}

}  // namespace

void summarise(Timeline& out) {
    std::map<std::string, std::pair<std::uint64_t, const TimelineEntry*>> channels;  // name → (count, first)
    for (const auto& e : out.entries) {
        if (!is_discussion(e)) continue;
        auto& [count, first] = channels[e.channel];
        ++count;
        if (!first) first = &e;
    }
    const TimelineEntry* chosen = nullptr;
    std::uint64_t best = 0;
    for (const auto& [name, info] : channels) {
        auto [count, first] = info;
        if (count > best || (count == best && chosen && first->time < chosen->time)) {
            best = count;
            chosen = first;
        }
    }
    if (chosen) {
        out.discussion_channel = chosen->channel;
        const TimelineEntry* linked = chosen;
        for (const auto& e : out.entries)
            if (is_discussion(e) && e.channel == chosen->channel && e.pinned) {
                linked = &e;
                break;
            }
        if (!linked->links.empty()) out.discussion_link = linked->links.front();
    }
}

}  // namespace retro::correlation
