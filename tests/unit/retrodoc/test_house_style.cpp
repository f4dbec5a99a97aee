// The house-style tables the reader and the draft renderer share.
#include <catch2/catch.hpp>

#include "retrodoc/house_style.hpp"

using retro::retrodoc::is_common_acronym;

TEST_CASE("capitals that are words, not initials") {
    for (const char* word : {"API", "DNS", "OK", "DB", "TF"}) {
        INFO(word);
        CHECK(is_common_acronym(word));
    }
    for (const char* word : {"RC", "NP", "AG", "api", "APIs", ""}) {
        INFO(word);
        CHECK_FALSE(is_common_acronym(word));
    }
}
