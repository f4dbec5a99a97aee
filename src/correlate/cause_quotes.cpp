// Issue 18 item 5, the cause quoted with its source: "A sentence in a colleague's or supplier's e-mail that says
// why is quoted in the Analysis with who said it and when." A sentence says why when it holds a cause word
// (`[correlate] cause_words`: "caused by", "due to", "knock-on", "appears that"…). The ones holding the most
// cause words come first, then the ones sharing the most words with the rest of the incident (for_each_content_word,
// said by another entry), then the earliest; at most `cause_quotes` are kept. Only what the sender wrote
// counts: quoted replies, greetings, signatures (split_sentences), code blocks and an e-mail's subject are
// left out, and a sentence said twice is quoted once, from whoever said it first.
#include <algorithm>
#include <map>
#include <set>

#include "core/sentences.hpp"
#include "core/text_utf8.hpp"
#include "correlate/content_words.hpp"
#include "correlate/steps.hpp"

namespace retro {

std::vector<std::string> default_cause_words() {
    return {"root cause", "caused by",     "the cause",         "due to",          "because",       "as a result",
            "result of",  "resulted in",   "knock-on",          "knock on effect", "triggered by",  "led to",
            "turned out", "made a change", "needed to restart", "appears that",    "it seems that", "traced to"};
}

namespace correlation {
namespace {

bool is_said_by_a_person(const TimelineEntry& e) {
    return !e.bot && !e.group && (e.kind == EventKind::email || e.kind == EventKind::message);
}

// The sentences the sender wrote, with their bytes in the entry's text: an e-mail's body without its subject
// line; a message without its code blocks (a log line is nobody's explanation), each block ending a sentence.
std::vector<Sentence> own_sentences(const TimelineEntry& e) {
    std::vector<Sentence> out;
    auto split = [&](std::size_t from, std::size_t to) {
        for (Sentence& s : split_sentences(std::string_view(e.text).substr(from, to - from))) {
            s.start += from;
            s.end += from;
            out.push_back(std::move(s));
        }
    };
    if (e.kind == EventKind::email) {
        const std::size_t nl = e.text.find('\n');
        if (nl != std::string::npos) split(nl + 1, e.text.size());
        return out;
    }
    std::size_t at = 0;
    for (const Span& s : e.spans) {
        if (s.type != SpanType::pre || s.start < at || s.start > s.end || s.end > e.text.size()) continue;
        split(at, s.start);
        at = s.end;
    }
    split(at, e.text.size());
    return out;
}

// Two sentences are one when their letters and digits are: lower case, everything else as one space.
std::string sameness_key(std::string_view s) {
    std::string key;
    for (char c : to_lower_ascii(s)) {
        if (is_word_byte(c))
            key.push_back(c);
        else if (!key.empty() && key.back() != ' ')
            key.push_back(' ');
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

std::set<WordKey> words_of(std::string_view text) {
    std::set<WordKey> words;
    for_each_content_word(text, [&](WordKey w) { words.insert(w); });
    return words;
}

struct Candidate {
    CauseQuote quote;
    std::size_t shared = 0;  // its words that another entry says too
};

}  // namespace

void quote_causes(const CorrelateOptions& options, Timeline& out) {
    if (options.cause_quotes == 0) return;
    std::vector<std::string> cues;
    for (const std::string& c : options.cause_words)
        if (!trim(c).empty()) cues.push_back(to_lower_ascii(trim(c)));
    if (cues.empty()) return;

    std::vector<Candidate> found;
    std::set<std::string> quoted;  // sameness keys
    auto holds_cues = [&](std::string_view text) {
        std::vector<std::string> held;
        const std::string lower = to_lower_ascii(text);
        for (const std::string& cue : cues)
            if (holds_phrase(lower, cue)) held.push_back(cue);
        return held;
    };
    for (const TimelineEntry& e : out.entries) {
        if (!is_said_by_a_person(e) || e.event_ids.empty() || holds_cues(e.text).empty()) continue;
        for (const Sentence& sentence : own_sentences(e)) {
            std::vector<std::string> held = holds_cues(sentence.text);
            std::string text = quotable(sentence.text);
            if (held.empty() || !quoted.insert(sameness_key(text)).second) continue;
            found.push_back(Candidate{CauseQuote{std::move(text), std::move(held), e.time, e.kind,
                                                 e.kind == EventKind::message ? e.channel : std::string(), e.initials,
                                                 e.actor_name, e.event_ids.front(), sentence.start, sentence.end}});
        }
    }
    if (found.empty()) return;

    // How many entries say each of the candidates' words: a word is shared when another entry says it too.
    std::map<WordKey, std::size_t> entries_saying;
    for (const Candidate& c : found)
        for (WordKey w : words_of(c.quote.text)) entries_saying.emplace(w, 0);
    for (const TimelineEntry& e : out.entries) {
        std::set<std::size_t*> says;  // the counts of the words this entry says, each once
        auto note = [&](std::string_view text) {
            for_each_content_word(text, [&](WordKey w) {
                if (auto it = entries_saying.find(w); it != entries_saying.end()) says.insert(&it->second);
            });
        };
        note(e.text);
        if (e.group) note(e.group->key);
        for (const TimelineEntry& c : e.continuations) note(c.group ? c.group->key : c.text);
        for (std::size_t* count : says) ++*count;
    }
    for (Candidate& c : found)
        for (WordKey w : words_of(c.quote.text)) c.shared += entries_saying.at(w) > 1 ? 1 : 0;
    // Entries are in time order, so the stable sort leaves the earliest first among equals.
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        if (a.quote.cues.size() != b.quote.cues.size()) return a.quote.cues.size() > b.quote.cues.size();
        return a.shared > b.shared;
    });
    if (found.size() > options.cause_quotes) found.resize(options.cause_quotes);
    for (Candidate& c : found) out.cause_quotes.push_back(std::move(c.quote));
}

}  // namespace correlation
}  // namespace retro
