// Words that relate two messages (issue 18, relevance): lower case, four letters or more, common ones left out,
// cut to their first five letters so that a word's forms meet ("deploy", "deployment"; "error", "erroring").
#include <algorithm>
#include <cctype>

#include "core/text_utf8.hpp"
#include "correlate/steps.hpp"

namespace retro::correlation {

namespace {

// Words too common to relate two messages (four letters or more; shorter words never count).
constexpr std::string_view common_words[] = {
    "that",  "this",    "with",   "have",    "just",      "what",     "from",      "there",  "they",   "would",
    "about", "will",    "your",   "been",    "when",      "like",     "does",      "anyone", "know",   "some",
    "also",  "here",    "into",   "them",    "then",      "than",     "only",      "more",   "very",   "sure",
    "think", "need",    "want",   "look",    "looks",     "thanks",   "thank",     "please", "could",  "should",
    "seems", "because", "before", "after",   "again",     "other",    "same",      "each",   "where",  "which",
    "while", "were",    "their",  "these",   "those",     "being",    "doing",     "done",   "going",  "good",
    "great", "okay",    "right",  "today",   "someone",   "everyone", "something", "thing",  "things", "really",
    "maybe", "might",   "must",   "much",    "many",      "most",     "over",      "such",   "well",   "make",
    "made",  "said",    "says",   "else",    "even",      "ever",     "every",     "first",  "last",   "next",
    "still", "work", "yeah",    "hello",  "morning", "afternoon", "evening",  "team",      "guys",   "folks",  "people"};

bool is_common(std::string_view w) {
    return std::any_of(std::begin(common_words), std::end(common_words), [&](std::string_view c) { return c == w; });
}

}  // namespace

void content_words(std::string_view text, const std::function<void(std::string)>& out) {
    for_each_run(
        text, [](unsigned char c) { return std::isalpha(c) != 0; },
        [&](std::size_t i, std::size_t end) {
            if (end - i >= 4) {
                std::string word = to_lower_ascii(text.substr(i, end - i));
                if (!is_common(word)) out(word.substr(0, 5));
            }
            return true;
        });
}

}  // namespace retro::correlation
