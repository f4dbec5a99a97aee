// DESIGN.md "Correlation" 7: the ledger. Every input event is in the timeline (it leads an entry or a
// continuation) or counted under one named reason; `balances()` checks the sum.
#include <numeric>

#include "correlate/steps.hpp"

namespace retro {

bool Ledger::balances() const {
    std::uint64_t accounted = in_timeline;
    for (const auto& [reason, n] : dropped) accounted += n;
    return accounted == input;
}

namespace correlation {

void fill_ledger(const Work& w, const Timeline& out,
                 const std::map<std::string, std::uint64_t, std::less<>>& not_events, Ledger& ledger) {
    ledger.input = w.events.size();
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        bool alert = w.events[i].kind == EventKind::alert;
        switch (w.fate[i]) {
            case Fate::entry:
                ++ledger.in_timeline;
                ledger.raw_alerts += alert;
                break;
            case Fate::merged:
                ++ledger.dropped[std::string(reason_merged)];
                ledger.raw_alerts += alert;
                break;
            case Fate::grouped:
                ++ledger.dropped[std::string(reason_grouped)];
                ledger.raw_alerts += alert;
                break;
            case Fate::outside:
                ++ledger.dropped[std::string(reason_outside)];
                break;
            case Fate::noise:
                ++ledger.dropped["noise: " + w.noise_rule[i]];
                break;
            case Fate::pending:
                ++ledger.dropped["not placed (correlator bug)"];
                break;
        }
    }
    ledger.alert_groups = out.groups.size();
    for (const auto& [reason, n] : not_events) ledger.not_events[reason] += n;
}

}  // namespace correlation
}  // namespace retro
