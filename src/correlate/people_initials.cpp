// DESIGN.md "Correlation" (people): the initials an entry is drawn with. `[people]` decides when it names
// the person; else the event's initials, else the name's. Two different people with the same initials
// are told apart: the one who appears first keeps them, the next takes more letters of the last name
// (Rachel Cooper RC, Robert Cole RCo); two names of one person are not two people: the same name with or
// without accents, or a first name beside the full name with the same initials (Slack's "Stefan" and
// GitHub's "Stefan Brychta", both SB). Initials with no name (a notes line "NP …") are the person who
// carries them. Initials are letters only (ASCII letters and any non-ASCII character): whatever else a name
// or an event's own initials hold (`Ann <b>INJ`, a line break) is left out, so initials never carry markup.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

std::vector<std::string> words_of(std::string_view name) {
    std::vector<std::string> words;
    std::string current;
    for (char c : name) {
        if (c == ' ' || c == '.' || c == '_' || c == '-' || c == '\t') {
            if (!current.empty()) words.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

// `text` without its ASCII characters other than letters.
std::string letters_of(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80) out += c;
    }
    return out;
}

// "Robert Cole", 2 → "RCo": initials of every word but the last, then `letters` letters of the last
// (characters up to a UTF-8 boundary; the first upper case, the rest lower case).
std::string extended_initials(std::string_view name, std::size_t letters) {
    auto words = words_of(name);
    if (words.empty()) return {};
    std::string out;
    for (std::size_t k = 0; k + 1 < words.size(); ++k) out += initials_of(words[k]);
    const std::string last = letters_of(words.back());
    std::size_t end = 0, taken = 0;
    while (end < last.size() && taken < letters) {
        ++end;
        while (end < last.size() && (static_cast<unsigned char>(last[end]) & 0xC0) == 0x80) ++end;
        ++taken;
    }
    if (taken < letters) return {};  // the name has no more letters to offer
    std::string tail = last.substr(0, end);
    if (!tail.empty()) tail[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tail[0])));
    for (std::size_t k = 1; k < tail.size(); ++k)
        tail[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(tail[k])));
    return out + tail;
}

// Letters U+00C0–U+017F without their accents ('*' for the two signs among them).
constexpr std::string_view latin_base =
    "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo*ouuuuytyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi"
    "IiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

// A name's words, lower case with accents folded: "Zoë Núñez" → {"zoe", "nunez"}.
std::vector<std::string> folded_words(std::string_view name) {
    std::string folded;
    for (std::size_t i = 0; i < name.size();) {
        const auto b = static_cast<unsigned char>(name[i]);
        if (b >= 0xC3 && b <= 0xC5 && i + 1 < name.size()) {
            const unsigned cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp < 0x180) {
                folded += latin_base[cp - 0xC0];
                i += 2;
                continue;
            }
        }
        folded += b < 0x80 ? static_cast<char>(std::tolower(b)) : static_cast<char>(b);
        ++i;
    }
    return words_of(folded);
}

// Two names of one person: the same once accents and case are set aside, or one is the other's first words
// ("Stefan" as Slack shows a person, "Stefan Brychta" as GitHub and mail do).
bool same_person_names(std::string_view a, std::string_view b) {
    auto x = folded_words(a), y = folded_words(b);
    if (x.empty() || y.empty()) return false;
    if (x.size() > y.size()) std::swap(x, y);
    return std::equal(x.begin(), x.end(), y.begin());
}

struct Resolver {
    const People& people;
    std::map<std::string, std::string> of_name;  // lower-case name → initials given
    std::set<std::string> taken;                 // initials given to a named person
    std::map<std::string, std::vector<std::string>> names_of;  // initials given → the names they were given to

    std::string resolve(const TimelineEntry& e) {
        if (e.actor_name.empty()) return letters_of(e.initials);
        std::string key = to_lower_ascii(e.actor_name);
        if (auto it = of_name.find(key); it != of_name.end()) return it->second;
        std::string initials;
        bool fixed = false;
        if (auto p = people.find(e.actor_name); p && !letters_of(p->initials).empty()) {
            initials = letters_of(p->initials);
            fixed = true;
        } else {
            initials = letters_of(e.initials);
            if (initials.empty()) initials = letters_of(initials_of(e.actor_name));
        }
        if (!fixed && taken.contains(initials)) {
            for (const std::string& holder : names_of[initials])
                if (same_person_names(holder, e.actor_name)) {
                    of_name.emplace(key, initials);
                    names_of[initials].push_back(e.actor_name);
                    return initials;
                }
            for (std::size_t letters = 2;; ++letters) {
                std::string longer = extended_initials(e.actor_name, letters);
                if (longer.empty()) break;
                if (!taken.contains(longer)) {
                    initials = longer;
                    break;
                }
            }
        }
        taken.insert(initials);
        names_of[initials].push_back(e.actor_name);
        of_name.emplace(key, initials);
        return initials;
    }
};

void count_participant(std::vector<Participant>& list, const TimelineEntry& e) {
    if (e.initials.empty() || e.kind == EventKind::alert || e.bot || e.lead_up) return;
    for (auto& p : list)
        if (p.initials == e.initials) {
            ++p.entries;
            if (p.name.empty()) p.name = e.actor_name;
            return;
        }
    list.push_back({e.initials, e.actor_name, 1});
}

}  // namespace

void assign_initials(Timeline& out, const People& people) {
    Resolver r{people, {}, {}, {}};
    for (auto& e : out.entries) {
        if (e.kind != EventKind::alert) e.initials = r.resolve(e);
        for (auto& c : e.continuations)
            if (c.kind != EventKind::alert) c.initials = r.resolve(c);
    }
    for (auto& c : out.changes) c.entry.initials = r.resolve(c.entry);
    for (const auto& e : out.entries) {
        count_participant(out.participants, e);
        for (const auto& c : e.continuations) count_participant(out.participants, c);
    }
}

}  // namespace retro::correlation
