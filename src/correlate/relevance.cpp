// Issue 18 item 2, relevance: chatter in another channel is not a line. The incident is discussed in one chat
// channel (the one with the most people's messages in the window) and alerted in others; a person's message in
// any other channel, in no thread of the incident, sharing no word with what the incident's alerts, status
// updates and discussion say, is left out as noise `off-topic` ("anyone for lunch?" in #random).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

// Words too common to relate two messages (four letters or more; shorter words never count).
constexpr std::string_view common_words[] = {
    "that",  "this",    "with",   "have",    "just",      "what",     "from",      "there",  "they",   "would",
    "about", "will",    "your",   "been",    "when",      "like",     "does",      "anyone", "know",   "some",
    "also",  "here",    "into",   "them",    "then",      "than",     "only",      "more",   "very",   "sure",
    "think", "need",    "want",   "look",    "looks",     "thanks",   "thank",     "please", "could",  "should",
    "seems", "because", "before", "after",   "again",     "other",    "same",      "each",   "where",  "which",
    "while", "were",    "their",  "these",   "those",     "being",    "doing",     "done",   "going",  "good",
    "great", "okay",    "right",  "today",   "someone",   "everyone", "something", "thing",  "things", "really",
    "maybe", "might",   "must",   "much",    "many",      "most",     "over",      "such",   "well",   "make",
    "made",  "said",    "says",   "else",    "even",      "ever",     "every",     "first",  "last",   "next",
    "still", "yeah",    "hello",  "morning", "afternoon", "evening",  "team",      "guys",   "folks",  "people"};

bool is_common(std::string_view w) {
    return std::any_of(std::begin(common_words), std::end(common_words), [&](std::string_view c) { return c == w; });
}

// Lower-case words of four letters or more, common ones left out, cut to their first five letters so that a
// word's forms meet ("deploy", "deployment"; "error", "erroring").
template <class Out>
void content_words(std::string_view text, Out&& out) {
    for_each_run(
        text, [](unsigned char c) { return std::isalpha(c) != 0; },
        [&](std::size_t i, std::size_t end) {
            if (end - i >= 4) {
                std::string word = to_lower_ascii(text.substr(i, end - i));
                if (!is_common(word)) out(word.substr(0, 5));
            }
            return true;
        });
}

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

    // What the incident says: its alerts and status updates, and its discussion; and the threads it is in.
    std::set<std::string> said;
    std::set<std::pair<std::string_view, std::string_view>> threads;
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        if (!counts(w, i)) continue;
        const Event& e = w.events[i];
        const bool incident = e.kind == EventKind::alert || e.kind == EventKind::status || e.kind == EventKind::email ||
                              e.kind == EventKind::note || e.channel == discussion ||
                              alert_channels.contains(e.channel);
        if (!incident) continue;
        content_words(e.text, [&](std::string word) { said.insert(std::move(word)); });
        if (e.alert) content_words(e.alert->key, [&](std::string word) { said.insert(std::move(word)); });
        if (!e.thread.empty()) threads.insert({e.channel, e.thread});
    }

    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        const Event& e = w.events[i];
        if (w.fate[i] != Fate::pending || w.pinned[i] || !w.in_window[i] || !is_chat(e)) continue;
        if (e.channel == discussion || alert_channels.contains(e.channel)) continue;
        if (!e.thread.empty() && threads.contains({e.channel, e.thread})) continue;
        bool related = false;
        content_words(e.text, [&](std::string word) { related = related || said.contains(word); });
        if (related) continue;
        w.fate[i] = Fate::noise;
        w.noise_rule[i] = "off-topic";
    }
}

}  // namespace retro::correlation
