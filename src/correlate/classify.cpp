// Event classes the correlator reasons with (DESIGN.md "Correlation" 4 and 6): signals, human events,
// pinned events, and the content noise rules. Joins, leaves and topic changes are told by the event's
// `flags.system`, which the ingester set from the platform's own markers (Slack's `subtype`), never by
// their text, which is in the platform's language. A message with no text, or only files nobody could open
// (no https permalink), is `no-text`: a draft would draw it as a bare `HH.MM XX`.
#include <cctype>

#include "core/attachment_lines.hpp"
#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

bool is_human(const Event& e) {
    switch (e.kind) {
        case EventKind::message:
            return !e.flags.bot;
        case EventKind::note:
        case EventKind::email:
            return true;
        default:
            return false;
    }
}

bool is_signal(const Event& e) {
    if (e.precision == Precision::day) return false;
    return e.kind == EventKind::alert || e.kind == EventKind::status || is_human(e);
}

bool is_pinned(const Event& e, const std::vector<std::string>& timeline_emoji) {
    if (e.flags.pinned) return true;
    for (const auto& r : e.flags.reactions)
        for (const auto& t : timeline_emoji)
            if (r == t) return true;
    return false;
}

bool is_word_byte(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
}

bool holds_phrase(std::string_view lower_text, std::string_view phrase) {
    if (phrase.empty()) return false;
    for (std::size_t at = lower_text.find(phrase); at != std::string_view::npos; at = lower_text.find(phrase, at + 1)) {
        const bool starts = at == 0 || !is_word_byte(lower_text[at - 1]);
        const bool ends = at + phrase.size() == lower_text.size() || !is_word_byte(lower_text[at + phrase.size()]);
        if (starts && ends) return true;
    }
    return false;
}

std::string canonical_key(const Work& w, std::string_view key) {
    std::string k;
    append_canonical_key(w, key, k);
    return k;
}

namespace {

// normalise_word() before the lower-casing: trimmed, surrounding punctuation removed, trimmed again.
std::string_view normalised_view(std::string_view text) {
    text = trim(text);
    auto is_punct = [](char c) { return c == '.' || c == '!' || c == ',' || c == '?' || c == ':' || c == ';'; };
    while (!text.empty() && is_punct(text.back())) text.remove_suffix(1);
    while (!text.empty() && is_punct(text.front())) text.remove_prefix(1);
    return trim(text);
}

// to_lower_ascii(text) == other.
bool equals_lowered(std::string_view text, std::string_view other) {
    if (text.size() != other.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != other[i]) return false;
    }
    return true;
}

}  // namespace

std::string normalise_word(std::string_view text) {
    return to_lower_ascii(normalised_view(text));
}

void append_canonical_key(const Work& w, std::string_view key, std::string& out) {
    const std::size_t start = out.size();
    out += normalised_view(key);  // appended whole, then lowered in place: not a byte at a time
    for (auto it = out.begin() + static_cast<std::ptrdiff_t>(start); it != out.end(); ++it)
        if (*it >= 'A' && *it <= 'Z') *it = static_cast<char>(*it - 'A' + 'a');
    if (w.aliases.empty()) return;
    if (auto it = w.aliases.find(std::string_view(out).substr(start)); it != w.aliases.end()) {
        out.resize(start);
        out += it->second;
    }
}

namespace {

// Decodes one UTF-8 code point at `i` (input is valid UTF-8) and advances `i`.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto b = static_cast<unsigned char>(s[i]);
    int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}

bool is_emoji_code_point(char32_t c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) ||  // pictographs, emoticons, transport, flags, skin tones
           (c >= 0x2600 && c <= 0x27BF) ||    // miscellaneous symbols, dingbats
           (c >= 0x2B00 && c <= 0x2BFF) ||    // arrows and stars (⭐)
           (c >= 0x2190 && c <= 0x21FF) || c == 0x200D || c == 0xFE0F || c == 0xFE0E || c == 0x20E3 || c == 0x3030 ||
           c == 0x303D || c == 0x00A9 || c == 0x00AE || c == 0x2122 || (c >= 0xE0020 && c <= 0xE007F);
}

}  // namespace

bool is_emoji_only(std::string_view text) {
    bool any = false;
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if (c == ':') {  // a Slack short code that was not turned into a character: ":+1:", ":tada::skin-tone-2:"
            const std::size_t end = short_code_end(text, i);
            if (end == i) return false;
            i = end;
            any = true;
            continue;
        }
        if (!is_emoji_code_point(next_code_point(text, i))) return false;
        any = true;
    }
    return any;
}

