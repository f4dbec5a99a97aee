// Builds CorrelateOptions from the config and the common options (DESIGN.md "Config", "Correlation").
#include "cli/correlate_options.hpp"

#include <fmt/format.h>

namespace retro::cli {
namespace {

std::chrono::minutes minutes_or(const std::optional<std::int64_t>& v, std::chrono::minutes fallback) {
    return v ? std::chrono::minutes(*v) : fallback;
}

}  // namespace

CorrelateOptions correlate_options(const Session& session, std::size_t incident) {
    const CorrelateConfig& c = session.config.correlate;
    CorrelateOptions o;
    o.group_interval = minutes_or(c.group_interval_minutes, o.group_interval);
    if (c.flap_lines && *c.flap_lines >= 0) o.flap_lines = static_cast<std::uint64_t>(*c.flap_lines);
    o.merge_tolerance = minutes_or(c.merge_tolerance_minutes, o.merge_tolerance);
    o.cluster_gap = minutes_or(c.cluster_gap_minutes, o.cluster_gap);
    o.tail = minutes_or(c.tail_minutes, o.tail);
    o.dated_reach = minutes_or(c.dated_reach_minutes, o.dated_reach);
    if (c.lead_up_hours) o.lead_up = std::chrono::hours(*c.lead_up_hours);
    o.tz = session.tz;
    o.from = session.ingest.from;
    o.until = session.ingest.until;
    if (incident) o.incident = incident;
    if (!c.timeline_emoji.empty()) o.timeline_emoji = c.timeline_emoji;
    if (c.noise_rules) o.noise_rules = *c.noise_rules;
    if (c.ack_words) o.ack_words = *c.ack_words;
    if (c.cause_words) o.cause_words = *c.cause_words;
    if (c.cause_quotes) o.cause_quotes = static_cast<std::size_t>(*c.cause_quotes);
    for (const auto& [milestone, phrases] : c.keywords) o.milestone_keywords[milestone] = phrases;
    for (const auto& [milestone, text] : c.milestones) {
        o.pinned_milestones[milestone] =
            parse_time_option(text, session.tz, fmt::format("[correlate.milestones] {}", milestone).c_str());
    }
    o.alert_aliases = c.alert_aliases;
    o.people = session.config.people;
    return o;
}

}  // namespace retro::cli
