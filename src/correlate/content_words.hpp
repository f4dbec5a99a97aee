// Content words: the words that can relate two messages (issue 18, relevance). Lower case, four letters or
// more, common ones left out, cut to their first five letters so that a word's forms meet ("deploy",
// "deployment"; "error", "erroring"). A content word is at most five ASCII letters, so it is held as a
// number (WordKey), five bits a letter: sets of them hash and compare integers, and no string is made for a
// word while a text is read.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"  // for_each_run

namespace retro::correlation {

// A content word as a number: each letter from 1 ('a') to 26 ('z') in five bits, the first letter highest.
// Words of different letters or lengths give different numbers.
using WordKey = std::uint32_t;

// The letters of `key`, lower case (for tests and messages).
std::string word_text(WordKey key);

namespace content_words_detail {

inline constexpr std::size_t longest_common_word = 9;  // incident_words.cpp checks it against its list
inline constexpr std::size_t kept_letters = 5;

// Whether the word whose letters `packed` holds (five bits a letter, as WordKey; at most longest_common_word
// of them) is one too common to relate two messages.
bool is_common(std::uint64_t packed);

}  // namespace content_words_detail

// Calls `out(WordKey)` with each content word of `text`, in order. When `out` returns bool, false stops the
// reading (say, once a word is found).
template <class Out>
void for_each_content_word(std::string_view text, Out&& out) {
    using namespace content_words_detail;
    for_each_run(text, is_ascii_letter, [&](std::size_t begin, std::size_t end) {
        const std::size_t length = end - begin;
        if (length < 4) return true;
        // The letters, up to one more than the longest common word has (a longer word is none of them).
        const std::size_t held = std::min(length, longest_common_word + 1);
        std::uint64_t packed = 0;
        for (std::size_t i = begin; i < begin + held; ++i)
            packed = packed << 5 | static_cast<std::uint64_t>((text[i] | 0x20) - 'a' + 1);
        if (length <= longest_common_word && is_common(packed)) return true;
        const auto key = static_cast<WordKey>(held > kept_letters ? packed >> (5 * (held - kept_letters)) : packed);
        if constexpr (std::is_same_v<std::invoke_result_t<Out&, WordKey>, bool>) {
            return out(key);
        } else {
            out(key);
            return true;
        }
    });
}

// A set of content words.
using WordSet = std::unordered_set<WordKey>;

// Whether `text` says a word of `words`.
inline bool says_any(std::string_view text, const WordSet& words) {
    bool found = false;
    for_each_content_word(text, [&](WordKey word) { return !(found = words.contains(word)); });
    return found;
}

}  // namespace retro::correlation
