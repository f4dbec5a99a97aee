// content_words: the words that can relate two messages, and the thread tags of the brief.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "correlate/steps.hpp"

using namespace retro;
using namespace retro::correlation;

namespace {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    content_words(text, [&](std::string_view w) { out.emplace_back(w); });
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

TEST_CASE("a word set holds each word once, whatever view it was given as", "[words]") {
    WordSet words;
    const std::string text = "deploy deployment error";
    for (std::string_view word : {std::string_view(text).substr(0, 5), std::string_view(text).substr(7, 5),
                                  std::string_view(text).substr(18, 5)})
        add_word(words, word);
    CHECK(words.size() == 2);
    CHECK(words.contains("deplo"));
    CHECK(words.contains("error"));
}
