// The draft document: the house style's frame (seed: ../shared/seed/2024-07-25-retro-as-published.md) —
// `# Incident retro - <title>`, `**Incident from:**`, `**Incident until:**`, `**Retro held:**` (a prompt until
// someone gives the date), the table of contents, then the sections written by draft_timeline.cpp,
// draft_analysis.cpp and draft_actions.cpp. The first line carries retro::draft_marker so case-folder walks
// never read a draft back as a source.
#include <optional>

#include <fmt/format.h>

#include "render/draft.hpp"
#include "render/draft_sections.hpp"
#include "render/markdown_escape.hpp"
#include "render/region_marker.hpp"
#include "retro/ingest.hpp"

namespace retro::render {
namespace {

// The region `name` whose lines are `body`, between its markers; the begin marker records `body` as the base
// of the next `--update`.
void write_region(std::string& out, std::string_view name, std::string_view body) {
    const std::string text = "\n" + std::string(body);
    out += format_begin_marker(name, text);
    out += text;
    out += format_end_marker(name);
    out += '\n';
}

// The incident's dates: the window's start and its last entry (the window itself runs on by a tail).
std::pair<Instant, Instant> incident_span(const Timeline& t) {
    // A change shown from the lead-up says what came before; the incident starts at the window.
    std::optional<Instant> first, last;
    for (const TimelineEntry& e : t.entries) {
        if (e.lead_up) continue;
        first = first ? std::min(*first, e.time) : e.time;
        last = last ? std::max(*last, e.time) : e.time;
    }
    if (!first) return {t.window.from, t.window.from};
    return {*first, *last};
}

}  // namespace

DraftContext::DraftContext(const Timeline& timeline, const DraftOptions& options)
    : m_timeline(timeline), m_options(options) {
    const auto [first, last] = incident_span(timeline);
    m_spans_days = format_local_date(first, options.tz) != format_local_date(last, options.tz);
    m_spans_years = to_local(first, options.tz).year != to_local(last, options.tz).year;
}

std::string DraftContext::when(Instant t) const {
    if (!m_spans_days) return format_hh_mm(t, m_options.tz);
    return format_day_heading(t, m_options.tz, m_spans_years) + " " + format_hh_mm(t, m_options.tz);
}

RedactedText DraftContext::text(std::string_view text, const std::vector<Span>& spans) {
    if (!m_options.redact) return RedactedText{std::string(text), spans};
    return redact_text(text, spans, m_options.people, m_counts);
}

std::string DraftContext::plain(std::string_view text) {
    if (!m_options.redact) return std::string(text);
    return redact_plain(text, m_options.people, m_counts);
}

std::string DraftContext::quote_words(const CauseQuote& quote) {
    if (!m_options.redact) return quote.text;
    const TimelineEntry* said_in = entry_of(quote.event_id);
    return redact_quote(quote, said_in ? std::string_view(said_in->text) : std::string_view(), m_options.people);
}

const TimelineEntry* DraftContext::entry_of(std::string_view event_id) const {
    for (const TimelineEntry& e : m_timeline.entries) {
        for (const std::string& id : e.event_ids) {
            if (id == event_id) return &e;
        }
        for (const TimelineEntry& c : e.continuations) {
            for (const std::string& id : c.event_ids) {
                if (id == event_id) return &c;
            }
        }
    }
    return nullptr;
}

std::string DraftContext::cite(std::string_view event_id) {
    const TimelineEntry* e = entry_of(event_id);
    if (!e) return {};
    std::string who;
    if (e->kind == EventKind::status) {
        who = "status page";
    } else if ((e->group || e->kind == EventKind::alert) && !e->channel.empty()) {
        who = (is_chat_channel(*e) ? "#" : "") + plain(e->channel);
    } else if (!e->initials.empty()) {
        who = e->initials;
    } else if (e->kind == EventKind::email) {
        who = e->actor_name.empty() ? "an e-mail" : "e-mail from " + plain(e->actor_name);
    } else if (!e->channel.empty()) {
        who = (is_chat_channel(*e) ? "#" : "") + plain(e->channel);
    } else if (!e->actor_name.empty()) {
        who = plain(e->actor_name);
    }
    std::string out = when(e->time);
    if (!who.empty()) out += " " + escape_inline(who, {}, LineStart::inline_text);
    return out;
}

const std::vector<std::string_view>& draft_region_names() {
    static const std::vector<std::string_view> names = {"metadata", "timeline", "evidence", "safeguards"};
    return names;
}

Draft render_draft(const Timeline& timeline, const DraftOptions& options) {
    DraftContext ctx(timeline, options);
    const TimeZone& tz = options.tz;
    const auto [first, last] = incident_span(timeline);
    std::string out;
    out += std::string(draft_marker) +
           ": machine-written parts sit between retro:begin and retro:end comments; "
           "`retro draft --update` rewrites only those -->\n";

    std::string title = options.title.empty() ? timeline.title_hint : options.title;
    if (title.find_first_not_of(" \t\r\n") == std::string::npos) title = "incident on " + format_local_date(first, tz);
    std::replace(title.begin(), title.end(), '\n', ' ');
    std::string title_md = escape_inline(ctx.plain(title), {}, LineStart::inline_text);
    // A title ending in `#`s would lose them as the heading's closing sequence: escape the first of the run.
    if (const std::size_t run = title_md.find_last_not_of('#'); run + 1 < title_md.size()) {
        title_md.insert(run + 1, "\\");
    }
    out += "# Incident retro - " + title_md + "\n\n";

    // Not yet known: a prompt, which lint reports as a warning (RETRO002), and which --update leaves to whoever
    // fills it in (the region's base holds the prompt too).
    const std::string held =
        options.retro_held.empty() ? "<!-- retro: the date of the retro meeting, YYYY-MM-DD -->" : options.retro_held;
    write_region(out, "metadata",
                 fmt::format("**Incident from:** {}\n\n**Incident until:** {}\n\n**Retro held:** {}\n\n",
                             format_local_date(first, tz), format_local_date(last, tz), held));

    out += "* [Timeline](#timeline)\n* [Analysis of causes](#analysis-of-causes)\n* [Actions](#actions)\n\n";

    out += "## Timeline\n\n";
    std::string region;
    if (options.chart) {
        // The picture first, the lines after: a reader sees how long it went on and what overlapped before
        // reading what happened minute by minute. Its own context: the chart's labels repeat text the draft
        // redacts elsewhere, and the summary counts each redaction once.
        DraftContext chart_ctx(timeline, options);
        write_chart(chart_ctx, title, region);
        write_region(out, chart_region, region);
        region.clear();
    }
    write_timeline(ctx, region);
    write_region(out, "timeline", region);

    out += "## Analysis of causes\n\n";
    out += "### What happened that we didn\u2019t anticipate?\n\n";
    out +=
        "<!-- retro: what happened that nobody expected? Quote the people and suppliers who explained the cause, "
        "and say where they said it -->\n\n";
    region.clear();
    write_evidence(ctx, region);
    write_region(out, "evidence", region + "\n");

    out += "### Why didn't our safeguards catch this?\n\n";
    region.clear();
    write_safeguards(ctx, region);
    write_region(out, "safeguards", region + "\n");
    out +=
        "<!-- retro: which alerts, dashboards, tests or processes should have caught this sooner, and why "
        "didn't they? -->\n\n";

    out += "## Actions\n\n";
    write_actions(ctx, out);
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return Draft{std::move(out), ctx.redacted()};
}

}  // namespace retro::render
