// The incident's title (incident_title.hpp): the status page incident, else the first report by a person that
// says what users see, else the alert whose key reads most like words, else the discussion channel's topic.
// A status page incident comes first because it is the team's own words for the impact, written for users
// ("Search is not available"); a person's report is in the words of whoever saw it first.
#include "correlate/incident_title.hpp"

#include <algorithm>
#include <tuple>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {
namespace {

constexpr std::string_view impact_words[] = {
    "can't",   "cant",         "cannot",      "unable",      "down",    "downtime", "outage", "error",
    "errors",  "erroring",     "failing",     "fails",       "broken",  "borked",   "slow",   "slower",
    "missing", "disappearing", "unavailable", "unreachable", "timeout", "timeouts", "404",    "500",
    "502",     "503",          "504",         "5xx",         "50x",     "4xx"};
constexpr std::pair<std::string_view, std::string_view> impact_phrases[] = {
    {"can", "not"},       {"not", "available"}, {"not", "working"}, {"not", "loading"},  {"isn't", "working"},
    {"isn't", "loading"}, {"timing", "out"},    {"won't", "load"},  {"doesn't", "load"}, {"not", "responding"}};
// Words before "down" that make it no outage: a drop-down menu, scrolling down, writing something down.
constexpr std::string_view not_outage_before_down[] = {"drop", "scroll", "narrow", "calm", "count", "settle",
                                                       "step", "wind",   "write",  "jot",  "note",  "look"};
constexpr std::string_view greetings[] = {"good morning all", "good morning", "morning all",  "hello all", "hi all",
                                          "hey all",          "hi everyone",  "hey everyone", "hi team",   "hey team",
                                          "hi folks",         "hey folks",    "fyi"};

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A letter, digit, apostrophe or UTF-8 byte: a title word keeps "can't" whole (unlike is_word_byte).
bool is_title_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Lower-case words of `text`, a typographic apostrophe made `'`.
std::vector<std::string> words_of(std::string_view text) {
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i).starts_with("\xE2\x80\x99")) {
            plain += '\'';
            i += 2;
        } else {
            plain += text[i];
        }
    }
    std::vector<std::string> words;
    for_each_run(
        plain, [](unsigned char c) { return is_title_word_byte(static_cast<char>(c)); },
        [&](std::size_t begin, std::size_t end) {
            words.push_back(to_lower_ascii(std::string_view(plain).substr(begin, end - begin)));
            return true;
        });
    return words;
}

std::size_t chars_in(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The byte offset just after the first `n` characters of `text` (its size when shorter).
std::size_t offset_after_chars(std::string_view text, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (seen++ == n) return i;
    }
    return text.size();
}

// A URL (in brackets too), an @-mention, emoji or a short code: no word of a title.
bool is_dropped_word(std::string_view word) {
    if (word.starts_with('@') || is_emoji_only(word)) return true;
    while (!word.empty() && std::string_view("(<[").find(word.front()) != std::string_view::npos) word.remove_prefix(1);
    return word.starts_with("http://") || word.starts_with("https://") || word.starts_with("www.");
}

// Blanks and punctuation that neither start nor end a title (a `?` or `!` ends one).
std::string_view trim_edges(std::string_view s) {
    static constexpr std::string_view marks[] = {" ", "\t", ",", ";", ":", ".", "-", "\xE2\x80\x93", "\xE2\x80\x94"};
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view m : marks) {
            if (s.starts_with(m)) s.remove_prefix(m.size()), changed = true;
            if (s.ends_with(m)) s.remove_suffix(m.size()), changed = true;
        }
    }
    return s;
}

// Leading `[Wellcome Collection]`, `[critical]` tags and greetings, and the punctuation after them.
std::string_view drop_openers(std::string_view s) {
    for (bool changed = true; changed;) {
        changed = false;
        s = trim_edges(s);
        if (s.starts_with('[')) {
            if (const std::size_t close = s.find(']'); close != std::string_view::npos && close < 60) {
                s.remove_prefix(close + 1);
                changed = true;
                continue;
            }
        }
        for (std::string_view g : greetings) {
            if (starts_with_icase(s, g) && (s.size() == g.size() || !is_title_word_byte(s[g.size()]))) {
                s.remove_prefix(g.size());
                changed = true;
                break;
            }
        }
    }
    return s;
}

// Where to cut `s` (longer than the limit): after the last sentence end, else before the last clause break, else
// at the last word boundary within the limit; a cut leaves at least a quarter of the limit.
std::size_t cut_point(std::string_view s) {
    const std::size_t limit = offset_after_chars(s, title_max_chars);
    const std::size_t least = title_max_chars / 4;
    auto last_before = [&](auto is_cut) -> std::size_t {
        for (std::size_t i = std::min(limit, s.size() - 1); i > 0; --i)
            if (const std::size_t cut = is_cut(i); cut && chars_in(s.substr(0, cut)) >= least) return cut;
        return 0;
    };
    if (std::size_t cut = last_before([&](std::size_t i) -> std::size_t {
            const bool sentence_end = std::string_view(".!?").find(s[i]) != std::string_view::npos;
            return sentence_end && i + 1 <= limit && i + 1 < s.size() && s[i + 1] == ' ' ? i + 1 : 0;
        }))
        return cut;
    if (std::size_t cut = last_before([&](std::size_t i) -> std::size_t {
            if (s[i] != ' ') return 0;
            if (std::string_view(",;:").find(s[i - 1]) != std::string_view::npos) return i - 1;
            const std::string_view after = s.substr(i + 1);
            if (after.starts_with("- ") || after.starts_with("\xE2\x80\x93 ") || after.starts_with("\xE2\x80\x94 "))
                return i;
            return 0;
        }))
        return cut;
    if (std::size_t cut = last_before([&](std::size_t i) -> std::size_t { return s[i] == ' ' ? i : 0; })) return cut;
    return limit;
}

}  // namespace

