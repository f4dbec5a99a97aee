// Words that relate two messages (issue 18, relevance): lower case, four letters or more, common ones left out,
// cut to their first five letters so that a word's forms meet ("deploy", "deployment"; "error", "erroring").
#include <algorithm>
#include <array>
#include <vector>

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

// `w` is lower case.
bool is_common(std::string_view w) {
    static const std::vector<std::string_view> sorted = [] {
        std::vector<std::string_view> v(std::begin(common_words), std::end(common_words));
        std::sort(v.begin(), v.end());
        return v;
    }();
    return w.size() <= longest_common_word && std::binary_search(sorted.begin(), sorted.end(), w);
}

// std::isalpha in the C locale, which retro never leaves.
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
