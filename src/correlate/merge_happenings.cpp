// DESIGN.md "Correlation" 2: one happening seen in several records. The same alarm transition arrives
// from alarm history, an SNS copy and a Slack bot post (which carries only its post time, a little
// later); a Statuspage update arrives as a webhook and as the notification e-mail. Records match on
// (alert key, state) or (page, state) within the tolerance of the happening's earliest record, and never
// two from the same origin: one file never lists a transition twice, so a second one there is a new
// happening (a flap). Messages are never merged: a human message quoted in an e-mail stays two.
#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

struct OpenHappening {
    OpenHappening(std::uint32_t record, Instant time, std::string_view origin)
        : lead(record), lead_time(time), first_origins{origin, {}} {}

    std::uint32_t lead;
    Instant lead_time;  // kept here: looking it up in the (large) event for every member was most of the cost
    // The origins its records came from: one or two (a record seen in two files), held in place, more than two
    // in a vector. Most happenings have one record: nothing is allocated for them (a vector each was 744,000
    // allocations over a million events).
    std::array<std::string_view, 2> first_origins;
    std::uint32_t origin_count = 1;
    std::vector<std::string_view> more_origins;

    bool has(std::string_view origin) const {
        for (std::uint32_t k = 0; k < std::min<std::uint32_t>(origin_count, 2); ++k)
            if (first_origins[k] == origin) return true;
        return std::find(more_origins.begin(), more_origins.end(), origin) != more_origins.end();
    }
    void add(std::string_view origin) {
        if (origin_count < 2)
            first_origins[origin_count] = origin;
        else
            more_origins.push_back(origin);
        ++origin_count;
    }
};

}  // namespace

void merge_happenings(Work& w, const HappeningBuckets& buckets, std::chrono::minutes tolerance) {
    // Buckets are independent of each other, so the order they are visited in does not matter: hashed, not
    // sorted. Each is in stream order, so in time order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> joined;  // (lead, record) for each record merged
    for (const auto& [key, members] : buckets) {
        std::vector<OpenHappening> open;
        for (const HappeningRecord& r : members) {
            const std::uint32_t i = r.index;
            std::erase_if(open, [&](const OpenHappening& h) { return r.time - h.lead_time > tolerance; });
            auto home =
                std::find_if(open.begin(), open.end(), [&](const OpenHappening& h) { return !h.has(r.origin); });
            if (home == open.end()) {
                open.emplace_back(i, r.time, r.origin);
                continue;
            }
            home->add(r.origin);
            w.fate[i] = Fate::merged;
            w.lead[i] = home->lead;
            joined.emplace_back(home->lead, i);
        }
    }
    // Into Work::merged by lead, each lead's records in stream order: sorted first, every lead goes in at the
    // map's end, so nothing walks the tree (a walk from its root per merged record, its nodes scattered
    // through memory, was most of this step over 1M events). The map is empty here (changes add to it later),
    // so the end is always the right place; were it not, try_emplace would still put the lead where it goes.
    std::sort(joined.begin(), joined.end());
    for (std::size_t k = 0; k < joined.size();) {
        const std::uint32_t lead = joined[k].first;
        std::vector<std::uint32_t>& records = w.merged.try_emplace(w.merged.end(), lead)->second;
        for (; k < joined.size() && joined[k].first == lead; ++k) records.push_back(joined[k].second);
    }
}

}  // namespace retro::correlation
