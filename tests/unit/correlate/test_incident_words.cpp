// content_words: the words that can relate two messages, and the thread tags of the brief.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "correlate/content_words.hpp"
#include "correlate/steps.hpp"

using namespace retro;
using namespace retro::correlation;

namespace {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for_each_content_word(text, [&](WordKey w) { out.push_back(word_text(w)); });
    return out;
}

}  // namespace

TEST_CASE("content words are lower case, four letters or more, cut to five, common ones left out", "[words]") {
    CHECK(words("The API is DOWN after the Deployment") == std::vector<std::string>{"down", "deplo"});
    CHECK(words("thanks THANKS Thank you, please look") == std::vector<std::string>{});
    CHECK(words("run ran runs") == std::vector<std::string>{"runs"});
}

TEST_CASE("a word longer than every common word is never taken for one", "[words]") {
    // "something" is common; the longer words that start like common ones are not.
    CHECK(words("something somethings afternoons") == std::vector<std::string>{"somet", "after"});
    CHECK(words("Supercalifragilistic") == std::vector<std::string>{"super"});
}

TEST_CASE("a word is common only when all its letters are: a shared start or a letter more is not enough", "[words]") {
    CHECK(words("thin think thinks thanks thankz") == std::vector<std::string>{"thin", "think", "thank"});
    CHECK(words("zzzzzzzzz aaaaaaaaa") == std::vector<std::string>{"zzzzz", "aaaaa"});
}

TEST_CASE("only ASCII letters make words: digits, punctuation and other bytes split them", "[words]") {
    CHECK(words("db01-primary_host") == std::vector<std::string>{"prima", "host"});
    CHECK(words("caf\xc3\xa9s r\xc3\xa9seau timeout") == std::vector<std::string>{"seau", "timeo"});
    CHECK(words("") == std::vector<std::string>{});
}

TEST_CASE("thread tags: equal for the same channel and root, spread over the 16 bits for others", "[words]") {
    CHECK(thread_tag_of("C1", "1700000000.000100") != 0);
    std::set<std::uint16_t> tags;
    for (int i = 0; i < 1000; ++i) tags.insert(thread_tag_of("C1", "1700000000." + std::to_string(100000 + i)));
    CHECK(tags.size() > 950);  // a hash, not a constant: 1,000 roots in 65,536 tags rarely share one
    CHECK(tags.count(0) == 0);
}

TEST_CASE("a word's forms and cases meet in one word, and different letters or lengths never do", "[words]") {
    WordSet words;
    for_each_content_word("Deploy deployment DEPLOYED error", [&](WordKey w) { words.insert(w); });
    CHECK(words.size() == 2);
    std::set<std::string> spelled;
    for (WordKey w : words) spelled.insert(word_text(w));
    CHECK(spelled == std::set<std::string>{"deplo", "error"});
    // Every key of up to five letters is its own: "zzzz" and "aaaaa", "abcd" and "abcde" stay apart.
    std::set<WordKey> keys;
    for (std::string_view w : {"zzzz", "zzzzz", "aaaa", "aaaaa", "abcd", "abcde", "bcde"})
        for_each_content_word(w, [&](WordKey k) { keys.insert(k); });
    CHECK(keys.size() == 7);
}

TEST_CASE("a text says a word of a set when one of its content words is in it", "[words]") {
    WordSet incident;
    for_each_content_word("the payments database failed over", [&](WordKey w) { incident.insert(w); });
    CHECK(says_any("Payment retries are piling up", incident));  // "payme" meets "payments"
    CHECK(says_any("the database is back", incident));
    // Forms meet by their first five letters only: "failing" is "faili", "failed" "faile"; "over" is common.
    CHECK_FALSE(says_any("failing over now", incident));
    CHECK_FALSE(says_any("lunch at noon, anyone?", incident));
    CHECK_FALSE(says_any("", incident));
}

TEST_CASE("reading stops when the caller says so", "[words]") {
    std::vector<std::string> seen;
    for_each_content_word("alpha bravo charlie delta", [&](WordKey w) {
        seen.push_back(word_text(w));
        return seen.size() < 2;
    });
    CHECK(seen == std::vector<std::string>{"alpha", "bravo"});
}
