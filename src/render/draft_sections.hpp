// The parts of the draft, shared by the files that write them (src/render/draft_*.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/draft.hpp"
#include "render/redaction.hpp"

namespace retro::render {

// What every section writer needs: the timeline, the options, the redaction tally, and how to name times.
class DraftContext {
public:
    DraftContext(const Timeline& timeline, const DraftOptions& options);

    const Timeline& timeline() const { return m_timeline; }
    const DraftOptions& options() const { return m_options; }
    const RedactionCounts& redacted() const { return m_counts; }

    // "11.14" when the incident stays within one local day, else "Friday 26 July 11.14".
    std::string when(Instant t) const;
    // True when the entries span more than one local year (day headings then carry the year).
    bool spans_years() const { return m_spans_years; }

    // Text with spans, redacted unless --no-redact.
    RedactedText text(std::string_view text, const std::vector<Span>& spans);
    std::string plain(std::string_view text);
    // A cause quote's words, redacted in the context of the entry it was said in unless --no-redact.
    std::string quote_words(const CauseQuote& quote);

    // "10.00 NP", "11.14 #wc-platform-alerts": how the entry holding event `id` is cited as evidence;
    // empty when no entry holds it.
    std::string cite(std::string_view event_id);
    // The entry holding event `id`, or null.
    const TimelineEntry* entry_of(std::string_view event_id) const;

private:
    const Timeline& m_timeline;
    const DraftOptions& m_options;
    RedactionCounts m_counts;
    bool m_spans_days = false;
    bool m_spans_years = false;
};

// Is the entry's channel a chat channel (written `#name`) rather than an alert system, mailbox or file?
bool is_chat_channel(const TimelineEntry& e);

// `## Timeline` region body: day headings, the discussion link, entries.
void write_timeline(DraftContext& context, std::string& out);

// The facts under "What happened…" (milestones with evidence) and "Why didn't our safeguards…" (metrics,
// gaps, alerts involved). Each line cites the entries it rests on.
void write_evidence(DraftContext& context, std::string& out);
void write_safeguards(DraftContext& context, std::string& out);

// `## Actions` (draft_actions.cpp): one bold heading and prompt per person who took part (wrote in chat or a
// note, or made a change, in the window), ready to fill in; a prompt when there is none.
void write_actions(DraftContext& context, std::string& out);

// The chart region's body (draft_chart.cpp): a Mermaid gantt chart of the incident in a ```mermaid block.
void write_chart(DraftContext& context, std::string_view title, std::string& out);

// "Started", "First reported by a person": how the draft names a milestone of timeline.hpp; and its place in
// the order a retro tells them, for milestones at one time.
std::string milestone_label(std::string_view milestone);
std::size_t milestone_rank(std::string_view milestone);

// "74 minutes", "2 hours 5 minutes", "1 day 3 hours".
std::string format_duration_words(std::chrono::seconds value);

}  // namespace retro::render
