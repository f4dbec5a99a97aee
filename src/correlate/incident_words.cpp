// Content words (content_words.hpp): the list of words too common to relate two messages, and its look-up.
#include <algorithm>
#include <array>
#include <cstdint>

#include "correlate/content_words.hpp"

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
static_assert(longest_common_word == content_words_detail::longest_common_word,
              "content_words.hpp packs one letter more than the longest common word");

// A word of lower-case ASCII letters as one number, five bits a letter, in WordKey's layout (up to 12 letters).
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

}  // namespace

namespace content_words_detail {

bool is_common(std::uint64_t packed) {
    return std::binary_search(common_keys.begin(), common_keys.end(), packed);
}

}  // namespace content_words_detail

std::string word_text(WordKey key) {
    std::string text;
    for (; key != 0; key >>= 5) text.insert(text.begin(), static_cast<char>('a' + (key & 31) - 1));
    return text;
}

}  // namespace retro::correlation
