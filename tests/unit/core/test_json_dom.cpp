#include <catch2/catch.hpp>

#include "core/json_dom.hpp"
#include "retro/source.hpp"
#include "test_support.hpp"

using namespace retro;

TEST_CASE("syntax errors are located at the first bad byte") {
    struct Row {
        std::string in;
        std::size_t offset;
        std::string reason;
    };
    const std::vector<Row> rows = {
        {R"({"a":1,})", 7, "expected a string key"},
        {R"({"a" 1})", 5, "expected ':'"},
        {R"([1,2)", 4, "unexpected end of input"},
        {R"({"a":tru})", 5, "expected a JSON value"},
        {R"({"a":"x)", 5, "unterminated string"},
        {"{\"a\":\"\x01\"}", 6, "control character in string"},
        {R"({"a":01})", 6, "expected ',' or '}'"},
        {R"({} x)", 3, "unexpected data after the JSON value"},
        {"{\"a\":\"\xC0\xAF\"}", 6, "invalid UTF-8"},
        {R"({"text":"ok \ud800 then"})", 12, "lone surrogate in \\u escape"},
        {R"({"text":"\udc00"})", 9, "lone surrogate in \\u escape"},
    };
    for (const auto& row : rows) {
        INFO(row.in);
        const auto e = json::find_syntax_error(row.in);
        CHECK(e.offset == row.offset);
        CHECK(e.reason == row.reason);
    }
    CHECK(json::find_syntax_error(R"({"a":[1,2,{"b":null}],"c":"\u00e9"})").reason.empty());
    CHECK(json::find_syntax_error(R"({"a":"\ud83d\ude00"})").reason.empty());
}

TEST_CASE("deep nesting is checked without recursion") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(json::find_syntax_error(deep).reason.empty());
    const std::string unclosed(100000, '[');
    CHECK(json::find_syntax_error(unclosed).reason == "unexpected end of input");
}

TEST_CASE("the DOM parser reports invalid records with their position") {
    auto diags = test::quiet_diagnostics();
    json::DomParser parser;
    CHECK(parser.parse(R"({"a": [1, 2]})", {"f.json", 4, 1}, diags, "x.bad-json"));
    CHECK_FALSE(parser.parse("{\"a\":\n  nope}", {"f.json", 4, 1}, diags, "x.bad-json"));
    CHECK_FALSE(parser.parse(std::string(5000, '[') + std::string(5000, ']'), {"g.json", 1, 1}, diags, "x.bad-json"));
    CHECK(test::texts(diags) == std::vector<std::string>{
                                    "f.json:5:3: error: invalid JSON: expected a JSON value [x.bad-json]",
                                    "g.json:1:1: error: invalid JSON: nested too deeply [x.bad-json]",
                                });
}

TEST_CASE("a string with room after its bytes is parsed in place, whatever the room holds") {
    auto diags = test::quiet_diagnostics();
    json::DomParser parser;
    // The room holds bytes that would change the parse if they were read as JSON.
    std::string text = "[1, 2]";
    text.resize(text.size() + read_padding + 8, '"');
    text.resize(6);
    REQUIRE(text.capacity() - text.size() >= read_padding);
    auto root = parser.parse(text, {"f.json", 1, 1}, diags, "x.bad-json");
    REQUIRE(root);
    CHECK(root->get_array().size() == 2);
    std::string cut = "[1, ";
    cut.resize(cut.size() + read_padding, ']');
    cut.resize(4);
    CHECK_FALSE(parser.parse(cut, {"g.json", 1, 1}, diags, "x.bad-json"));
    // Without the room the text is copied first, with the same result.
    std::string small = "[3]";
    small.shrink_to_fit();
    REQUIRE(small.capacity() - small.size() < read_padding);
    auto copied = parser.parse(small, {"h.json", 1, 1}, diags, "x.bad-json");
    REQUIRE(copied);
    CHECK(copied->get_array().at(0).get_int64().value() == 3);
    CHECK(test::texts(diags) ==
          std::vector<std::string>{"g.json:1:5: error: invalid JSON: unexpected end of input [x.bad-json]"});
}

TEST_CASE("accessors accept the types real payloads mix") {
    auto diags = test::quiet_diagnostics();
    json::DomParser parser;
    auto root = parser.parse(
        R"({"s":"x","n":1433558319,"ns":"1433558319","big":1502709956288000110,"f":1.5,"b":true,"z":null,
            "o":{"p":[{"q":"deep"}]}})",
        {"f"}, diags, "x");
    REQUIRE(root);
    CHECK(json::string_member(*root, "s") == "x");
    CHECK_FALSE(json::string_member(*root, "n"));
    CHECK(json::integer_member(*root, "n") == 1433558319);
    CHECK(json::integer_member(*root, "ns") == 1433558319);
    CHECK(json::integer_member(*root, "big") == 1502709956288000110);
    CHECK_FALSE(json::integer_member(*root, "s"));
    CHECK(json::scalar_member_text(*root, "big") == "1502709956288000110");
    CHECK(json::scalar_member_text(*root, "f") == "1.5");
    CHECK(json::bool_member(*root, "b") == true);
    CHECK_FALSE(json::member(*root, "z"));
    auto deep = json::at_path(*root, ".o.p[0].q");
    REQUIRE(deep);
    CHECK(json::scalar_text(*deep) == "deep");
    CHECK_FALSE(json::at_path(*root, ".o.p[1].q"));
    CHECK_FALSE(json::at_path(*root, ".o.missing"));
}

