// Redaction for the draft (DESIGN.md "The retro document": secrets and personal data are redacted by
// default, `[redacted: token]`). Detection is src/core/secrets.cpp's; this file only replaces what it finds
// and keeps the text's spans pointing at the same words.
#include "render/redaction.hpp"

#include <fmt/format.h>

#include "core/ordered_parallel.hpp"
#include "core/secrets.hpp"
#include "core/sentences.hpp"

namespace retro::render {
namespace {

std::string replacement(std::string_view matched, SecretKind kind, const People& people) {
    if (kind == SecretKind::email) {
        if (auto person = people.find(matched); person && !person->name.empty()) return person->name;
    }
    return fmt::format("[redacted: {}]", to_string(kind));
}

bool is_kept(std::string_view matched, SecretKind kind) {
    return kind == SecretKind::email && !is_personal_email(matched);
}

// Maps a byte offset of the old text to the new one: offsets inside a replaced range go to its start
// (for span starts) or its end (for span ends).
struct Edit {
    std::size_t old_start, old_end, new_start, new_end;
};

std::size_t map_offset(const std::vector<Edit>& edits, std::size_t offset, bool is_end) {
    std::ptrdiff_t shift = 0;
    for (const Edit& e : edits) {
        if (offset <= e.old_start) break;
        if (offset < e.old_end) return is_end ? e.new_end : e.new_start;
        shift = static_cast<std::ptrdiff_t>(e.new_end) - static_cast<std::ptrdiff_t>(e.old_end);
    }
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + shift);
}

}  // namespace

std::uint64_t RedactionCounts::total() const {
    std::uint64_t n = 0;
    for (const auto& [kind, count] : by_kind) n += count;
    return n;
}

RedactedText redact_text(std::string_view text, const std::vector<Span>& spans, const People& people,
                         RedactionCounts& counts) {
    RedactedText out;
    std::vector<Edit> edits;
    std::size_t pos = 0;
    for (const SecretFinding& f : find_secrets(text)) {
        const std::string_view matched = text.substr(f.start, f.end - f.start);
        if (is_kept(matched, f.kind)) continue;
        out.text.append(text.substr(pos, f.start - pos));
        const std::size_t new_start = out.text.size();
        out.text += replacement(matched, f.kind, people);
        edits.push_back({f.start, f.end, new_start, out.text.size()});
        ++counts.by_kind[std::string(to_string(f.kind))];
        pos = f.end;
    }
    out.text.append(text.substr(pos));
    for (const Span& s : spans) {
        Span moved = s;
        moved.start = map_offset(edits, s.start, false);
        moved.end = map_offset(edits, s.end, true);
        if (!s.url.empty()) {
            // A link whose text is its URL keeps them equal; any other URL is redacted on its own (not
            // counted again when its text already was).
            const bool same = s.end <= text.size() && text.substr(s.start, s.end - s.start) == s.url;
            RedactionCounts url_counts;
            moved.url = same ? out.text.substr(moved.start, moved.end - moved.start)
                             : redact_plain(s.url, people, same ? url_counts : counts);
        }
        if (moved.start < moved.end) out.spans.push_back(std::move(moved));
    }
    return out;
}

std::string redact_plain(std::string_view text, const People& people, RedactionCounts& counts) {
    return redact_text(text, {}, people, counts).text;
}

