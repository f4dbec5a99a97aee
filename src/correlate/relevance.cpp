// Issue 18 item 2, relevance: chatter in another channel is not a line. The incident is discussed in one chat
// channel (the one with the most people's messages in the window) and alerted in others; a person's message in
// any other channel, in no thread of the incident, sharing no word with what the incident's alerts, status
// updates and discussion say, is left out as noise `off-topic` ("anyone for lunch?" in #random).
#include <algorithm>
#include <map>
#include <set>

#include "correlate/content_words.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

bool counts(const Work& w, std::uint32_t i) {
    return w.in_window[i] && is_happening_lead(w, i) && w.fate[i] != Fate::outside && w.fate[i] != Fate::after_incident;
}

bool is_chat(const Event& e) {
    return e.kind == EventKind::message && !e.flags.bot && e.source.medium == Medium::chat && !e.channel.empty();
}

}  // namespace

void drop_off_topic(Work& w) {
    // The discussion channel, and the channels the incident's alerts were posted in.
    std::map<std::string_view, std::size_t> people_in;
    std::set<std::string_view> alert_channels;
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        if (!counts(w, i)) continue;
        const Event& e = w.events[i];
        if (is_chat(e)) ++people_in[e.channel];
        if ((e.kind == EventKind::alert || e.flags.bot) && !e.channel.empty()) alert_channels.insert(e.channel);
    }
    if (people_in.size() < 2) return;
    const auto discussion = std::max_element(people_in.begin(), people_in.end(), [](const auto& a, const auto& b) {
                                return a.second < b.second;
                            })->first;

    // What the incident says: its alerts, status updates, mail, notes and discussion; and the threads it is in.
    WordSet said;
    auto say = [&](std::string_view text) {
        for_each_content_word(text, [&](WordKey word) { said.insert(word); });
    };
    std::set<std::pair<std::string_view, std::string_view>> threads;
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        if (!counts(w, i)) continue;
        const Event& e = w.events[i];
        const bool incident = e.kind == EventKind::alert || e.kind == EventKind::status || e.kind == EventKind::email ||
                              e.kind == EventKind::note || e.channel == discussion ||
                              alert_channels.contains(e.channel);
        if (!incident) continue;
        say(e.text);
        if (e.alert) say(e.alert->key);
        if (!e.thread.empty()) threads.insert({e.channel, e.thread});
    }
    auto related = [&](std::string_view text) { return says_any(text, said); };
    auto drop = [&](std::uint32_t i) {
        w.fate[i] = Fate::noise;
        w.noise_rule[i] = "off-topic";
    };

    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        const Event& e = w.events[i];
        if (w.fate[i] != Fate::pending || w.pinned[i] || !w.in_window[i] || !is_chat(e)) continue;
        if (e.channel == discussion || alert_channels.contains(e.channel)) continue;
        if (!e.thread.empty() && threads.contains({e.channel, e.thread})) continue;
        if (!related(e.text)) drop(i);
    }
}

}  // namespace retro::correlation
