#include <catch2/catch.hpp>

#include "core/text_utf8.hpp"

using namespace retro;

TEST_CASE("UTF-8 validation rejects overlong forms, surrogates and truncation") {
    CHECK(is_valid_utf8("ascii"));
    CHECK(is_valid_utf8("\xC3\xA9\xE2\x80\x99\xF0\x9F\x93\x8C"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x80"));          // truncated
    CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("repair replaces each bad byte and drops NULs") {
    CHECK(repair_utf8(std::string("a\0b", 3)) == "ab");
    CHECK(repair_utf8("x\xFFy") == "x\xEF\xBF\xBDy");
    CHECK(repair_utf8("\xE2\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(repair_utf8("\xC3\xA9") == "\xC3\xA9");
}

TEST_CASE("globs match channel names") {
    CHECK(glob_match("wc-*", "wc-platform-alerts"));
    CHECK(glob_match("*alerts", "wc-platform-alerts"));
    CHECK(glob_match("w?-*-alerts", "wc-platform-alerts"));
    CHECK_FALSE(glob_match("wc-*", "general"));
    CHECK(glob_match("*", ""));
    CHECK_FALSE(glob_match("a*b*c*d*e*f*g", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

TEST_CASE("small text helpers") {
    CHECK(trim("  a b \r\n") == "a b");
    CHECK(to_lower_ascii("AbC") == "abc");
    CHECK(iequals_ascii("GMT", "gmt"));
    CHECK(starts_with_icase("Re: x", "re:"));
    std::string s;
    append_utf8(s, U'\u00e9');
    append_utf8(s, 0x1F4CC);
    append_utf8(s, 0xD800);
    CHECK(s == "\xC3\xA9\xF0\x9F\x93\x8C\xEF\xBF\xBD");
}

TEST_CASE("escape_controls quotes control characters as ls -b and git do") {
    CHECK(escape_controls("plain café") == "plain café");
    CHECK(escape_controls("a\nb\rc\td\x1b[31me\x7f") == "a\\nb\\rc\\td\\x1b[31me\\x7f");
    CHECK(escape_controls("csi \xc2\x9b" "31m, nbsp \xc2\xa0") == "csi \\u009b31m, nbsp \xc2\xa0");
    CHECK(escape_controls("bad \xff") == "bad \xef\xbf\xbd");
}

TEST_CASE("chat short codes at the start of a text") {
    CHECK(retro::short_code_end(":x: down", 0) == 3);
    CHECK(retro::short_code_end(":white_check_mark: up", 0) == 18);
    CHECK(retro::short_code_end(":+1:", 0) == 4);
    CHECK(retro::short_code_end("a :x:", 2) == 5);
    CHECK(retro::short_code_end("::", 0) == 0);             // no name
    CHECK(retro::short_code_end(":not a code:", 0) == 0);   // spaces
    CHECK(retro::short_code_end("10:30 went down", 2) == 2);
    CHECK(retro::without_leading_short_codes(" :x: :fire: Updown alert DOWN: a") == "Updown alert DOWN: a");
    CHECK(retro::without_leading_short_codes("OK: \"api\"") == "OK: \"api\"");
    CHECK(retro::without_leading_short_codes(":x:") == "");
}

TEST_CASE("repair finds a NUL or a byte of 0x80 or more wherever it falls in eight-byte words") {
    // repair_utf8 copies plain ASCII runs whole, found eight bytes at a time: an odd byte at each place of
    // texts around that size is removed (NUL) or replaced (invalid UTF-8), and the rest kept.
    for (std::size_t size = 1; size <= 20; ++size) {
        for (std::size_t at = 0; at < size; ++at) {
            for (char odd : {'\0', '\x80', '\xc3', '\xff'}) {
                std::string s(size, 'a');
                s[at] = odd;
                INFO("size " << size << ", odd byte at " << at);
                const std::string replaced = odd == '\0' ? "" : "\xEF\xBF\xBD";
                CHECK(repair_utf8(s) == std::string(at, 'a') + replaced + std::string(size - at - 1, 'a'));
            }
        }
        CHECK(repair_utf8(std::string(size, '\x01')) == std::string(size, '\x01'));
        CHECK(repair_utf8(std::string(size, 'a')) == std::string(size, 'a'));  // plain: returned unchanged
    }
}
