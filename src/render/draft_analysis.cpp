// The draft's `## Analysis of causes` facts. Only what the timeline can stand behind is written, each fact
// citing the entries it rests on ("The first alert fired at 11.14, 74 minutes after the first report at
// 10.00"); everything else is a prompt for people (`<!-- retro: … -->`).
#include <algorithm>

#include <fmt/format.h>

#include "core/sentences.hpp"
#include "render/draft_sections.hpp"
#include "render/markdown_escape.hpp"

namespace retro::render {
namespace {

struct MilestoneLabel {
    std::string_view name, label, noun;
};

// Milestone names of timeline.hpp, in the order a retro tells them, with the noun metrics use.
constexpr MilestoneLabel milestone_labels[] = {
    {"started", "Started", "the start"},
    {"reported", "First reported by a person", "the first report"},
    {"detected", "Detected (first alert)", "the first alert"},
    {"acknowledged", "Acknowledged", "the acknowledgement"},
    {"status_opened", "Status page incident opened", "the status page opening"},
    {"mitigated", "Mitigated", "the mitigation"},
    {"status_closed", "Status page incident closed", "the status page closing"},
    {"resolved", "Resolved", "the resolution"},
};

std::string noun_of(std::string_view milestone) {
    for (const MilestoneLabel& m : milestone_labels) {
        if (m.name == milestone) return std::string(m.noun);
    }
    std::string s(milestone);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

const Milestone* find_milestone(const Timeline& t, std::string_view name) {
    for (const Milestone& m : t.milestones) {
        if (m.name == name) return &m;
    }
    return nullptr;
}

// "10.00 NP; 10.14 Email from …": the entries behind a milestone, at most three.
std::string citations(DraftContext& ctx, const std::vector<std::string>& evidence) {
    std::vector<std::string> cited;
    for (const std::string& id : evidence) {
        std::string c = ctx.cite(id);
        if (!c.empty() && std::find(cited.begin(), cited.end(), c) == cited.end()) cited.push_back(std::move(c));
    }
    std::string out;
    for (std::size_t i = 0; i < cited.size() && i < 3; ++i) out += (i ? "; " : "") + cited[i];
    if (cited.size() > 3) out += fmt::format("; and {} more", cited.size() - 3);
    return out;
}

}  // namespace

std::string milestone_label(std::string_view milestone) {
    for (const MilestoneLabel& m : milestone_labels) {
        if (m.name == milestone) return std::string(m.label);
    }
    std::string s(milestone);
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::size_t milestone_rank(std::string_view milestone) {
    for (std::size_t i = 0; i < std::size(milestone_labels); ++i) {
        if (milestone_labels[i].name == milestone) return i;
    }
    return std::size(milestone_labels);
}

std::string format_duration_words(std::chrono::seconds value) {
    const bool negative = value.count() < 0;
    std::int64_t minutes = (negative ? -value.count() : value.count()) / 60;
    auto unit = [](std::int64_t n, std::string_view word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    std::string out;
    if (minutes < 120) {
        out = unit(minutes, "minute");
    } else if (minutes < 48 * 60) {
        out = unit(minutes / 60, "hour");
        if (minutes % 60) out += " " + unit(minutes % 60, "minute");
    } else {
        out = unit(minutes / (24 * 60), "day");
        if ((minutes / 60) % 24) out += " " + unit((minutes / 60) % 24, "hour");
    }
    return out;
}

namespace {

constexpr std::size_t changes_listed = 10;

// "Changes before the incident": the lead-up's candidate changes, newest first, each with why it is a
// suspect and its link; at most ten, the rest counted.
void write_changes(DraftContext& ctx, std::string& out) {
    const Timeline& t = ctx.timeline();
    std::vector<const ChangeCandidate*> before;
    for (const ChangeCandidate& c : t.changes)
        if (!c.in_window) before.push_back(&c);
    if (before.empty()) return;
    const TimeZone& tz = ctx.options().tz;
    const std::string incident_day = format_local_date(t.window.from, tz);
    out += "\nChanges before the incident, newest first:\n\n";
    for (std::size_t k = 0; k < before.size() && k < changes_listed; ++k) {
        const TimelineEntry& e = before[k]->entry;
        std::string when = format_local_date(e.time, tz) == incident_day
                               ? ctx.when(e.time)
                               : format_day_heading(e.time, tz, ctx.spans_years()) + " " + format_hh_mm(e.time, tz);
        std::string line = "* " + when;
        if (!e.initials.empty()) line += " " + escape_inline(ctx.plain(e.initials), {}, LineStart::inline_text);
        line += " " + escape_inline(ctx.plain(e.text.substr(0, e.text.find('\n'))), {}, LineStart::inline_text);
        std::string reasons;
        for (const std::string& r : before[k]->reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        line += " (" + escape_inline(ctx.plain(reasons), {}, LineStart::inline_text) + ")";
        const std::string url = e.change ? ctx.plain(e.change->url) : std::string();
        if (!url.empty()) {
            std::vector<Span> spans{Span{0, url.size(), SpanType::link, url}};
            line += " " + escape_inline(url, spans, LineStart::inline_text);
        }
        out += line + "\n";
    }
    if (before.size() > changes_listed) {
        out += fmt::format("\n<!-- retro: {} more changes in the lead-up; `retro timeline --format json` lists them -->\n",
                           before.size() - changes_listed);
    }
}

constexpr std::size_t quote_bytes = 400;

// "Explanations found in the sources": each sentence that says why, as written, with who said it, where and
// when: `* “…” — CSS (Collections Systems Support), e-mail at 12.37`.
void write_cause_quotes(DraftContext& ctx, std::string& out) {
    const Timeline& t = ctx.timeline();
    if (t.cause_quotes.empty()) return;
    out += "Explanations found in the sources:\n\n";
    for (const CauseQuote& q : t.cause_quotes) {
        std::string line = "* \u201C" +
                           escape_inline(cut_at_word(ctx.quote_words(q), quote_bytes), {}, LineStart::inline_text) +
                           "\u201D \u2014 ";
        std::string who = q.initials.empty() ? q.actor_name : q.initials;
        if (!q.actor_name.empty() && q.actor_name != who) who += " (" + q.actor_name + ")";
        if (!who.empty()) line += escape_inline(ctx.plain(who), {}, LineStart::inline_text) + ", ";
        const TimelineEntry* entry = ctx.entry_of(q.event_id);
        if (q.kind == EventKind::email) {
            line += "e-mail at ";
        } else if (!q.channel.empty()) {
            const std::string channel = (entry && is_chat_channel(*entry) ? "#" : "") + ctx.plain(q.channel);
            line += "in " + escape_inline(channel, {}, LineStart::inline_text) + " at ";
        } else {
            line += "at ";
        }
        out += line + ctx.when(q.time) + "\n";
    }
    out += "\n";
}

}  // namespace

void write_evidence(DraftContext& ctx, std::string& out) {
    const Timeline& t = ctx.timeline();
    write_cause_quotes(ctx, out);
    struct ChangesLast {
        DraftContext& ctx;
        std::string& out;
        ~ChangesLast() { write_changes(ctx, out); }
    } changes_last{ctx, out};
    std::vector<const Milestone*> milestones;
    for (const Milestone& m : t.milestones) milestones.push_back(&m);
    std::stable_sort(milestones.begin(), milestones.end(), [](const Milestone* a, const Milestone* b) {
        if (a->time != b->time) return a->time < b->time;
        return milestone_rank(a->name) < milestone_rank(b->name);
    });
    if (milestones.empty()) {
        out += "<!-- retro: the sources showed no milestones (first report, first alert, resolution) -->\n";
        return;
    }
    out += "Milestones found in the sources:\n\n";
    for (const Milestone* m : milestones) {
        // A guess is a prompt: the person checks it, and keeps or deletes the line.
        std::string line = m->guess ? fmt::format("* To check: {} at {}", milestone_label(m->name), ctx.when(m->time))
                                    : fmt::format("* {} at {}", milestone_label(m->name), ctx.when(m->time));
        const std::string cited = citations(ctx, m->evidence);
        if (!cited.empty()) line += ", shown by " + cited;
        if (!m->method.empty()) line += " (" + escape_inline(ctx.plain(m->method), {}, LineStart::inline_text) + ")";
        out += line + "\n";
    }
}

void write_safeguards(DraftContext& ctx, std::string& out) {
    const Timeline& t = ctx.timeline();
    std::vector<std::string> facts;
    const Milestone* reported = find_milestone(t, "reported");
    const Milestone* detected = find_milestone(t, "detected");

    for (const Metric& metric : t.metrics) {
        const Milestone* from = find_milestone(t, metric.from);
        const Milestone* to = find_milestone(t, metric.to);
        if (metric.name == "alert_after_report" && from && to) {
            const bool after = metric.value.count() >= 0;
            facts.push_back(fmt::format("The first alert fired at {}, {} {} the first report at {}.",
                                        ctx.when(to->time), format_duration_words(metric.value),
                                        after ? "after" : "before", ctx.when(from->time)));
            continue;
        }
        std::string name = metric.name;
        std::replace(name.begin(), name.end(), '_', ' ');
        if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
        std::string fact = fmt::format("{}: {}", name, format_duration_words(metric.value));
        if (from && to) {
            fact += fmt::format(", from {} at {} to {} at {}", noun_of(from->name), ctx.when(from->time),
                                noun_of(to->name), ctx.when(to->time));
        }
        facts.push_back(fact + ".");
    }
    if (t.groups.empty()) {
        facts.push_back("No alert fired inside the incident window.");
    } else if (reported && (!detected || detected->time > reported->time)) {
        facts.push_back(fmt::format("No alert fired before the first report at {}.", ctx.when(reported->time)));
    }
    std::vector<const AlertGroup*> groups;
    for (const AlertGroup& g : t.groups) groups.push_back(&g);
    std::stable_sort(groups.begin(), groups.end(), [](const AlertGroup* a, const AlertGroup* b) {
        if (a->first != b->first) return a->first < b->first;
        return a->key < b->key;
    });
    for (const AlertGroup* g : groups) {
        std::string fact = "Alert " + code_span(ctx.plain(g->key));
        if (!g->channel.empty()) fact += " in " + escape_inline(ctx.plain(g->channel), {}, LineStart::inline_text);
        if (g->count == 0) {
            fact += ": no firing inside the window";
        } else if (g->count == 1) {
            fact += fmt::format(": fired once at {}", ctx.when(g->first));
        } else {
            fact += fmt::format(": fired {} times from {} to {}", g->count, ctx.when(g->first), ctx.when(g->last));
        }
        if (g->flaps > 0) fact += fmt::format(", flapping {} times", g->flaps);
        if (g->resolved) fact += fmt::format(", resolved at {}", ctx.when(*g->resolved));
        facts.push_back(fact + ".");
    }
    if (facts.empty()) {
        out += "<!-- retro: the sources showed no alerts or metrics to report here -->\n";
        return;
    }
    for (const std::string& f : facts) out += "* " + f + "\n";
}

}  // namespace retro::render