namespace {

// Words a thanks-only reply is made of (lower case): thanks itself, who is thanked, and the praise and filler
// around it. A reply with any other word (a name, "fixed", "still", a link) says something and is kept.
constexpr std::string_view thanks_words[] = {
    "thanks",    "thank",     "thankyou",    "ty",         "thx",       "tysm",    "cheers", "ta",    "you",
    "so",        "very",      "much",        "many",       "a",         "lot",     "lots",   "again", "all",
    "everyone",  "everybody", "folks",       "team",       "guys",      "y'all",   "for",    "the",   "that",
    "this",      "your",      "help",        "and",        "oh",        "ah",      "hi",     "hey",   "ok",
    "okay",      "great",     "perfect",     "awesome",    "brilliant", "amazing", "nice",   "cool",  "lovely",
    "excellent", "fab",       "fantastic",   "good",       "job",       "work",    "stuff",  "super", "really",
    "wow",       "yay",       "appreciated", "appreciate", "it"};
constexpr std::string_view gratitude[] = {"thanks", "thank",  "thankyou", "ty",          "thx",
                                          "tysm",   "cheers", "ta",       "appreciated", "appreciate"};

// to_lower_ascii(word) is one of `list`, without making the lowered word: the thanks rules read every
// message's first word, and each word of the ones that open with thanks.
template <std::size_t N>
bool among_lowered(std::string_view word, const std::string_view (&list)[N]) {
    for (std::string_view w : list)
        if (equals_lowered(word, w)) return true;
    return false;
}

// "Thank you :pray:", "Okay great thank you!", "thanks all, much appreciated": every word thanks, praise or
// filler (emoji and Slack short codes aside), at least one word of gratitude, at most 12 words.
bool is_thanks_only(std::string_view text) {
    bool thanked = false;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ':') {  // a Slack short code such as ":pray:" is an emoji
            std::size_t end = text.find(':', i + 1);
            if (end != std::string_view::npos && end > i + 1 &&
                text.substr(i + 1, end - i - 1).find(' ') == std::string_view::npos) {
                i = end + 1;
                continue;
            }
        }
        if (std::isalpha(c) || c == '\'') {
            std::size_t end = i;
            while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '\''))
                ++end;
            const std::string_view word = text.substr(i, end - i);
            if (!among_lowered(word, thanks_words)) return false;
            thanked = thanked || among_lowered(word, gratitude);
            if (++words > 12) return false;
            i = end;
            continue;
        }
        if (c >= 0x80) {  // only emoji may stand beside the words
            std::size_t at = i;
            if (!is_emoji_code_point(next_code_point(text, at))) return false;
            i = at;
            continue;
        }
        if (std::isdigit(c) || c == '/' || c == '@' || c == '<' || c == '#') return false;
        ++i;  // spaces and punctuation
    }
    return thanked;
}

}  // namespace

bool opens_with_thanks(std::string_view text) {
    static constexpr std::string_view interjections[] = {"ok",   "okay", "great", "perfect", "awesome", "brilliant",
                                                         "cool", "nice", "wow",   "yay",     "hey",     "hi",
                                                         "ah",   "ahh",  "oh",    "ooh",     "oohh",    "ohh"};
    bool thanks = false;
    std::size_t words = 0;
    for_each_run(
        text, [](unsigned char c) { return std::isalpha(c) != 0; },
        [&](std::size_t i, std::size_t end) {
            const std::string_view word = text.substr(i, end - i);
            thanks = among_lowered(word, gratitude);
            return !thanks && among_lowered(word, interjections) && ++words < 4;
        });
    return thanks;
}

std::string_view noise_rule_of(const Event& e, const std::vector<std::string>& ack_words) {
    if (e.kind == EventKind::email && e.flags.bot) return "robot-mail";
    if (e.kind != EventKind::message) return {};
    std::string_view text = e.text;
    if (e.flags.system == SystemMessage::membership) return "membership";
    if (e.flags.system == SystemMessage::topic) return "topic";
    if (says_nothing_shown(text, e.spans)) return "no-text";
    if (is_emoji_only(text)) return "emoji-only";
    if (!e.flags.bot) {
        // normalise_word(text) compared with each word, without building it: this runs on every message.
        std::string_view word = normalised_view(text);
        if (!word.empty() && word.find(' ') == std::string_view::npos)
            for (const auto& a : ack_words)
                if (equals_lowered(word, a)) return "one-word-ack";
        if (is_thanks_only(text)) return "thanks-only";
    }
    return {};
}

}  // namespace retro::correlation
