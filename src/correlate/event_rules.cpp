// The correlator's work that reads one event at a time: step 6's content rules (pinned, noise) and the keys
// step 2 merges happenings under. It runs over slices of the events on every core: each event is read once
// here, while the slices' results are gathered in stream order on the calling thread.
#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/ordered_parallel.hpp"
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

// What one slice of the events found.
struct SliceFacts {
    std::uint32_t begin = 0;                                        // the slice's first event
    std::vector<std::uint8_t> pinned;                               // per event of the slice
    std::vector<std::pair<std::uint32_t, std::string_view>> noise;  // event, the rule (a literal)
    HappeningBuckets buckets;
};

constexpr std::uint32_t slice_events = 32768;

}  // namespace

std::uint16_t thread_tag_of(std::string_view channel, std::string_view thread) {
    const std::uint64_t h = 31 * std::hash<std::string_view>{}(channel) + std::hash<std::string_view>{}(thread);
    const auto tag = static_cast<std::uint16_t>(h ^ (h >> 16) ^ (h >> 32) ^ (h >> 48));
    return tag == 0 ? std::uint16_t{1} : tag;
}

HappeningBuckets apply_event_rules(Work& w, const CorrelateOptions& options) {
    const auto n = static_cast<std::uint32_t>(w.events.size());
    const Work& read_only = w;  // the workers only read, but for each event's own brief; the rest is written here
    w.brief.resize(n);
    Brief* const briefs = w.brief.data();
    auto facts_of = [&](std::size_t from, std::size_t to) {
        SliceFacts facts;
        const auto begin = static_cast<std::uint32_t>(from), end = static_cast<std::uint32_t>(to);
        facts.begin = begin;
        facts.pinned.resize(end - begin);
        std::string key;
        for (std::uint32_t i = begin; i < end; ++i) {
            const Event& e = read_only.events[i];
            briefs[i] = Brief{e.time, e.kind, e.precision, is_signal(e), is_human(e), e.flags.bot};
            if (!e.thread.empty()) briefs[i].thread_tag = thread_tag_of(e.channel, e.thread);
            if (is_pinned(e, options.timeline_emoji)) {
                facts.pinned[i - begin] = 1;
            } else if (auto rule = noise_rule_of(e, options.ack_words); !rule.empty() && rule_on(options, rule)) {
                facts.noise.emplace_back(i, rule);
                continue;
            }
            if (!happening_key(read_only, e, key)) continue;  // every fate is pending but the noise's
            auto it = facts.buckets.find(std::string_view(key));
            if (it == facts.buckets.end()) it = facts.buckets.emplace(key, std::vector<HappeningRecord>{}).first;
            it->second.push_back({i, e.time, e.source.origin});
        }
        return facts;
    };
    HappeningBuckets buckets;
    auto gather = [&](SliceFacts&& facts) {
        for (std::size_t k = 0; k < facts.pinned.size(); ++k) w.pinned[facts.begin + k] = facts.pinned[k] != 0;
        for (const auto& [i, rule] : facts.noise) {
            w.fate[i] = Fate::noise;
            w.noise_rule.emplace_hint(w.noise_rule.end(), i, rule);
        }
        for (auto& [key, records] : facts.buckets) {
            auto it = buckets.find(std::string_view(key));
            if (it == buckets.end())
                buckets.emplace(key, std::move(records));
            else
                it->second.insert(it->second.end(), records.begin(), records.end());
        }
    };
    // One slice, or one core: on this thread, no threads started for it.
    run_slices_in_order<SliceFacts>(n, slice_events, facts_of, gather);
    return buckets;
}

}  // namespace retro::correlation