bool says_impact(std::string_view text) {
    const std::vector<std::string> words = words_of(text);
    auto among = [](const std::string& word, const auto& list) {
        return std::find(std::begin(list), std::end(list), word) != std::end(list);
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "down" && i > 0 && among(words[i - 1], not_outage_before_down)) continue;
        if (among(words[i], impact_words)) return true;
        if (i + 1 < words.size())
            for (const auto& [first, second] : impact_phrases)
                if (words[i] == first && words[i + 1] == second) return true;
    }
    return false;
}

std::string_view impact_sentence(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size() && text[end] != '\n' &&
               !(std::string_view(".!?;").find(text[end]) != std::string_view::npos && end + 1 < text.size() &&
                 is_blank(text[end + 1])))
            ++end;
        const std::size_t stop = end < text.size() && text[end] != '\n' ? end + 1 : end;  // keep `?` and `!`
        const std::string_view sentence = trim(text.substr(start, stop - start));
        if (says_impact(sentence)) return sentence;
        start = end + 1;
    }
    return {};
}

std::size_t id_like_words(std::string_view key) {
    std::size_t n = 0;
    for_each_run(
        key, [](unsigned char c) { return !is_blank(static_cast<char>(c)); },
        [&](std::size_t begin, std::size_t end) {
            std::string_view word = key.substr(begin, end - begin);
            while (!word.empty() && std::string_view("()[]{}:,;\"'-").find(word.front()) != std::string_view::npos)
                word.remove_prefix(1);
            while (!word.empty() && std::string_view("()[]{}:,;\"'-").find(word.back()) != std::string_view::npos)
                word.remove_suffix(1);
            if (std::any_of(word.begin(), word.end(), [](char c) {
                    return (c >= '0' && c <= '9') || std::string_view("-_./=").find(c) != std::string_view::npos;
                }))
                ++n;
            return true;
        });
    return n;
}

std::string blank_mentions(std::string_view text, const std::vector<Span>& spans) {
    std::string out(text);
    for (const Span& s : spans)
        if (s.type == SpanType::mention && s.start < s.end && s.end <= out.size())
            std::fill(out.begin() + static_cast<std::ptrdiff_t>(s.start),
                      out.begin() + static_cast<std::ptrdiff_t>(s.end), ' ');
    return out;
}

std::string title_from(std::string_view text) {
    std::string kept;
    for_each_run(
        text, [](unsigned char c) { return !is_blank(static_cast<char>(c)); },
        [&](std::size_t begin, std::size_t end) {
            const std::string_view word = text.substr(begin, end - begin);
            if (!is_dropped_word(word)) kept.append(kept.empty() ? "" : " ").append(word);
            return true;
        });
    std::string_view title = drop_openers(kept);
    if (chars_in(title) > title_max_chars) title = title.substr(0, cut_point(title));
    return std::string(trim_edges(title));
}

namespace {

// A line a person wrote in the window: a chat message (no bot's), an e-mail, a note.
bool is_report(const TimelineEntry& e) {
    if (e.lead_up || e.bot) return false;
    return e.kind == EventKind::message || e.kind == EventKind::email || e.kind == EventKind::note;
}

// "[Wellcome Collection] Problems logging in to library accounts" (a Statuspage mail's first line), "Search
// down: We are investigating" (its API's `name: body`), "Investigating - Users cannot log in": the incident's
// name, without the page, the update's body or its state.
std::string status_title(const TimelineEntry& e) {
    std::string_view line = std::string_view(e.text).substr(0, e.text.find('\n'));
    if (const std::size_t colon = line.find(": "); colon != std::string_view::npos) line = line.substr(0, colon);
    std::string title = title_from(line);
    const std::string state = e.status ? e.status->state : std::string();
    if (!state.empty() && starts_with_icase(title, state + " - ")) title = title_from(title.substr(state.size() + 3));
    return title;
}

std::string topic_title(const Work& w, const Timeline& t) {
    const Event* topic = nullptr;
    for (const Event& e : w.events) {
        if (e.time >= t.window.until) break;
        if (e.flags.system == SystemMessage::topic && e.channel == t.discussion_channel) topic = &e;
    }
    if (!topic || t.discussion_channel.empty()) return {};
    const std::string text = blank_mentions(topic->text, topic->spans);
    std::string_view words = text;
    for (std::string_view said : {"topic: ", "purpose: "}) {
        const std::string lower = to_lower_ascii(words);
        if (const std::size_t at = lower.find(said); at != std::string::npos) words = words.substr(at + said.size());
    }
    return title_from(words);
}

}  // namespace

void name_incident(const Work& w, Timeline& out) {
    std::string title;
    for (const TimelineEntry& e : out.entries) {
        if (e.kind == EventKind::status && !e.lead_up) title = status_title(e);
        if (!title.empty()) break;
    }
    for (const TimelineEntry& e : out.entries) {
        if (!title.empty()) break;
        if (!is_report(e)) continue;
        const std::string text = blank_mentions(e.text, e.spans);
        title = title_from(impact_sentence(text));
    }
    // The alert whose key has the fewest id-like words; ties: the first to fire, then the key.
    const AlertGroup* best = nullptr;
    for (const AlertGroup& g : out.groups) {
        if (g.count == 0) continue;
        if (!best || std::make_tuple(id_like_words(g.key), g.first, std::string_view(g.key)) <
                         std::make_tuple(id_like_words(best->key), best->first, std::string_view(best->key)))
            best = &g;
    }
    if (title.empty() && best) title = title_from(best->key);
    if (title.empty()) title = topic_title(w, out);
    out.title_hint = std::move(title);
}

}  // namespace retro::correlation
