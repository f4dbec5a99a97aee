#include <catch2/catch.hpp>

#include "retro/people.hpp"

using namespace retro;

TEST_CASE("initials come from the start of each word of a name") {
    CHECK(initials_of("Rachel Cooper") == "RC");
    CHECK(initials_of("rachel.cooper") == "RC");
    CHECK(initials_of("Natalie") == "N");
    CHECK(initials_of("Jean-Luc Picard") == "JLP");
    CHECK(initials_of("  (Sam) Bee ") == "SB");
    CHECK(initials_of("Émile Zola") == "ÉZ");
    CHECK(initials_of("") == "");
}

TEST_CASE("people are found by id, name, or e-mail in any case") {
    People people;
    people.add("U123", {"Rachel Cooper", "RC"});
    people.add("CSS@Example.org", {"Collections Systems Support", "CSS"});
    CHECK(people.find("U123")->initials == "RC");
    CHECK(people.find("css@example.ORG")->name == "Collections Systems Support");
    CHECK_FALSE(people.find("U999"));
}
