// "A message that says when the impact began earlier brings in the alerts of that time" (issue 18 item 1):
// "over the weekend there were updown notifications at ~5pm and 10pm yesterday" moves the incident's start
// to those alerts. A sentence's times ("5pm", "1:30am", "at 14.00") are read on the message's local day,
// "yesterday" or a weekday name when the sentence gives one, else at their latest past occurrence; an alert
// within `dated_reach` of such a time, before the window, joins it when the sentence names it (shares a
// word with it) or it has the key of an alert already in the window. Only alerts move the start: a person's
// memory of a time is a pointer to the record, not a record.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "core/sentences.hpp"
#include "core/text_utf8.hpp"
#include "correlate/content_words.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

constexpr std::string_view weekday_words[] = {"sunday",   "monday", "tuesday", "wednesday",
                                              "thursday", "friday", "saturday"};

bool is_alpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Days back from the message's day that the sentence names: "yesterday" 1, a weekday its latest past one
// (today's own name 0), none: nullopt.
std::optional<int> days_back(std::string_view lower, unsigned today_weekday) {
    if (holds_phrase(lower, "yesterday") || holds_phrase(lower, "last night")) return 1;
    for (unsigned d = 0; d < 7; ++d)
        if (holds_phrase(lower, weekday_words[d])) return static_cast<int>((today_weekday + 7 - d) % 7);
    return std::nullopt;
}

// Reads a clock time at `at` ("5pm", "1:30am", "10 pm", "14.00" or "14:00" after a cue word) into minutes of
// the day; `end` receives where it stops.
std::optional<unsigned> clock_at(std::string_view s, std::size_t at, std::size_t& end) {
    if (at > 0 && (is_digit(s[at - 1]) || s[at - 1] == '.' || s[at - 1] == ':' || is_alpha(s[at - 1])))
        return std::nullopt;
    std::size_t i = at;
    unsigned hour = 0, minute = 0;
    while (i < s.size() && is_digit(s[i]) && i - at < 2) hour = hour * 10 + static_cast<unsigned>(s[i++] - '0');
    if (i == at || (i < s.size() && is_digit(s[i]))) return std::nullopt;
    bool has_minutes = false;
    if (i + 2 < s.size() && (s[i] == ':' || s[i] == '.') && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
        (i + 3 >= s.size() || !is_digit(s[i + 3]))) {
        minute = static_cast<unsigned>((s[i + 1] - '0') * 10 + (s[i + 2] - '0'));
        has_minutes = true;
        i += 3;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j + 1 < s.size() && (s[j] == 'a' || s[j] == 'p') && s[j + 1] == 'm' &&
        (j + 2 >= s.size() || !is_alpha(s[j + 2]))) {
        if (hour < 1 || hour > 12 || minute > 59) return std::nullopt;
        end = j + 2;
        return (hour % 12 + (s[j] == 'p' ? 12 : 0)) * 60 + minute;
    }
    if (!has_minutes || hour > 23 || minute > 59 ||
        (i < s.size() && (s[i] == '.' || s[i] == ':') && i + 1 < s.size() && is_digit(s[i + 1])))
        return std::nullopt;
    // A bare 24-hour time counts only after a word that makes it one: "at 14.00", "since 9:30", "~10.15".
    std::string_view before = s.substr(0, at);
    while (!before.empty() && (before.back() == ' ' || before.back() == '~')) before.remove_suffix(1);
    auto after_word = [&](std::string_view cue) {
        return before.size() >= cue.size() && before.substr(before.size() - cue.size()) == cue &&
               (before.size() == cue.size() || !is_alpha(before[before.size() - cue.size() - 1]));
    };
    bool cued = std::any_of(std::begin(weekday_words), std::end(weekday_words), after_word) || after_word("yesterday");
    for (std::string_view cue : {"at", "since", "from", "around", "about", "approximately", "approx", "until"})
        cued = cued || after_word(cue);
    if (cued) {
        end = i;
        return hour * 60 + minute;
    }
    if (at > 0 && s[at - 1] == '~') {
        end = i;
        return hour * 60 + minute;
    }
    return std::nullopt;
}

// A sentence about what is still to come ("retro tomorrow at 2pm") dates nothing that happened.
bool looks_ahead(std::string_view lower) {
    return holds_phrase(lower, "tomorrow") || holds_phrase(lower, "retro") || holds_phrase(lower, "meeting") ||
           holds_phrase(lower, "will") || holds_phrase(lower, "next");
}

}  // namespace

// Whether `s` has a digit where clock_at can start reading: not after a digit, a '.', a ':' or a letter
// ("auth0" and "v2.5" name no time). Lower case or not, the same. A sentence is its text's own bytes with each
// run of whitespace as one space, and starts after a space or a line break (or where the text does): so a
// text none of whose digits can start a clock has no sentence whose digits can.
bool may_name_a_clock(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (is_digit(s[i]) &&
            (i == 0 || !(is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ':' || is_alpha(s[i - 1]))))
            return true;
    return false;
}

