#include <catch2/catch.hpp>

#include "core/json_writer.hpp"

using namespace retro;

TEST_CASE("JSON strings are escaped per RFC 8259 and invalid UTF-8 is replaced") {
    struct Row {
        std::string in, out;
    };
    const std::vector<Row> rows = {
        {"plain", R"("plain")"},
        {"q\"b\\s/", R"("q\"b\\s/")"},
        {"\n\r\t\b\f", R"("\n\r\t\b\f")"},
        {std::string("\x01\x1f", 2), R"("\u0001\u001f")"},
        {std::string("nul\0x", 5), R"("nul\u0000x")"},
        {"caf\xC3\xA9 \xF0\x9F\x93\x8C", "\"caf\xC3\xA9 \xF0\x9F\x93\x8C\""},
        {"bad \xC3 byte", "\"bad \xEF\xBF\xBD byte\""},
        {"overlong \xC0\xAF", "\"overlong \xEF\xBF\xBD\xEF\xBF\xBD\""},
        {"surrogate \xED\xA0\x80", "\"surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
    };
    for (const auto& row : rows) {
        std::string out;
        json::append_string(out, row.in);
        CHECK(out == row.out);
    }
}

TEST_CASE("the writer keeps the caller's key order and separates values") {
    std::string out;
    json::Writer w(out);
    w.begin_object().key("b").value(1).key("a").begin_array().value("x").value(true).null().end_array();
    w.key("d").value(2.5).key("nan").value(std::numeric_limits<double>::quiet_NaN()).end_object();
    CHECK(out == R"({"b":1,"a":["x",true,null],"d":2.5,"nan":null})");
}

TEST_CASE("string values in a row, plain, empty, escaped and not ASCII, each after its comma", "[json][writer]") {
    std::string out;
    json::Writer w(out);
    w.begin_array().value("plain").value("").value("say \"hi\"").value("caf\xc3\xa9").value("bad \xff").value("end");
    w.end_array();
    CHECK(out == "[\"plain\",\"\",\"say \\\"hi\\\"\",\"caf\xc3\xa9\",\"bad \xef\xbf\xbd\",\"end\"]");
}

TEST_CASE("escaping finds a special byte at any position of a long string", "[json][writer]") {
    const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\x01'), std::string(1, '\x1f'), "\xc3\xa9",
                                    "\xff"};
    const std::string expected[] = {"\\\"", "\\\\", "\\n", "\\u0001", "\\u001f", "\xc3\xa9", "\xef\xbf\xbd"};
    for (std::size_t k = 0; k < std::size(specials); ++k)
        for (std::size_t at = 0; at < 20; ++at) {
            const std::string text = std::string(at, 'a') + specials[k] + std::string(19 - at, ' ');
            std::string out;
            json::append_string(out, text);
            CHECK(out == "\"" + std::string(at, 'a') + expected[k] + std::string(19 - at, ' ') + "\"");
        }
    // Bytes just around the special ranges pass unescaped.
    const std::string plain = "\x20\x21\x23\x5b\x5d\x7f plain text, longer than a word";
    std::string out;
    json::append_string(out, plain);
    CHECK(out == "\"" + plain + "\"");
}

TEST_CASE("keys: short plain ones in one piece, others escaped, and integers at their extremes", "[json][writer]") {
    std::string out;
    json::Writer w(out);
    const std::string long_key(60, 'k');
    w.begin_object().key("a\"b").value(std::int64_t{-9223372036854775807 - 1});
    w.key(long_key).value(std::uint64_t{18446744073709551615u}).key("caf\xC3\xA9").value(0);
    w.key("").value(std::int64_t{-1}).key("nested").begin_object().key("x").value("y").end_object().end_object();
    CHECK(out == "{\"a\\\"b\":-9223372036854775808,\"" + long_key +
                     "\":18446744073709551615,\"caf\xC3\xA9\":0,\"\":-1,\"nested\":{\"x\":\"y\"}}");
}

TEST_CASE("a byte that needs escaping is found at any place in strings and keys of any length") {
    // The plain check reads 16 bytes at a time where there are 16, the last 16 overlapping the ones before;
    // shorter texts as whole words, then the last bytes as one word overlapping the ones before (two 4-byte
    // halves below 8 bytes, a padded word below 4): each special byte at each place, for every length around
    // those sizes, in a value and in a key.
    const std::vector<std::pair<std::string, std::string>> specials = {
        {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {std::string(1, '\0'), "\\u0000"}, {"\x1f", "\\u001f"},
        {"\xc3\xa9", "\xc3\xa9"}, {"\xff", "\xef\xbf\xbd"}};
    for (std::size_t n = 1; n <= 40; ++n) {
        for (std::size_t at = 0; at < n; ++at) {
            for (const auto& [raw, escaped] : specials) {
                std::string text(n - 1, 'x');
                text.insert(at, raw);
                std::string expected = std::string(n - 1, 'x');
                expected.insert(at, escaped);
                INFO(n << " " << at << " " << escaped);
                std::string value;
                json::append_string(value, text);
                CHECK(value == "\"" + expected + "\"");
                std::string keyed;
                json::Writer(keyed).begin_object().key(text).value(1).end_object();
                CHECK(keyed == "{\"" + expected + "\":1}");
            }
        }
        std::string plain(n, '~');  // 0x7e, the last byte that needs nothing
        std::string out;
        json::append_string(out, plain);
        CHECK(out == "\"" + plain + "\"");
    }
}
