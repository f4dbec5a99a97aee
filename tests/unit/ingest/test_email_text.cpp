// Mail text helpers: subject normalisation for threading, HTML to text, body summaries.
#include <catch2/catch.hpp>

#include "ingest/email/mail_text.hpp"

using namespace retro::ingest::email;

TEST_CASE("reply and forward prefixes and [EXTERNAL] tags are removed for threading") {
    const std::pair<const char*, const char*> rows[] = {
        {"Re: Sierra", "Sierra"},
        {"RE: Re: FW: Sierra", "Sierra"},
        {"Fwd: Sierra", "Sierra"},
        {"AW: SV: Sierra", "Sierra"},
        {"R: R: R: I: FR-selca LA selcaE", "FR-selca LA selcaE"},  // MimeKit issue358.txt
        {"[EXTERNAL] Re: Sierra  API", "Sierra API"},
        {"Re[2]: Sierra", "Sierra"},
        {"re : Sierra", "Sierra"},
        {"Reply needed: Sierra", "Reply needed: Sierra"},
        {"Iceland: Sierra", "Iceland: Sierra"},
        {"Sierra", "Sierra"},
        {"", ""},
    };
    for (auto [in, out] : rows) {
        INFO(in);
        CHECK(normalize_subject(in) == out);
    }
}

TEST_CASE("HTML becomes plain text") {
    CHECK(html_to_text("<p>One&nbsp;two</p><p>three &lt;four&gt;</p>") == "One two\n\nthree <four>");
    CHECK(html_to_text("<div>a<br>b</div><script>var x = '<p>';</script><!-- c -->") == "a\nb");
    CHECK(html_to_text("<p>kept</p><blockquote><p>quoted</p></blockquote>&#x2013;&#8212;") == "kept\n\u2013\u2014");
    CHECK(html_to_text("a &bogus; b") == "a &bogus; b");
}

TEST_CASE("the summary keeps the first meaningful paragraphs") {
    CHECK(summarize_body("Hi all,\n\nFirst line\ncontinues here.\n\nSecond paragraph.\n\nThird.\n") ==
          "First line continues here.\nSecond paragraph.");
    CHECK(summarize_body("Hello world.\n") == "Hello world.");
    CHECK(summarize_body("Done.\n\nKind regards,\nCSS\n") == "Done.");
    CHECK(summarize_body("Done.\n\n-- \nsig\n") == "Done.");
    CHECK(summarize_body("> quoted only\n") == "");
    CHECK(summarize_body("Update below.\nOn Thu, 25 Jul 2024, NP wrote:\n> hi\n") == "Update below.");
    CHECK(summarize_body(std::string(700, 'x'), 2, 10) == "xxxxxxxxxx\u2026");
    CHECK(summarize_body("\xC3\xA9\xC3\xA9\xC3\xA9", 2, 3) == "\xC3\xA9\u2026");
}
