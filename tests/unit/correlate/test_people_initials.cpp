// People: initials via [people], else the event's, else the name's; two people with the same initials are
// told apart; participants in order of first entry.
#include <catch2/catch.hpp>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

TEST_CASE("two people with the same initials are told apart: RC, RCo") {
    auto t = run({message("10:00", "Rachel Cooper", "site down"), message("10:01", "Robert Cole", "looking"),
                  message("10:02", "Rachel Cooper", "thanks for checking"), message("10:03", "Rita Coe", "here too")});
    CHECK(lines(t) == std::vector<std::string>{"10:00 RC site down", "10:01 RCo looking",
                                               "10:02 RC thanks for checking", "10:03 RCoe here too"});
    REQUIRE(t.participants.size() == 3);
    CHECK(t.participants[0].initials == "RC");
    CHECK(t.participants[0].name == "Rachel Cooper");
    CHECK(t.participants[0].entries == 2);
    CHECK(t.participants[1].initials == "RCo");
    CHECK(t.participants[2].initials == "RCoe");
}

TEST_CASE("two names of one person are one person: accents aside, a first name beside the full name") {
    Event slack = message("10:00", "Stefan", "the API can't authenticate");  // Slack's display name
    slack.actor.initials = "SB";                                          // from the profile's real name
    Event mail = email("10:05", "Stefan Brychta", "Re: search errors");
    Event zoe = message("10:06", "Zoë Núñez", "on it");
    Event zoe_mail = email("10:07", "Zoe Nunez", "Re: search errors");
    Event other = message("10:08", "Sara Blake", "here too");  // SB, and not Stefan: told apart
    auto t = run({slack, mail, zoe, zoe_mail, other});
    REQUIRE(t.entries.size() == 5);
    CHECK(t.entries[0].initials == "SB");
    CHECK(t.entries[1].initials == "SB");
    CHECK(t.entries[2].initials == "ZN");
    CHECK(t.entries[3].initials == "ZN");
    CHECK(t.entries[4].initials == "SBl");
}

TEST_CASE("[people] initials are kept as given, events' own initials come before the name's") {
    CorrelateOptions o;
    o.people.add("Robert Cole", {"Robert Cole", "BC"});
    Event noted = message("10:02", "Natalie Parker", "opened statuspage incident");
    noted.actor.initials = "NPa";
    auto t =
        run({message("10:00", "Rachel Cooper", "site down"), message("10:01", "Robert Cole", "looking"), noted}, o);
    CHECK(lines(t) ==
          std::vector<std::string>{"10:00 RC site down", "10:01 BC looking", "10:02 NPa opened statuspage incident"});
}

TEST_CASE("a notes line carrying only initials keeps them") {
    Event note;
    note.id = "retro:notes.md#L5";
    note.time = at("2024-07-25T09:00:00Z");
    note.precision = Precision::minute;
    note.kind = EventKind::note;
    note.source = {"notes", "", Medium::document, "notes.md", 5};
    note.actor.initials = "NP";
    note.text = "mentioned Sierra issues in stand up";
    auto t = run({note, message("09:10", "Nina Park", "confirmed")});
    CHECK(lines(t) == std::vector<std::string>{"09:00 NP mentioned Sierra issues in stand up", "09:10 NP confirmed"});
    REQUIRE(t.participants.size() == 1);
    CHECK(t.participants[0].entries == 2);
    CHECK(t.participants[0].name == "Nina Park");
}

TEST_CASE("initials are made of letters only, whatever a name or an event holds (issue 15 item 11)") {
    Event given = message("10:02", "", "from an event's own initials");
    given.actor.initials = "A<b>\n# X";
    auto t = run({message("10:00", "Al Bo", "first"), message("10:01", "Ann <b>INJ", "second"), given,
                  message("10:03", "Ann\n#_Owned", "third")});
    CHECK(lines(t) == std::vector<std::string>{"10:00 AB first", "10:01 ABi second",
                                               "10:02 AbX from an event's own initials", "10:03 AO third"});
}