namespace {

// Replaces `text` and `spans` by their redacted form.
void redact_in_place(std::string& text, std::vector<Span>& spans, const People& people, RedactionCounts& counts) {
    RedactedText r = redact_text(text, spans, people, counts);
    text = std::move(r.text);
    spans = std::move(r.spans);
}

void redact_in_place(std::string& text, const People& people, RedactionCounts& counts) {
    if (!text.empty()) text = redact_plain(text, people, counts);
}

void redact_in_place(PackedText& text, const People& people, RedactionCounts& counts) {
    if (!text.empty()) text = redact_plain(text, people, counts);
}

void redact_all(std::vector<std::string>& texts, const People& people, RedactionCounts& counts) {
    for (std::string& t : texts) redact_in_place(t, people, counts);
}

void redact_group(AlertGroup& g, const People& people, RedactionCounts& counts) {
    redact_in_place(g.key, people, counts);
    redact_in_place(g.channel, people, counts);
}

void redact_entry(TimelineEntry& e, const People& people, RedactionCounts& counts) {
    redact_in_place(e.text, e.spans, people, counts);
    redact_in_place(e.channel, people, counts);
    redact_in_place(e.actor_name, people, counts);
    redact_all(e.links, people, counts);
    if (e.group) redact_group(*e.group, people, counts);
    if (e.status) redact_in_place(e.status->page, people, counts);
    for (TimelineEntry& c : e.continuations) redact_entry(c, people, counts);
}

// Entries are independent of each other, so a long timeline's are redacted on every core, a slice at a time,
// each slice counting into its own tally; the tallies are sums, added up on this thread.
void redact_entries(std::vector<TimelineEntry>& entries, const People& people, RedactionCounts& counts) {
    run_slices_in_order<RedactionCounts>(
        entries.size(), 1024,
        [&](std::size_t begin, std::size_t end) {
            RedactionCounts tally;
            for (std::size_t i = begin; i < end; ++i) redact_entry(entries[i], people, tally);
            return tally;
        },
        [&](RedactionCounts&& tally) {
            for (const auto& [kind, n] : tally.by_kind) counts.by_kind[kind] += n;
        });
}

}  // namespace

std::string redact_quote(const CauseQuote& quote, std::string_view said_in, const People& people) {
    RedactionCounts again;  // counted where the text it was said in is rendered
    if (quote.start >= quote.end || quote.end > said_in.size()) return redact_plain(quote.text, people, again);
    const RedactedText r = redact_text(said_in, {Span{quote.start, quote.end, SpanType::italic, {}}}, people, again);
    if (r.spans.empty()) return {};
    return quotable(std::string_view(r.text).substr(r.spans[0].start, r.spans[0].end - r.spans[0].start));
}

Event redact_event(Event event, const People& people, RedactionCounts& counts) {
    redact_in_place(event.text, event.spans, people, counts);
    redact_in_place(event.channel, people, counts);
    redact_in_place(event.actor.name, people, counts);
    redact_in_place(event.actor.email, people, counts);
    redact_all(event.links, people, counts);
    if (event.alert) redact_in_place(event.alert->key, people, counts);
    if (event.status) redact_in_place(event.status->page, people, counts);
    return event;
}

Timeline redact_timeline(Timeline timeline, const People& people, RedactionCounts& counts) {
    RedactionCounts again;  // the groups and quotes repeat what their entries hold: counted there
    for (CauseQuote& q : timeline.cause_quotes) {
        std::string_view said_in;
        for (const TimelineEntry& e : timeline.entries)
            if (!e.event_ids.empty() && e.event_ids.front() == q.event_id) said_in = e.text;
        q.text = redact_quote(q, said_in, people);
        redact_in_place(q.channel, people, again);
        redact_in_place(q.actor_name, people, again);
    }
    redact_entries(timeline.entries, people, counts);
    for (AlertGroup& g : timeline.groups) redact_group(g, people, again);
    // The changes weighed as causes are written out too (JSON): a shown one is counted as its entry.
    for (ChangeCandidate& c : timeline.changes) redact_entry(c.entry, people, c.shown ? again : counts);
    for (Participant& p : timeline.participants) redact_in_place(p.name, people, counts);
    redact_in_place(timeline.discussion_channel, people, counts);
    redact_in_place(timeline.discussion_link, people, counts);
    redact_in_place(timeline.title_hint, people, counts);
    return timeline;
}

std::string redaction_summary(const RedactionCounts& counts) {
    if (counts.total() == 0) return {};
    std::string kinds;
    for (const auto& [kind, count] : counts.by_kind) {
        if (!kinds.empty()) kinds += ", ";
        kinds += fmt::format("{} {}", count, kind);
    }
    const std::uint64_t total = counts.total();
    return fmt::format("retro: redacted {} item{} ({}); --no-redact keeps them", total, total == 1 ? "" : "s", kinds);
}

}  // namespace retro::render
