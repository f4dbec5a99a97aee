// DESIGN.md "Correlation" 7: the ledger. Every input event is in the timeline (it leads an entry or a
// continuation) or counted under one named reason; `balances()` checks the sum.
#include <numeric>

#include <fmt/format.h>

#include "core/sentences.hpp"
#include "correlate/steps.hpp"

namespace retro {

bool Ledger::balances() const {
    std::uint64_t accounted = in_timeline;
    for (const auto& [reason, n] : dropped) accounted += n;
    return accounted == input;
}

namespace correlation {

namespace {

constexpr std::size_t left_out_per_reason = 5;

// The first events of each judgement call (noise rules, after the incident), for `retro timeline --stats`.
void list_left_out(const Work& w, Ledger& ledger) {
    // Counted by the rule (a literal) or the fate; a reason's text is made only for the events listed.
    std::map<std::string_view, std::size_t> listed_noise;
    std::size_t listed_after = 0;
    auto rule = w.noise_rule.begin();  // both go up by event: the rule of event i is found by walking along
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        std::string reason;
        if (w.fate[i] == Fate::after_incident) {
            if (listed_after++ >= left_out_per_reason) continue;
            reason = reason_after;
        } else if (w.fate[i] == Fate::noise) {
            while (rule != w.noise_rule.end() && rule->first < i) ++rule;
            const std::string_view name = rule != w.noise_rule.end() && rule->first == i ? rule->second : "";
            if (listed_noise[name]++ >= left_out_per_reason) continue;
            reason = fmt::format("noise: {}", name);
        } else {
            continue;
        }
        const Event& e = w.events[i];
        const std::string_view first_line = std::string_view(e.text).substr(0, e.text.find('\n'));
        ledger.left_out.push_back({e.time, !e.actor.name.empty() ? e.actor.name.str() : e.actor.email.str(),
                                   cut_at_word(first_line, 80), std::move(reason)});
    }
}

}  // namespace

void fill_ledger(const Work& w, const Timeline& out,
                 const std::map<std::string, std::uint64_t, std::less<>>& not_events, Ledger& ledger) {
    ledger.input = w.events.size();
    // Counted per fate (and noise rule) first, then named: a reason appears only when it counts something.
    std::uint64_t merged = 0, grouped = 0, outside = 0, after = 0, pending = 0, unnamed_changes = 0;
    std::map<std::string_view, std::uint64_t> noise;
    // The event itself is read only for what the timeline kept (most events fall outside the window).
    auto is_alert = [&](std::uint32_t i) { return w.events[i].kind == EventKind::alert; };
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        switch (w.fate[i]) {
            case Fate::entry:
                ++ledger.in_timeline;
                ledger.raw_alerts += is_alert(i);
                break;
            case Fate::merged:
                ++merged;
                ledger.raw_alerts += is_alert(i);
                break;
            case Fate::grouped:
                ++grouped;
                ledger.raw_alerts += is_alert(i);
                break;
            case Fate::outside:
                ++outside;
                break;
            case Fate::after_incident:
                ++after;
                break;
            case Fate::noise: {
                auto rule = w.noise_rule.find(i);
                ++noise[rule == w.noise_rule.end() ? std::string_view() : rule->second];
                break;
            }
            case Fate::unnamed_change:
                ++unnamed_changes;
                break;
            case Fate::pending:
                ++pending;
                break;
        }
    }
    auto count = [&](std::string reason, std::uint64_t n) {
        if (n) ledger.dropped[std::move(reason)] += n;
    };
    count(std::string(reason_merged), merged);
    count(std::string(reason_grouped), grouped);
    count(std::string(reason_outside), outside);
    count(std::string(reason_after), after);
    count(std::string(reason_unnamed_change), unnamed_changes);
    for (const auto& [rule, n] : noise) count(fmt::format("noise: {}", rule), n);
    count("not placed (correlator bug)", pending);
    ledger.alert_groups = out.groups.size();
    for (const auto& [reason, n] : not_events) ledger.not_events[reason] += n;
    list_left_out(w, ledger);
}

}  // namespace correlation
}  // namespace retro
