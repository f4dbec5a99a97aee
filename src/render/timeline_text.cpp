// `retro timeline --format text`: the timeline for a person at a terminal. Day headings, then one line per
// entry, `HH.MM INITIALS text` in the display zone; alert entries as render draws them in the retro
// (`HH.MM #channel: NAME until last at HH.MM (N times)`); same-minute alerts of a channel as indented
// continuation lines. Text is collapsed onto its line: this is an overview, the draft keeps the layout.
// Whatever came from a source (text, names, channels, keys, ids) is written through escape_controls: a line
// break or a terminal escape in it never reaches the terminal raw.
#include <fmt/format.h>

#include "core/ordered_parallel.hpp"
#include "core/sentences.hpp"
#include "core/text_utf8.hpp"
#include "render/timeline_output.hpp"

namespace retro::render {

namespace {

std::string alert_text(const TimelineEntry& e, const TimeZone& tz) {
    const AlertGroup& g = *e.group;
    std::string where = g.channel.empty() ? std::string() : (g.posted_in_chat ? "#" : "") + g.channel + ": ";
    if (g.count == 0) return fmt::format("{}{} {}", where, g.key, g.resolved ? "resolved" : "acknowledged");
    if (g.count == 1) return where + g.key;
    return fmt::format("{}{} until last at {} ({} times)", where, g.key, format_hh_mm(g.last, tz), g.count);
}

std::string entry_text(const TimelineEntry& e, const TimeZone& tz) {
    if (e.group) return alert_text(e, tz);
    std::string who = e.initials.empty() ? std::string() : e.initials + " ";
    if (e.status)
        return fmt::format("{}[status {}: {}] {}", who, e.status->page, e.status->state, collapse_whitespace(e.text));
    return who + collapse_whitespace(e.text);
}

std::string time_of(const TimelineEntry& e, const TimeZone& tz) {
    return e.precision == Precision::day ? std::string("--.--") : format_hh_mm(e.time, tz);
}

}  // namespace

std::string format_duration(std::chrono::seconds d) {
    std::string sign = d.count() < 0 ? "-" : "";
    auto s = d.count() < 0 ? -d.count() : d.count();
    if (s < 60) return fmt::format("{}{} s", sign, s);
    auto minutes = s / 60;
    if (minutes < 60) return fmt::format("{}{} min", sign, minutes);
    return fmt::format("{}{} h {} min", sign, minutes / 60, minutes % 60);
}

std::string render_timeline_text(const Timeline& t, const TimeZone& tz) {
    std::string out;
    if (!t.title_hint.empty()) out += fmt::format("Incident: {}\n", escape_controls(collapse_whitespace(t.title_hint)));
    out += fmt::format("Window: {} – {} ({})\n", format_local_long(t.window.from, tz),
                       format_local_long(t.window.until, tz), t.window.chosen_by);
    if (!t.discussion_channel.empty())
        out += fmt::format("Discussed in: #{}{}\n", escape_controls(t.discussion_channel),
                           t.discussion_link.empty() ? "" : " " + escape_controls(t.discussion_link));
    // Each entry's day and lines are made a slice of entries at a time on every core (a long timeline's
    // entries take a while to format), and written here in order, a day heading where the day changes.
    struct Rendered {
        std::string day, lines;
    };
    std::string day;
    run_slices_in_order<std::vector<Rendered>>(
        t.entries.size(), 1024,
        [&](std::size_t begin, std::size_t end) {
            std::vector<Rendered> rendered;
            for (std::size_t i = begin; i < end; ++i) {
                const TimelineEntry& e = t.entries[i];
                Rendered r{format_day_heading(e.time, tz, true),
                           fmt::format("{} {}\n", time_of(e, tz), escape_controls(entry_text(e, tz)))};
                for (const auto& c : e.continuations)
                    r.lines += fmt::format("      {}\n", escape_controls(entry_text(c, tz)));
                rendered.push_back(std::move(r));
            }
            return rendered;
        },
        [&](std::vector<Rendered>&& rendered) {
            for (Rendered& r : rendered) {
                if (r.day != day) {
                    out += fmt::format("\n{}\n\n", r.day);
                    day = std::move(r.day);
                }
                out += r.lines;
            }
        });
    if (!t.milestones.empty()) {
        out += "\nMilestones\n\n";
        for (const auto& m : t.milestones)
            out += fmt::format("{} {:<14} {} ({}{})\n", format_hh_mm(m.time, tz), m.name,
                               escape_controls(m.evidence.empty() ? std::string("no evidence") : m.evidence.front()),
                               escape_controls(m.method), m.guess ? "; a guess to check" : "");
    }
    if (!t.metrics.empty()) {
        out += "\nMetrics\n\n";
        for (const auto& m : t.metrics)
            out += fmt::format("{:<20} {} ({} → {})\n", m.name, format_duration(m.value), m.from, m.to);
    }
    return out;
}

std::string render_stats_text(const Timeline& t, const TimeZone& tz) {
    const Ledger& l = t.ledger;
    std::string out = fmt::format("{} input events\n", l.input);
    out += fmt::format("{:>8}  in the timeline\n", l.in_timeline);
    for (const auto& [reason, n] : l.dropped) out += fmt::format("{:>8}  {}\n", n, escape_controls(reason));
    out += fmt::format("ledger {}\n", l.balances() ? "balances" : "DOES NOT BALANCE");
    out += fmt::format("{} raw alerts → {} groups\n", l.raw_alerts, l.alert_groups);
    if (!l.not_events.empty()) {
        out += "records that never became events:\n";
        for (const auto& [reason, n] : l.not_events) out += fmt::format("{:>8}  {}\n", n, escape_controls(reason));
    }
    if (!l.left_out.empty()) {
        out += "left out by judgement (the first 5 of each reason):\n";
        for (const LeftOut& o : l.left_out)
            out += fmt::format("  {} {} {}: {}  [{}]\n", format_local_date(o.time, tz), format_hh_mm(o.time, tz),
                               escape_controls(o.who.empty() ? std::string("?") : o.who), escape_controls(o.text),
                               escape_controls(o.reason));
    }
    return out;
}

std::string render_incidents_text(const Timeline& t, const TimeZone& tz) {
    std::string out;
    for (std::size_t k = 0; k < t.clusters.size(); ++k) {
        const auto& c = t.clusters[k];
        out += fmt::format("{:>3}  {} – {}  {} alert{}, {} human, {} other{}\n", k + 1, format_local_long(c.first, tz),
                           format_hh_mm(c.last, tz), c.alerts, c.alerts == 1 ? "" : "s", c.human, c.other,
                           t.window.cluster == k + 1 ? "  (chosen)" : "");
    }
    if (t.clusters.empty()) out += "no incident: no alerts, messages, e-mails or status updates\n";
    return out;
}

}  // namespace retro::render
