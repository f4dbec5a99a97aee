// RETRO007 day-heading and RETRO008 time-order: the timeline as the retro reader sees it. A day heading
// without a year takes the year of `Incident from` by the rule the `retro` ingester uses (date_in_timeline).

#include <algorithm>

#include <fmt/format.h>

#include "core/text_utf8.hpp"

#include "lint/rule.hpp"
#include "retro/time.hpp"
#include "retrodoc/day_date.hpp"

namespace retro::lint {
namespace {

std::optional<CalendarDate> metadata_date(const retrodoc::RetroDocument& doc, std::initializer_list<std::string_view> keys) {
    const retrodoc::RetroMetadata* md = find_metadata(doc, keys);
    return md ? parse_iso_date(md->value) : std::nullopt;
}

// What a change line of the draft opens with, after the initials: "16.12 RC merged wellcomecollection.org#11041".
constexpr std::string_view change_verbs[] = {"merged ", "deployed ", "reverted ", "rolled back ", "released ",
                                             "pushed ", "committed "};

// "A day before the incident that holds only merges, deploys and reverts is its lead-up, not a misdated day"
// (the draft writes the change that set the incident up under its own day).
bool holds_only_changes(const retrodoc::RetroDay& day) {
    bool any = false;
    for (const auto& entry : day.entries) {
        if (!entry.is_timed) continue;
        if (entry.lines.empty()) return false;
        const std::string first = to_lower_ascii(entry.lines.front().text.substr(0, 24));
        const bool change = std::any_of(std::begin(change_verbs), std::end(change_verbs),
                                        [&](std::string_view verb) { return first.starts_with(verb); });
        if (!change) return false;
        any = true;
    }
    return any;
}

}  // namespace

void check_day_headings(RuleContext& context) {
    const auto& doc = context.doc;
    const auto from = metadata_date(doc, {"incident from"});
    const auto until = metadata_date(doc, {"incident until", "incident till"});
    std::optional<CalendarDate> previous;
    std::string previous_text;
    std::uint32_t previous_line = 0;
    for (const auto& day : doc.days) {
        if (day.line == 0) continue;
        if (!day.date) {
            if (day.is_heading) {
                context.report(
                    day.line, day.column,
                    fmt::format("timeline heading `{}` is not a day (write e.g. `### Thursday 25 July`)", day.text),
                    std::nullopt);
            } else {
                context.report(
                    day.line, day.column,
                    fmt::format("`{}` reads like a day but is not a date (write e.g. `25 July 2024`)", day.text),
                    std::nullopt);
            }
            continue;
        }
        const std::optional<CalendarDate> resolved = retrodoc::date_in_timeline(*day.date, from);
        if (!resolved) continue;  // no year to check against: RETRO002 reports the missing metadata
        const CalendarDate date = *resolved;
        if (!is_valid_date(date)) {
            context.report(day.line, day.column,
                           fmt::format("`{}` is not a date: {} has no day {} in {}", day.text,
                                       month_name(date.month), date.day, date.year),
                           std::nullopt);
            continue;
        }
        const unsigned weekday = weekday_of(date);
        if (day.date->weekday && *day.date->weekday != weekday) {
            context.report(day.line, day.column,
                           fmt::format("`{}`: {} {} {} is a {}", day.text, date.day, month_name(date.month),
                                       date.year, weekday_name(weekday)),
                           std::nullopt);
        }
        if (previous && !(*previous < date)) {
            context.report(day.line, day.column,
                           fmt::format("day `{}` does not come after `{}` (line {}): days ascend", day.text,
                                       previous_text, previous_line),
                           std::nullopt);
        } else if ((from && date < *from && !holds_only_changes(day)) ||
                   (until && *until < date && !(from && *until < *from))) {
            context.report(
                day.line, day.column,
                fmt::format("day `{}` ({}) is outside the incident ({} to {})", day.text, format_iso_date(date),
                            from ? format_iso_date(*from) : "?", until ? format_iso_date(*until) : "?"),
                Severity::warning);
        }
        previous = date;
        previous_text = day.text;
        previous_line = day.line;
    }
}

void check_time_order(RuleContext& context) {
    for (const auto& day : context.doc.days) {
        const retrodoc::RetroEntry* previous = nullptr;
        for (const auto& entry : day.entries) {
            if (!entry.is_timed) continue;
            if (entry.hour > 23 || entry.minute > 59) {
                context.report(entry.line, entry.column,
                               fmt::format("`{}` is not a time of day (hours 0-23, minutes 0-59)", entry.time_text),
                               std::nullopt);
                continue;
            }
            if (previous != nullptr && entry.hour * 60 + entry.minute < previous->hour * 60 + previous->minute) {
                context.report(entry.line, entry.column,
                               fmt::format("`{}` is earlier than `{}` on line {}: times within a day go forward",
                                           entry.time_text, previous->time_text, previous->line),
                               std::nullopt);
            }
            previous = &entry;
        }
    }
}

}  // namespace retro::lint
