// The timeline: what the correlator makes of the event stream and what the renderers draw. Produced by
// correlate() (src/correlate/), consumed by src/render/ (Markdown draft, text, JSON).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "retro/diagnostic.hpp"
#include "retro/event.hpp"
#include "retro/people.hpp"
#include "retro/time.hpp"

namespace retro {

// Repeats of one alert key collapsed into one entry (Alertmanager's grouping, offline).
struct AlertGroup {
    std::string key;                  // the alert key (alarm name, alertname plus labels)
    std::string channel;              // where it was seen: the chat channel it was posted in, or the alert system
    Instant first{}, last{};          // first and last firing in the group
    std::uint64_t count = 0;          // firings in the group
    std::uint64_t flaps = 0;          // firing→resolved→firing cycles inside the group
    std::optional<Instant> resolved;  // the resolution that closed the group, if seen
    std::vector<std::string> event_ids;
    bool posted_in_chat = false;  // a member came through chat: `channel` is a chat channel
};

// One line of the timeline as a person would write it.
struct TimelineEntry {
    Instant time{};
    Precision precision = Precision::exact;
    EventKind kind = EventKind::message;
    std::string source_kind;           // of the lead event, as provenance: slack, cloudwatch, mbox, notes…
    Medium medium = Medium::document;  // of the lead event: what the correlator and renderers ask
    std::string channel;
    std::string initials;    // the actor's initials as rendered (told apart when two people share them)
    std::string actor_name;  // the actor's name, or a team/sender name for e-mail
    std::string text;        // the lead event's plain text (not escaped)
    std::vector<Span> spans;
    std::string thread;
    std::vector<std::string> links;
    std::optional<AlertGroup> group;           // set for alert entries
    std::optional<StatusInfo> status;          // set for status-page entries
    std::optional<ChangeInfo> change;          // set for change entries (merges, deploys, runs)
    std::vector<TimelineEntry> continuations;  // same-minute alerts of one channel, drawn as one entry
    std::vector<std::string> event_ids;        // every event this entry stands for
    bool pinned = false;                       // kept whatever the noise rules say
    bool bot = false;                          // the lead event is a bot's post
    bool lead_up = false;  // a change shown from before the window: it does not move the incident's start
};

// A change (merge, deploy, run, commit) in the lead-up or the window, with why it is a suspect.
struct ChangeCandidate {
    TimelineEntry entry;               // as the timeline would draw it (initials assigned)
    std::vector<std::string> reasons;  // "named in the discussion", "same service as …", "the last change before …"
    bool shown = false;                // it is a timeline entry
    bool in_window = false;            // inside the window rather than in the lead-up
};

struct Milestone {
    std::string name;  // started, detected, reported, acknowledged, status_opened, status_closed, mitigated, resolved
    Instant time{};
    std::vector<std::string> evidence;  // event ids
    std::string method;  // how it was found: "first alert", "status update", "keyword rule: …", "config"
    // A fact (an alert or status-page transition, a recorded rollback, the first signal, config) or a guess (a
    // keyword in what people wrote, a deploy that may have been the fix): guesses are shown as prompts to
    // check, and no metric is computed from them.
    bool guess = false;
};

// A sentence a colleague or supplier wrote that says why it happened ("… it appears that III needed to restart
// the API junction …"), quoted in the draft's analysis with who said it and when.
struct CauseQuote {
    std::string text;               // the sentence as written, whitespace collapsed, no quotation marks around it
    std::vector<std::string> cues;  // the cause words it holds, in `cause_words` order
    Instant time{};
    EventKind kind = EventKind::message;  // email or message: how the draft says where it was said
    std::string channel;                  // the chat channel (messages)
    std::string initials;                 // the sender's, as the timeline shows them
    std::string actor_name;               // the sender's name, or a team's for e-mail
    std::string event_id;                 // the event it was said in: the lead event of its entry
    std::size_t start = 0, end = 0;       // the sentence's bytes in that event's text, to redact it in context
};

struct Metric {
    std::string name;  // time_to_detect, time_to_acknowledge, time_to_mitigate, time_to_resolve, alert_after_report
    std::chrono::seconds value{};
    std::string from, to;  // milestone names
};

// A cluster of signals separated by gaps no longer than the configured gap.
struct IncidentCluster {
    Instant first{}, last{};
    std::uint64_t alerts = 0, human = 0, other = 0;
};

struct IncidentWindow {
    Instant from{}, until{};  // from inclusive, until exclusive
    std::string chosen_by;    // "--from/--until", "cluster 2 of 3", "all events"
    std::size_t cluster = 0;  // 1-based index into Timeline::clusters of the chosen one; 0 when none
};

// A person's event the judgement left out of the window's timeline, as `retro timeline --stats` shows it.
struct LeftOut {
    Instant time{};
    std::string who;     // the actor's name or address
    std::string text;    // its first line, cut short
    std::string reason;  // the ledger's reason ("noise: off-topic")
};

// Every input event is in the timeline or counted under a named reason.
struct Ledger {
    std::uint64_t input = 0;
    std::uint64_t in_timeline = 0;                    // events standing behind timeline entries
    std::map<std::string, std::uint64_t> dropped;     // reason → events ("outside the window", "noise: join"…)
    std::uint64_t raw_alerts = 0, alert_groups = 0;   // "N raw alerts → K groups"
    std::map<std::string, std::uint64_t> not_events;  // records that never became events (ingest drops)
    // The first few events of each judgement reason (noise rules, after the incident), in stream order: what a
    // person checks before trusting the draft's cuts.
    std::vector<LeftOut> left_out;
    bool balances() const;
};

struct Participant {
    std::string initials;
    std::string name;
    std::uint64_t entries = 0;
};

struct Timeline {
    std::vector<TimelineEntry> entries;  // in time order
    std::vector<AlertGroup> groups;
    std::vector<ChangeCandidate> changes;  // the lead-up's and the window's changes worth naming, newest first
    std::vector<IncidentCluster> clusters;
    IncidentWindow window;
    std::vector<Milestone> milestones;
    std::vector<Metric> metrics;
    std::vector<CauseQuote> cause_quotes;   // the strongest first (most cause words, then most incident words)
    std::vector<Participant> participants;  // people with entries, in order of first entry
    std::string discussion_channel;         // the channel where the incident was discussed most
    std::string discussion_link;            // permalink of its first pinned message, else its first, in the window
    std::string title_hint;  // what best names the incident: the draft's title unless --title; may be empty
    Ledger ledger;
};

// The keyword rules used when no alert state or status update tells a milestone: acknowledged,
// status_opened, status_closed, mitigated, resolved.
std::map<std::string, std::vector<std::string>> default_milestone_keywords();

// The phrases that say why something happened ("caused by", "due to", "knock-on"…): `[correlate] cause_words`.
std::vector<std::string> default_cause_words();

struct CorrelateOptions {
    std::chrono::minutes group_interval{10};
    // A group flapping with at most this many firings is listed line by line; more is a storm, one line.
    std::uint64_t flap_lines = 2;
    std::chrono::minutes merge_tolerance{2};
    std::chrono::minutes cluster_gap{60};
    std::chrono::minutes tail{60};
    // How far before the first signal changes (merges, deploys, runs) are candidates for the cause.
    std::chrono::hours lead_up{48};
    // How near a time a message names ("at ~5pm yesterday") an alert must be to be brought into the window.
    std::chrono::minutes dated_reach{30};
    TimeZone tz = TimeZone::utc();  // the zone people's "5pm" is read in (--tz)
    std::optional<Instant> from, until;   // --from/--until: the window, no clustering
    std::optional<std::size_t> incident;  // --incident N (1-based, in cluster order)
    std::vector<std::string> timeline_emoji{"pushpin"};
    std::map<std::string, Instant> pinned_milestones;  // [correlate] overrides
    // Alert key as one source names it → the key another uses for the same alert ("Catalogue API errors" →
    // "catalogue-api-prod-5xx-alarm"), so their records merge and group together.
    std::map<std::string, std::string> alert_aliases;
    People people;
    // Noise rules in force: membership (joins, leaves), topic, no-text (a message with no text, or only files
    // with no https permalink), emoji-only, one-word-ack, thanks-only, bot-chatter, robot-mail (mail a list or a
    // robot sent), off-topic (chatter in another channel), edge-chatter (unrelated messages at the start or end
    // of the incident's cluster).
    std::vector<std::string> noise_rules{"membership",  "topic",       "no-text",    "emoji-only", "one-word-ack",
                                         "thanks-only", "bot-chatter", "robot-mail", "off-topic",  "edge-chatter"};
    std::vector<std::string> ack_words{"ok",   "okay", "ack",   "acked", "thanks", "thx",  "ty",    "cheers",
                                       "+1",   "lgtm", "yes",   "yep",   "yup",    "sure", "done",  "noted",
                                       "nice", "cool", "great", "k",     "kk",     "ta",   "thank", "roger"};
    // Milestone → phrases (lower case, matched on word boundaries in human events): the keyword rules.
    std::map<std::string, std::vector<std::string>> milestone_keywords = default_milestone_keywords();
    // Phrases (matched ASCII case-insensitively, on word boundaries) that mark a sentence as saying why it
    // happened, and how many such sentences the analysis quotes at most.
    std::vector<std::string> cause_words = default_cause_words();
    std::size_t cause_quotes = 3;
};

// Correlates a sorted, de-duplicated event stream (EventCollector::take_sorted()). `not_events` are the
// ingest-stage drops, carried into the ledger.
Timeline correlate(std::vector<Event> events, const CorrelateOptions& options,
                   const std::map<std::string, std::uint64_t, std::less<>>& not_events, Diagnostics& diags);
// The same, handing the events back in `events` (in stream order) once correlated, for a caller that frees
// them its own way (a command about to exit leaves a million of them to the exit).
Timeline correlate_keeping(std::vector<Event>& events, const CorrelateOptions& options,
                           const std::map<std::string, std::uint64_t, std::less<>>& not_events, Diagnostics& diags);

}  // namespace retro
