// DESIGN.md "Correlation" 2: one happening seen in several records. The same alarm transition arrives
// from alarm history, an SNS copy and a Slack bot post (which carries only its post time, a little
// later); a Statuspage update arrives as a webhook and as the notification e-mail. Records match on
// (alert key, state) or (page, state) within the tolerance of the happening's earliest record, and never
// two from the same origin: one file never lists a transition twice, so a second one there is a new
// happening (a flap). Messages are never merged: a human message quoted in an e-mail stays two.
#include <algorithm>
#include <string_view>
#include <vector>

#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

struct OpenHappening {
    std::uint32_t lead;
    Instant lead_time;  // kept here: looking it up in the (large) event for every member was most of the cost
    // The origins its records came from: one or two (a record seen in two files), looked through in place
    // rather than kept in a node-based set made and freed for nearly every event.
    std::vector<std::string_view> origins;
    bool has(std::string_view origin) const { return std::find(origins.begin(), origins.end(), origin) != origins.end(); }
};

}  // namespace

void merge_happenings(Work& w, const HappeningBuckets& buckets, std::chrono::minutes tolerance) {
    // Buckets are independent of each other, so the order they are visited in does not matter: hashed, not
    // sorted. Each is in stream order, so in time order.
    for (const auto& [key, members] : buckets) {
        std::vector<OpenHappening> open;
        for (const HappeningRecord& r : members) {
            const std::uint32_t i = r.index;
            std::erase_if(open, [&](const OpenHappening& h) { return r.time - h.lead_time > tolerance; });
            auto home =
                std::find_if(open.begin(), open.end(), [&](const OpenHappening& h) { return !h.has(r.origin); });
            if (home == open.end()) {
                open.push_back({i, r.time, {r.origin}});
                continue;
            }
            home->origins.push_back(r.origin);
            w.fate[i] = Fate::merged;
            w.lead[i] = home->lead;
            w.merged[home->lead].push_back(i);
        }
    }
}

}  // namespace retro::correlation
