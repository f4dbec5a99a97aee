// PackedText: an Event field in one pointer that reads, compares and copies like the string it holds.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "retro/event.hpp"
#include "core/recent_texts.hpp"
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

TEST_CASE("packed text copies share their bytes, which live as long as any copy", "[packed-text]") {
    PackedText a = "export.zip!/general/2024-07-01.json";
    PackedText b = a;
    CHECK(b.shares(a));
    PackedText c = std::string(a.view());
    CHECK(c == a);
    CHECK_FALSE(c.shares(a));
    a = "other";  // b still holds the first bytes
    CHECK(b == "export.zip!/general/2024-07-01.json");
    a.clear();
    CHECK(a.empty());
    CHECK_FALSE(a.shares(PackedText{}));  // nothing is not a shared copy
    const PackedText& itself = b;
    b = itself;  // assigned itself: still holds its share
    CHECK(b == c);
    // Copies made and dropped on several threads at once: the count of holders is atomic (the sanitizer
    // build would see a double free or a leak otherwise).
    std::vector<std::thread> threads;
    std::vector<std::vector<PackedText>> kept(4);
    for (std::size_t t = 0; t < kept.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20000; ++i) {
                PackedText copy = c;
                if (i % 100 == 0) kept[t].push_back(copy);
            }
        });
    for (std::thread& t : threads) t.join();
    c.clear();
    for (const auto& copies : kept)
        for (const PackedText& copy : copies) CHECK(copy == "export.zip!/general/2024-07-01.json");
}

TEST_CASE("recent texts hand out one copy of a text they still hold", "[packed-text]") {
    RecentTexts<4> recent;
    const PackedText first = recent.get("a.mbox");
    const PackedText again = recent.get("a.mbox");
    CHECK(again.shares(first));
    CHECK(recent.get("").empty());
    for (int i = 0; i < 50; ++i) recent.get("file-" + std::to_string(i));  // pushes the others out
    const PackedText later = recent.get("a.mbox");
    CHECK(later == "a.mbox");
    CHECK(first == "a.mbox");  // still held by its copies
    RecentTexts<1> one;
    CHECK(one.get("x").shares(one.get("x")));
    CHECK(one.get("y") == "y");
}