std::vector<Instant> times_a_sentence_names(std::string_view sentence, Instant said, const TimeZone& tz) {
    std::vector<Instant> out;
    if (!may_name_a_clock(sentence)) return out;  // most sentences: no lower-case copy, no phrases looked for
    const std::string lower = to_lower_ascii(sentence);
    if (looks_ahead(lower)) return out;
    const LocalDateTime now = to_local(said, tz);
    const std::optional<int> back = days_back(lower, weekday_of(now.year, now.month, now.day));
    const LocalDateTime day = back ? to_local(said - std::chrono::hours(24) * *back, tz) : now;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if (!is_digit(lower[i])) continue;
        std::size_t end = i;
        auto minutes = clock_at(lower, i, end);
        if (!minutes) {
            while (i + 1 < lower.size() && is_digit(lower[i + 1])) ++i;
            continue;
        }
        LocalDateTime at = day;
        at.hour = *minutes / 60;
        at.minute = *minutes % 60;
        at.second = 0;
        at.microsecond = 0;
        Instant t = resolve_local(at, tz).instant;
        if (!back && t > said) t = resolve_local(to_local(t - std::chrono::hours(24), tz), tz).instant;  // latest past
        if (t <= said) out.push_back(t);
        i = end > i ? end - 1 : i;
    }
    return out;
}

void bring_in_dated_alerts(Work& w, const CorrelateOptions& options, IncidentWindow& win) {
    if (options.dated_reach < std::chrono::minutes{0}) return;  // no alert is within a negative reach
    // A reach past a thousand years reaches every alert a stream can hold; capped there, the time arithmetic
    // below cannot overflow whatever the configuration says.
    const auto reach = std::min<std::chrono::minutes>(options.dated_reach, std::chrono::hours{24 * 366 * 1000});
    std::set<std::string> window_keys;
    for (std::uint32_t i = 0; i < w.events.size(); ++i)
        if (w.in_window[i] && w.events[i].kind == EventKind::alert && w.events[i].alert)
            window_keys.insert(canonical_key(w, w.events[i].alert->key));

    // The alerts a time can bring in: the first records of their happenings, before the window, in stream
    // order, so by time. Found once, when a sentence first names a time, and looked up by time after that
    // (a scan of every event per such sentence made a long incident's messages quadratic).
    std::optional<std::vector<std::uint32_t>> before;
    auto alerts_before = [&]() -> const std::vector<std::uint32_t>& {
        if (!before) {
            before.emplace();
            for (std::uint32_t i = 0; i < w.events.size(); ++i) {
                const Event& e = w.events[i];
                if (!w.in_window[i] && w.lead[i] == i && e.kind == EventKind::alert && e.alert && e.time < win.from)
                    before->push_back(i);
            }
        }
        return *before;
    };
    auto time_of = [&](std::uint32_t i) { return w.events[i].time; };

    std::optional<Instant> earliest;
    std::optional<std::uint32_t> dater;
    for (std::uint32_t m = 0; m < w.events.size(); ++m) {
        const Event& said = w.events[m];
        if (!w.in_window[m] || !is_happening_lead(w, m) || !is_human(said)) continue;
        if (!may_name_a_clock(said.text)) continue;  // no sentence of it can name a time: none is split out
        for (const Sentence& sentence : split_sentences(said.text)) {
            const auto times = times_a_sentence_names(sentence.text, said.time, options.tz);
            if (times.empty()) continue;
            // The alerts within reach of any of the times, each once, in stream order.
            std::vector<std::uint32_t> near;
            const auto& candidates = alerts_before();
            for (Instant t : times) {
                auto from = std::ranges::lower_bound(candidates, t - reach, {}, time_of);
                auto to = std::ranges::upper_bound(candidates, t + reach, {}, time_of);
                near.insert(near.end(), from, to);
            }
            if (near.empty()) continue;
            std::sort(near.begin(), near.end());
            near.erase(std::unique(near.begin(), near.end()), near.end());
            WordSet words;
            for_each_content_word(sentence.text, [&](WordKey word) { words.insert(word); });
            for (std::uint32_t i : near) {
                const Event& e = w.events[i];
                if (w.in_window[i]) continue;  // brought in by an earlier sentence
                bool named = window_keys.contains(canonical_key(w, e.alert->key));
                if (!named) named = says_any(e.text, words);
                if (!named) continue;
                w.in_window[i] = true;
                if (auto it = w.merged.find(i); it != w.merged.end())
                    for (std::uint32_t r : it->second) w.in_window[r] = true;
                if (!earliest || e.time < *earliest) {
                    earliest = e.time;
                    dater = m;
                }
            }
        }
    }
    if (!earliest) return;
    win.chosen_by += fmt::format(", from {} as a message at {} dates it", format_hh_mm(*earliest, options.tz),
                                 format_hh_mm(w.events[*dater].time, options.tz));
    win.from = *earliest;
}

}  // namespace retro::correlation
