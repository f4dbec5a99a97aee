// The correlator's steps (DESIGN.md "Correlation") and the working state they share. Internal to
// src/correlate/: correlate() in correlate.cpp runs them in order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/string_hash.hpp"
#include "retro/timeline.hpp"

namespace retro::correlation {

// What became of one input event. Every event ends in exactly one fate; the ledger counts them.
enum class Fate : std::uint8_t { pending, entry, merged, grouped, outside, after_incident, noise, unnamed_change };

// Ledger reasons, stable: scripts read them from `--stats` and the JSON ledger.
inline constexpr std::string_view reason_merged = "merged into another record of the same happening";
inline constexpr std::string_view reason_grouped = "grouped into an alert entry";
inline constexpr std::string_view reason_outside = "outside the window";
inline constexpr std::string_view reason_after = "after the incident (thanks in a thread after the window)";
inline constexpr std::string_view reason_unnamed_change = "change nothing pointed at (lead-up or window)";

// The fields of an event that passes over every event look at first, kept together: 16 bytes, where the
// event's 304 span five cache lines. Such a pass reads these, and the event itself only where it must.
struct Brief {
    Instant time{};
    EventKind kind = EventKind::message;
    Precision precision = Precision::exact;
    bool signal = false;  // is_signal
    bool human = false;   // is_human
    bool bot = false;     // Flags::bot
    // 0 when the event is in no thread (Event::thread empty); else thread_tag_of its channel and thread, so
    // that a pass can tell most events outside a set of threads without reading them.
    std::uint16_t thread_tag = 0;

    bool threaded() const { return thread_tag != 0; }
};
static_assert(sizeof(Brief) == 16);

// A thread's tag: a hash of its channel and root folded to 16 bits, never 0. Equal threads, equal tags.
std::uint16_t thread_tag_of(std::string_view channel, std::string_view thread);

struct Work {
    std::vector<Event> events;                             // stream order (StreamKey)
    std::vector<Brief> brief;                              // per event (apply_event_rules)
    std::vector<Fate> fate;                                // per event
    std::map<std::uint32_t, std::string_view> noise_rule;  // event → the rule that dropped it (fate noise), a literal
    std::vector<std::uint32_t> lead;  // per event: the earliest record of its happening (itself if none)
    std::map<std::uint32_t, std::vector<std::uint32_t>> merged;  // lead → the other records of its happening
    std::map<std::uint32_t, std::uint32_t>
        own_words;             // change → its author's message announcing it (drawn in their words)
    std::vector<bool> pinned;  // pinned or reacted with a timeline emoji
    std::vector<bool> in_window;
    std::vector<std::uint32_t> entry_lead;  // per out.entries: the event it was made from (its stream position)
    Instant core_end{};                     // the window's last signal or resolution, before the tail
    std::map<std::string, std::string, std::less<>> aliases;  // normalised alert key → normalised canonical key
};

// The key an alert is grouped and matched under: normalised, through `[correlate.alert_aliases]`.
std::string canonical_key(const Work& w, std::string_view key);
// Appends canonical_key(w, key) to `out`, for keys built once per event without a temporary.
void append_canonical_key(const Work& w, std::string_view key, std::string& out);

// True when `options` turns the noise rule `rule` on.
inline bool rule_on(const CorrelateOptions& options, std::string_view rule) {
    return std::find(options.noise_rules.begin(), options.noise_rules.end(), rule) != options.noise_rules.end();
}

// True for a happening lead: an event that is not merged and not noise.
inline bool is_happening_lead(const Work& w, std::uint32_t i) {
    return w.fate[i] != Fate::merged && w.fate[i] != Fate::noise;
}

// Calls `fn(begin, end)` for each maximal run of bytes of `text` that `in_run` accepts (a word, a hex number),
// in order; `fn` returns false to stop.
template <class InRun, class Fn>
void for_each_run(std::string_view text, InRun in_run, Fn fn) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!in_run(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && in_run(static_cast<unsigned char>(text[end]))) ++end;
        if (!fn(i, end)) return;
        i = end;
    }
}

// ---- classify.cpp ----
bool is_human(const Event& e);   // a person wrote it: non-bot message, note, e-mail
bool is_signal(const Event& e);  // alerts, human events, status updates (timed ones)
// True when `e` is pinned or carries one of the timeline emoji as a reaction.
bool is_pinned(const Event& e, const std::vector<std::string>& timeline_emoji);
// The noise rule `e` falls under (membership, topic, no-text, emoji-only, one-word-ack, thanks-only, robot-mail),
// or "" for none: a string
// literal. `ack_words` are the one-word acknowledgements (lower case).
std::string_view noise_rule_of(const Event& e, const std::vector<std::string>& ack_words);
bool is_emoji_only(std::string_view text);
// "Thanks for helping me", "Oohh ok thank you.": thanks first, after at most a few interjections.
bool opens_with_thanks(std::string_view text);
// A byte of a word: an ASCII letter or digit, or a byte of a UTF-8 sequence.
bool is_word_byte(char c);
// True when `lower_text` (ASCII lower case) holds `phrase` (lower case) between word boundaries: "due to" in
// "it was due to the firewall", not in "overdue to".
bool holds_phrase(std::string_view lower_text, std::string_view phrase);
// Trimmed, ASCII lower case, and without surrounding punctuation: how alert keys and ack words compare.
std::string normalise_word(std::string_view text);

