// correlate(): the steps of DESIGN.md "Correlation", in order. Each step marks what became of the events
// it looked at (Work::fate), so the ledger at the end accounts for every one of them.
#include <algorithm>
#include <cstdint>
#include <numeric>

#include "core/permute.hpp"
#include "correlate/steps.hpp"

namespace retro {

namespace {

// Entries in the stream order of the events they were made from: `lead[k]` is entry k's event, an index
// into the events, which are in stream order (StreamKey), so no key is compared again here. std::sort on
// the entries themselves would move every entry several times (~10 MB at the memory peak of a 1M-event
// run): sort their indices, then move each entry once along the cycles of the permutation.
void sort_entries(std::vector<TimelineEntry>& entries, const std::vector<std::uint32_t>& lead) {
    std::vector<std::uint32_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return lead[x] < lead[y]; });
    permute_in_place(entries, order);
}

}  // namespace

Timeline correlate(std::vector<Event> events, const CorrelateOptions& options,
                   const std::map<std::string, std::uint64_t, std::less<>>& not_events, Diagnostics& diags) {
    return correlate_keeping(events, options, not_events, diags);
}

Timeline correlate_keeping(std::vector<Event>& events, const CorrelateOptions& options,
                           const std::map<std::string, std::uint64_t, std::less<>>& not_events, Diagnostics& diags) {
    using namespace correlation;
    Work w;
    // 1. Stream order (StreamKey); the collector already sorts, this keeps correlate() exact
    // for any caller.
    if (!std::is_sorted(events.begin(), events.end(), event_order_less))
        std::stable_sort(events.begin(), events.end(), event_order_less);
    w.events = std::move(events);
    const std::size_t n = w.events.size();
    w.fate.assign(n, Fate::pending);
    w.lead.resize(n);
    w.pinned.assign(n, false);
    w.in_window.assign(n, false);
    for (const auto& [alias, key] : options.alert_aliases) w.aliases[normalise_word(alias)] = normalise_word(key);
    std::iota(w.lead.begin(), w.lead.end(), std::uint32_t{0});
    // 6 (content rules first: noise is no signal, so it must not shape the window), and the keys of 2.
    const HappeningBuckets happenings = apply_event_rules(w, options);
    Timeline out;
    merge_happenings(w, happenings, options.merge_tolerance);  // 2
    choose_window(w, options, out, diags);                     // 4
    if (rule_on(options, "bot-chatter")) drop_bot_chatter(w, options);
    if (rule_on(options, "off-topic")) drop_off_topic(w);
    weigh_changes(w, options, out);
    group_alerts(w, options, out);  // 3
    add_plain_entries(w, out);
    sort_entries(out.entries, w.entry_lead);
    fold_same_minute_alerts(out.entries);
    assign_initials(out, options.people);
    find_milestones(w, options, out);  // 5
    compute_metrics(out);
    quote_causes(options, out);
    summarise(out);
    name_incident(w, out);
    fill_ledger(w, out, not_events, out.ledger);  // 7
    events = std::move(w.events);
    return out;
}

}  // namespace retro