TEST_CASE("locate_key finds a key, not the same text as a value") {
    const std::string bytes = "{\"a\": \"time\",\n \"time\": 5}";
    const auto where = json::locate_key({"f", 1, 1}, bytes, "time");
    CHECK(where.line == 2);
    CHECK(where.column == 2);
}

TEST_CASE("a record with room after it is parsed in place, whatever the bytes after it hold") {
    // Records framed one after another in one buffer, as a batch holds them: each parsed on its own, and a
    // damaged one reported exactly as when it is copied out first. `[[1]` is followed by `]` and `,`, which
    // would complete it: the parser reads them (past the record) and must not take them.
    std::string batch = R"({"a": [1, 2]}[[1]][[1],{"b": "x"})";
    json::DomParser parser;
    const Origin at{"a.ndjson", 2, 1};
    struct Part {
        std::size_t offset, size;
    };
    for (const Part part : {Part{0, 13}, Part{13, 4}, Part{18, 4}, Part{23, 10}}) {
        INFO(batch.substr(part.offset, part.size));
        CHECK_FALSE(json::PaddedText::in(batch, part.offset, part.size));  // no room yet: never in place
        batch.reserve(batch.size() + read_padding);
        auto padded = json::PaddedText::in(batch, part.offset, part.size);
        REQUIRE(padded);
        Diagnostics in_place = test::quiet_diagnostics(), copied = test::quiet_diagnostics();
        auto a = parser.parse(*padded, at, in_place, "x.bad-json");
        const std::string a_text = a ? simdjson::minify(*a) : "";
        auto b = parser.parse(std::string_view(*padded), at, copied, "x.bad-json");
        const std::string b_text = b ? simdjson::minify(*b) : "";
        CHECK(a.has_value() == b.has_value());
        CHECK(a_text == b_text);
        CHECK(test::texts(in_place) == test::texts(copied));
        batch.shrink_to_fit();
    }
    batch.reserve(batch.size() + read_padding);
    Diagnostics diags = test::quiet_diagnostics();
    auto last = parser.parse(*json::PaddedText::in(batch, 23, 10), at, diags, "x.bad-json");
    REQUIRE(last);
    CHECK(json::string_member(*last, "b") == std::optional<std::string_view>("x"));
    CHECK_FALSE(parser.parse(*json::PaddedText::in(batch, 13, 4), at, diags, "x.bad-json"));
    CHECK_FALSE(json::PaddedText::in(batch, 30, 10));  // past the buffer's end
}

TEST_CASE("strings the parser gives are valid UTF-8: a document with invalid bytes or a lone surrogate is refused") {
    // Readers rely on it: a string from the DOM needs no UTF-8 check of its own, only a look for NUL.
    json::DomParser parser;
    for (const std::string bad : {"{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00x\"}", "{\"a\":\"\\ud800\\u0041\"}",
                                  "{\"a\":\"\\ud800\\ud800\"}", "{\"a\":\"\xff\"}", "{\"a\":\"\xc0\xaf\"}"}) {
        INFO(bad);
        Diagnostics diags = test::quiet_diagnostics();
        CHECK_FALSE(parser.parse(bad, Origin{"a.json", 1, 1}, diags, "x.bad-json"));
    }
    Diagnostics diags = test::quiet_diagnostics();
    auto pair =
        parser.parse(std::string(R"({"a":"\ud83d\ude00 x\u0000y"})"), Origin{"a.json", 1, 1}, diags, "x.bad-json");
    REQUIRE(pair);
    CHECK(json::string_member(*pair, "a") ==
          std::optional<std::string_view>(std::string_view("\xf0\x9f\x98\x80 x\0y", 8)));
}

TEST_CASE("a member is the first field of its name, as the parser's own look-up finds it") {
    // Names of one length that share their first byte, or differ only in it; a name written with an escape;
    // the empty name; a name twice (the first counts); null as absent.
    const std::string text =
        R"({"ab": 1, "ac": 2, "bb": 3, "": 4, "a\"b": 5, "dup": 6, "dup": 7, "nil": null, "abc": 8, "x": {"ab": 9}})";
    json::DomParser parser;
    Diagnostics diags = test::quiet_diagnostics();
    auto root = parser.parse(text, Origin{"a.json", 1, 1}, diags, "x.bad-json");
    REQUIRE(root);
    json::Object object;
    REQUIRE_FALSE(root->get(object));
    for (std::string_view name : {"ab", "ac", "bb", "", "a\"b", "dup", "nil", "abc", "x", "a", "abd", "cb", "xx"}) {
        INFO(name);
        auto ours = json::member(*root, name);
        json::Element theirs;
        const bool found = !object.at_key(name).get(theirs) && !theirs.is_null();
        REQUIRE(ours.has_value() == found);
        if (found) CHECK(simdjson::minify(*ours) == simdjson::minify(theirs));
    }
    CHECK(json::integer_member(*root, "dup") == 6);
    CHECK_FALSE(json::member(*root, "nil"));
    CHECK(json::integer_member(*root, "") == 4);
}

TEST_CASE("same_key tells keys apart at every byte, for every length around its word sizes") {
    for (std::size_t n = 0; n <= 20; ++n) {
        INFO(n);
        const std::string key = std::string("abcdefghijklmnopqrstu").substr(0, n);
        std::string copy = key;  // other bytes, the same text
        CHECK(json::same_key(key, copy));
        for (std::size_t at = 0; at < n; ++at) {
            std::string other = key;
            other[at] = static_cast<char>(other[at] ^ 0x20);  // one letter's case
            CHECK_FALSE(json::same_key(key, other));
        }
        CHECK_FALSE(json::same_key(key, key + "x"));
        CHECK_FALSE(json::same_key(key + "x", key));
    }
}
