// DESIGN.md "Correlation" 2: one happening seen in several records. The same alarm transition arrives
// from alarm history, an SNS copy and a Slack bot post (which carries only its post time, a little
// later); a Statuspage update arrives as a webhook and as the notification e-mail. Records match on
// (alert key, state) or (page, state) within the tolerance of the happening's earliest record, and never
// two from the same origin: one file never lists a transition twice, so a second one there is a new
// happening (a flap). Messages are never merged: a human message quoted in an e-mail stays two.
#include <algorithm>
#include <functional>
#include <vector>
#include <string_view>
#include <unordered_map>

#include "core/string_hash.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

// Sets `key` to the happening key of `e`, reusing its buffer; false when `e` is no alert or status update.
bool happening_key(const Work& w, const Event& e, std::string& key) {
    if (e.kind == EventKind::alert && e.alert) {
        key = "alert\x1f";
        append_canonical_key(w, e.alert->key, key);
        key += '\x1f';
        key += e.alert->state;
        return true;
    }
    if (e.kind == EventKind::status && e.status) {
        key = "status\x1f";
        key += normalise_word(e.status->page);
        key += '\x1f';
        key += e.status->state;
        return true;
    }
    return false;
}

// A record of a bucket, with what the matching reads of it: the events are large and a bucket's records are
// far apart among them, so reading them there again cost a cache miss each.
struct Record {
    std::uint32_t index;
    Instant time;
    std::string_view origin;
};

struct OpenHappening {
    std::uint32_t lead;
    Instant lead_time;  // kept here: looking it up in the (large) event for every member was most of the cost
    // The origins its records came from: one or two (a record seen in two files), looked through in place
    // rather than kept in a node-based set made and freed for nearly every event.
    std::vector<std::string_view> origins;
    bool has(std::string_view origin) const { return std::find(origins.begin(), origins.end(), origin) != origins.end(); }
};

}  // namespace

void merge_happenings(Work& w, std::chrono::minutes tolerance) {
    // Buckets in stream order, so each bucket is in time order. Buckets are independent of each other, so
    // the order they are visited in does not matter: hashed, not sorted.
    std::unordered_map<std::string, std::vector<Record>, StringHash, std::equal_to<>> buckets;
    std::string scratch;
    for (std::uint32_t i = 0; i < w.events.size(); ++i) {
        const Event& e = w.events[i];
        if (w.fate[i] != Fate::pending || !happening_key(w, e, scratch)) continue;
        auto it = buckets.find(std::string_view(scratch));
        if (it == buckets.end()) it = buckets.emplace(scratch, std::vector<Record>{}).first;
        it->second.push_back({i, e.time, e.source.origin});
    }
    for (auto& [key, members] : buckets) {
        std::vector<OpenHappening> open;
        for (const Record& r : members) {
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
