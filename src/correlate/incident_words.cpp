// Words that relate two messages (issue 18, relevance): lower case, four letters or more, common ones left out,
// cut to their first five letters so that a word's forms meet ("deploy", "deployment"; "error", "erroring").
#include <algorithm>
#include <array>
#include <cstdint>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

// Words too common to relate two messages (four letters or more; shorter words never count).
constexpr std::string_view common_words[] = {
    "that",  "this",    "with",   "have",  "just",    "what",      "from",      "there",  "they",   "would",
    "about", "will",    "your",   "been",  "when",    "like",      "does",      "anyone", "know",   "some",
    "also",  "here",    "into",   "them",  "then",    "than",      "only",      "more",   "very",   "sure",
    "think", "need",    "want",   "look",  "looks",   "thanks",    "thank",     "please", "could",  "should",
    "seems", "because", "before", "after", "again",   "other",     "same",      "each",   "where",  "which",
    "while", "were",    "their",  "these", "those",   "being",     "doing",     "done",   "going",  "good",
    "great", "okay",    "right",  "today", "someone", "everyone",  "something", "thing",  "things", "really",
    "maybe", "might",   "must",   "much",  "many",    "most",      "over",      "such",   "well",   "make",
    "made",  "said",    "says",   "else",  "even",    "ever",      "every",     "first",  "last",   "next",
    "still", "work",    "yeah",   "hello", "morning", "afternoon", "evening",   "team",   "guys",   "folks",
    "people"};

constexpr std::size_t longest_common_word = [] {
    std::size_t n = 0;
    for (std::string_view w : common_words) n = std::max(n, w.size());
    return n;
}();

// A word of lower-case ASCII letters as one number, five bits a letter from 1 ('a') to 26 ('z'): words of
// different letters or lengths give different numbers, up to 12 letters.
constexpr std::uint64_t packed_word(std::string_view w) {
    std::uint64_t key = 0;
    for (char c : w) key = key << 5 | static_cast<std::uint64_t>(c - 'a' + 1);
    return key;
}

// The common words' numbers, sorted: a word is looked up by comparing integers, not strings.
constexpr auto common_keys = [] {
    std::array<std::uint64_t, std::size(common_words)> keys{};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        for (char c : common_words[i])
            if (c < 'a' || c > 'z') throw "common words are lower-case ASCII letters";  // stops compilation
        keys[i] = packed_word(common_words[i]);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}();
static_assert(longest_common_word <= 12, "a packed word holds 12 letters");

// `w` is lower-case ASCII letters.
bool is_common(std::string_view w) {
    return w.size() <= longest_common_word &&
           std::binary_search(common_keys.begin(), common_keys.end(), packed_word(w));
}

}  // namespace

void content_words(std::string_view text, const std::function<void(std::string_view)>& out) {
    // A word longer than every common word is not one of them: only its first letters are lowered.
    std::array<char, longest_common_word + 1> lower{};
    for_each_run(text, is_ascii_letter, [&](std::size_t i, std::size_t end) {
        if (end - i < 4) return true;
        const std::size_t n = std::min(end - i, lower.size());
        for (std::size_t k = 0; k < n; ++k) lower[k] = static_cast<char>(text[i + k] | 0x20);
        const std::string_view word(lower.data(), n);
        if (!is_common(word)) out(word.substr(0, 5));
        return true;
    });
}

}  // namespace retro::correlation
