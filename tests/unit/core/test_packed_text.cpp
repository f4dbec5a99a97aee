// PackedText: an Event field in one pointer that reads, compares and copies like the string it holds.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "retro/event.hpp"
#include "retro/packed_text.hpp"

using namespace retro;

TEST_CASE("packed text holds what it was given, empty when given nothing", "[packed-text]") {
    PackedText empty;
    CHECK(empty.empty());
    CHECK(empty.view().empty());
    CHECK(empty == "");
    PackedText text = std::string("1721903759.248609");
    CHECK(text == "1721903759.248609");
    CHECK(text.size() == 17);
    CHECK(text.str() == "1721903759.248609");
    text = "";
    CHECK(text.empty());
    text = "x";
    text = {};  // a null const char*, as `= {}` picks: empty, as a std::string would be
    CHECK(text.empty());
    text = std::string_view("a\0b", 3);  // NUL bytes are text like any other
    CHECK(text.size() == 3);
    CHECK(text.view() == std::string_view("a\0b", 3));
    std::string long_text(100000, 'x');
    text = long_text;
    CHECK(text == long_text);
}

TEST_CASE("packed text copies deep, moves its pointer, and takes a part of itself", "[packed-text]") {
    PackedText a = "slack:C1/1.000100";
    PackedText b = a;
    CHECK(b == a);
    b = "other";
    CHECK(a == "slack:C1/1.000100");
    PackedText c = std::move(b);
    CHECK(c == "other");
    a = a.view().substr(6);  // from its own bytes
    CHECK(a == "C1/1.000100");
    const PackedText& same = a;
    a = same;  // assigned itself
    CHECK(a == "C1/1.000100");
    CHECK((PackedText("a") <=> "b") == std::strong_ordering::less);
    CHECK(PackedText("a") != PackedText("b"));
}

TEST_CASE("an event's packed fields take part in its equality", "[packed-text]") {
    Event a, b;
    a.thread = "1.000100";
    CHECK_FALSE(a == b);
    b.thread = std::string("1.000100");
    CHECK(a == b);
    b.source.vendor = "cloudwatch";
    CHECK_FALSE(a == b);
    CHECK(sizeof(PackedText) == sizeof(void*));
}