// ---- event_rules.cpp ----
// A pending alert or status update, with what merging happenings reads of it: the events are large and a
// bucket's records far apart among them, so reading the event again would cost a cache miss each.
struct HappeningRecord {
    std::uint32_t index;
    Instant time;
    std::string_view origin;
};
// Happening key (alert key and state, or status page and state) → its records, in stream order.
using HappeningBuckets = std::unordered_map<std::string, std::vector<HappeningRecord>, StringHash, std::equal_to<>>;
// Step 6's content rules and step 2's keys, on every core: fills each event's brief, marks the pinned events
// (pinned, or reacted with a timeline emoji) and the noise (fate and rule, for the rules `options` turns on;
// pinned events never are), and returns the other alerts and status updates by happening key.
HappeningBuckets apply_event_rules(Work& w, const CorrelateOptions& options);

// ---- merge_happenings.cpp ----
// Alert events with the same key and state, and status updates with the same page and state, from
// different origins within `tolerance` of the earliest: one happening led by the earliest record.
void merge_happenings(Work& w, const HappeningBuckets& buckets, std::chrono::minutes tolerance);

// ---- incident_window.cpp ----
// Clusters the signals (gaps ≤ options.cluster_gap), picks the window and marks events outside it.
void choose_window(Work& w, const CorrelateOptions& options, Timeline& out, Diagnostics& diags);
// Marks bot messages that are no alerts and fall after the window's core as noise (bot-chatter).
void drop_bot_chatter(Work& w, const CorrelateOptions& options);

// ---- dated_impact.cpp ----
// The instants a sentence said at `said` names ("5pm yesterday", "at 14.00", "1:30am"), read in `tz`; none
// for a sentence about what is to come.
std::vector<Instant> times_a_sentence_names(std::string_view sentence, Instant said, const TimeZone& tz);
// Whether `text` has a digit where a clock time can start ("10pm", "at 14.00"; not "auth0" or "v2.5"): a
// sentence names no time without one, and a text without one has no sentence with one (dated_impact.cpp).
bool may_name_a_clock(std::string_view text);
// Brings into the window the alerts near a time that a person's message in it names (options.dated_reach),
// when the sentence names the alert or its key is already in the window; moves win.from to the earliest.
void bring_in_dated_alerts(Work& w, const CorrelateOptions& options, IncidentWindow& win);

// ---- relevance.cpp ----
// Marks people's messages as noise (off-topic) when they are in neither the discussion channel nor an alert
// channel, in no thread of the incident, and share no uncommon word with what the incident says.
void drop_off_topic(Work& w);

// ---- changes.cpp ----
// Weighs the changes of the lead-up (options.lead_up before the window) and of the window: the ones the
// discussion names, the last one before the first signal, the window's deploys, rollbacks and merges, and
// the newest few to a service the alerts or messages name become entries (fate pending); the rest are
// counted (unnamed_change). A message naming a shown change within minutes of it is merged into it. Fills
// out.changes.
void weigh_changes(Work& w, const CorrelateOptions& options, Timeline& out);

// ---- alert_groups.cpp ----
// Groups the window's alert happenings per key and appends one entry per group to `out.entries`
// (unsorted), filling out.groups; marks the other members `grouped`.
void group_alerts(Work& w, const CorrelateOptions& options, Timeline& out);
// Folds alert entries of one channel in the same minute into the first one's continuations.
void fold_same_minute_alerts(std::vector<TimelineEntry>& entries);

// ---- entries.cpp ----
// One entry per remaining happening in the window (messages, e-mails, notes, status updates).
void add_plain_entries(Work& w, Timeline& out);
TimelineEntry entry_from(const Event& e);

// ---- people_initials.cpp ----
// Initials per entry: [people] first, else the event's, else from the name; two people sharing initials
// are told apart (RC, RCo). Fills participants.
void assign_initials(Timeline& out, const People& people);

// ---- milestones.cpp ----
void find_milestones(const Work& w, const CorrelateOptions& options, Timeline& out);
void compute_metrics(Timeline& out);

// ---- cause_quotes.cpp ----
// Quotes the sentences of people's messages and e-mails in the timeline that say why it happened (they hold
// one of options.cause_words), the ones with the most cause words first, then the ones sharing the most words
// with the rest of the incident; at most options.cause_quotes. Needs the initials. Fills out.cause_quotes.
void quote_causes(const CorrelateOptions& options, Timeline& out);

// ---- summary.cpp ----
// The discussion channel and its permalink.
void summarise(Timeline& out);

// ---- incident_title.cpp ----
// The title hint (incident_title.hpp): the status page incident, else the first report by a person saying what
// users see, else the alert whose key reads most like words, else the discussion channel's topic, else none.
// Runs after summarise() (it reads the discussion channel).
void name_incident(const Work& w, Timeline& out);

// ---- ledger.cpp ----
void fill_ledger(const Work& w, const Timeline& out,
                 const std::map<std::string, std::uint64_t, std::less<>>& not_events, Ledger& ledger);

}  // namespace retro::correlation
