// The draft's chart (`retro draft --chart`): the incident as a Mermaid gantt chart in a ```mermaid block,
// which GitHub draws where it shows the Markdown. Four sections, each in time order: Alerts (each alert group a
// bar from its first to its last firing, a group that fired once a point), Changes (the merges, deploys and
// rollbacks the timeline shows inside the window, as points), People (when each participant first wrote) and
// Milestones (guesses say so in their label). Times are minutes in --tz, written as local times with no zone:
// Mermaid reads and draws them in the viewer's zone, so they come out as written. A change from the lead-up
// is left out: drawn days before the incident, it would squeeze the incident into a sliver at the right; the
// lines below the chart name it.
#include <algorithm>

#include <fmt/format.h>

#include "render/draft_sections.hpp"
#include "render/mermaid_label.hpp"

namespace retro::render {
namespace {

struct ChartTask {
    std::string label;  // as mermaid_label() writes it
    Instant start{};
    std::chrono::minutes length{0};  // 0: a point (a milestone)
    bool alert = false;
};

struct ChartSection {
    std::string_view name;
    char id_prefix;
    std::vector<ChartTask> tasks;
};

Instant floor_minute(Instant t) {
    return std::chrono::floor<std::chrono::minutes>(t);
}

std::string chart_time(Instant t, const TimeZone& tz) {
    const LocalDateTime l = to_local(t, tz);
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", l.year, l.month, l.day, l.hour, l.minute);
}

bool in_window(const Timeline& t, Instant time) {
    return time >= t.window.from && time < t.window.until;
}

ChartSection alert_section(DraftContext& ctx) {
    ChartSection s{"Alerts", 'a', {}};
    for (const AlertGroup& g : ctx.timeline().groups) {
        if (!in_window(ctx.timeline(), g.first)) continue;
        std::string label = ctx.plain(g.key);
        if (g.count > 1) label += fmt::format(" ({} firings)", g.count);
        // A group that fired more than once within one minute is a short bar, not a point: it did repeat.
        const auto length = g.count > 1 ? std::max(std::chrono::duration_cast<std::chrono::minutes>(
                                                       floor_minute(g.last) - floor_minute(g.first)),
                                                   std::chrono::minutes(1))
                                        : std::chrono::minutes(0);
        s.tasks.push_back({mermaid_label(label), floor_minute(g.first), length, true});
    }
    return s;
}

// "RC merged wellcomecollection.org#11052", "deployed web abc1234 to production": what the change record says,
// short, whether the entry is the record's own line or a person's message announcing it.
std::string change_label(DraftContext& ctx, const TimelineEntry& e) {
    const ChangeInfo& c = *e.change;
    std::string_view repo = c.repo;
    if (const std::size_t slash = repo.rfind('/'); slash != std::string_view::npos) repo.remove_prefix(slash + 1);
    std::string what = std::string(to_string(c.action));
    if (!repo.empty()) what += " " + std::string(repo);
    if (c.number) {
        what += fmt::format("#{}", c.number);
    } else if (!c.commit.empty()) {
        what += " " + c.commit.substr(0, 7);
    }
    if (!c.environment.empty()) what += " to " + c.environment;
    return ctx.plain(e.initials.empty() ? what : e.initials + " " + what);
}

ChartSection change_section(DraftContext& ctx) {
    ChartSection s{"Changes", 'c', {}};
    for (const TimelineEntry& e : ctx.timeline().entries) {
        if (!e.change || e.lead_up) continue;
        s.tasks.push_back({mermaid_label(change_label(ctx, e)), floor_minute(e.time), std::chrono::minutes(0), false});
    }
    return s;
}

// The entries the timeline counts as a participant's (people_initials.cpp): no alert, robot or lead-up change.
bool is_persons(const TimelineEntry& e, std::string_view initials) {
    return e.initials == initials && e.kind != EventKind::alert && !e.bot && !e.lead_up;
}

ChartSection people_section(DraftContext& ctx) {
    ChartSection s{"People", 'p', {}};
    for (const Participant& p : ctx.timeline().participants) {
        std::optional<Instant> first;
        for (const TimelineEntry& e : ctx.timeline().entries) {
            if (is_persons(e, p.initials)) first = first ? std::min(*first, e.time) : e.time;
            for (const TimelineEntry& c : e.continuations)
                if (is_persons(c, p.initials)) first = first ? std::min(*first, c.time) : c.time;
        }
        if (!first) continue;
        std::string who = p.initials.empty() ? p.name : p.initials;
        if (!p.name.empty() && p.name != who) who += " (" + p.name + ")";
        s.tasks.push_back(
            {mermaid_label(ctx.plain(who) + ", first message"), floor_minute(*first), std::chrono::minutes(0), false});
    }
    return s;
}

ChartSection milestone_section(DraftContext& ctx) {
    ChartSection s{"Milestones", 'm', {}};
    std::vector<const Milestone*> milestones;
    for (const Milestone& m : ctx.timeline().milestones) milestones.push_back(&m);
    std::stable_sort(milestones.begin(), milestones.end(), [](const Milestone* a, const Milestone* b) {
        if (a->time != b->time) return a->time < b->time;
        return milestone_rank(a->name) < milestone_rank(b->name);
    });
    for (const Milestone* m : milestones) {
        const std::string label = milestone_label(m->name) + (m->guess ? " (a guess, to check)" : "");
        s.tasks.push_back({mermaid_label(label), floor_minute(m->time), std::chrono::minutes(0), false});
    }
    return s;
}

// `label :crit, a1, 2024-07-25 11:15, 62m`; a point is a milestone, which Mermaid wants with an id and a length.
std::string task_line(const ChartTask& task, char id_prefix, std::size_t n, const TimeZone& tz) {
    std::string tags = task.alert ? "crit, " : "";
    if (task.length.count() == 0) tags += "milestone, ";
    return fmt::format("    {} :{}{}{}, {}, {}m\n", task.label, tags, id_prefix, n, chart_time(task.start, tz),
                       task.length.count());
}

}  // namespace

void write_chart(DraftContext& ctx, std::string_view title, std::string& out) {
    const TimeZone& tz = ctx.options().tz;
    std::vector<ChartSection> sections = {alert_section(ctx), change_section(ctx), people_section(ctx),
                                          milestone_section(ctx)};
    std::optional<Instant> first, last;
    for (ChartSection& s : sections) {
        std::stable_sort(s.tasks.begin(), s.tasks.end(),
                         [](const ChartTask& a, const ChartTask& b) { return a.start < b.start; });
        for (const ChartTask& t : s.tasks) {
            first = first ? std::min(*first, t.start) : t.start;
            last = last ? std::max(*last, t.start + t.length) : t.start + t.length;
        }
    }
    if (!first) {
        out += "<!-- retro: no alerts, changes, people or milestones to chart -->\n\n";
        return;
    }
    const bool one_day = chart_time(*first, tz).substr(0, 10) == chart_time(*last, tz).substr(0, 10);
    out += "```mermaid\ngantt\n";
    out += "    title " + mermaid_label(ctx.plain(title), 200) + "\n";
    out += "    dateFormat YYYY-MM-DD HH:mm\n";
    out += one_day ? "    axisFormat %H:%M\n" : "    axisFormat %d %b %H:%M\n";
    out += "    todayMarker off\n";
    for (const ChartSection& s : sections) {
        if (s.tasks.empty()) continue;
        out += fmt::format("    section {}\n", s.name);
        for (std::size_t i = 0; i < s.tasks.size(); ++i) out += task_line(s.tasks[i], s.id_prefix, i + 1, tz);
    }
    out += "```\n\n";
}

}  // namespace retro::render
