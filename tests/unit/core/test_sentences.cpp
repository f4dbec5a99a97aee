#include <catch2/catch.hpp>

#include "core/message_lines.hpp"
#include "core/sentences.hpp"

using retro::cut_at_word;
using Sentences = std::vector<std::string>;

namespace {

// The sentences' texts; each must be what its bytes say.
Sentences split_sentences(std::string_view text) {
    Sentences out;
    for (const retro::Sentence& s : retro::split_sentences(text)) {
        REQUIRE(s.start < s.end);
        REQUIRE(s.end <= text.size());
        CHECK(retro::collapse_whitespace(text.substr(s.start, s.end - s.start)) == s.text);
        out.push_back(s.text);
    }
    return out;
}

using Rows = std::vector<std::pair<std::string, Sentences>>;

void check_splits(const Rows& rows) {
    for (const auto& [in, out] : rows) {
        INFO(in);
        CHECK(split_sentences(in) == out);
    }
}

}  // namespace

TEST_CASE("sentences end at . ! ? and the quotes that close them") {
    check_splits({
        {"The API is down. We are on it!", {"The API is down.", "We are on it!"}},
        {"Is it Sierra? Maybe.", {"Is it Sierra?", "Maybe."}},
        {"He said \"it is down.\" Then it came back.", {"He said \"it is down.\"", "Then it came back."}},
        {"It failed (again.) Then it worked.", {"It failed (again.)", "Then it worked."}},
        {"Really?! Yes.", {"Really?!", "Yes."}},
        {"no punctuation at all", {"no punctuation at all"}},
        {"  spaced\t  out   words.  ", {"spaced out words."}},
        {"", {}},
        {"\n\n \n", {}},
    });
}

TEST_CASE("abbreviations, initials, numbers and URLs do not end a sentence") {
    check_splits({
        {"Restart the apps, e.g. Sierra and CALM. Then log in.",
         {"Restart the apps, e.g. Sierra and CALM.", "Then log in."}},
        {"Ask Dr. Jones at approx. ten. Done.", {"Ask Dr. Jones at approx. ten.", "Done."}},
        {"J. Smith restarted it.", {"J. Smith restarted it."}},
        {"It was at 11.24. Then 1.5 GB went.", {"It was at 11.24.", "Then 1.5 GB went."}},
        {"Version 2.3.1 is out. Next.", {"Version 2.3.1 is out.", "Next."}},
        {"See https://example.org/a.b?c=d. It is down.", {"See https://example.org/a.b?c=d.", "It is down."}},
        {"See www.example.org/x! Now.", {"See www.example.org/x!", "Now."}},
        {"Sierra, CALM etc. were down. Fixed.", {"Sierra, CALM etc. were down.", "Fixed."}},
        {"Sierra, CALM etc. All down.", {"Sierra, CALM etc.", "All down."}},
        {"Wait... it is back. Good.", {"Wait... it is back.", "Good."}},
        {"Wait\u2026 It is back.", {"Wait\u2026", "It is back."}},
    });
}

TEST_CASE("lines: wrapped lines join, blank lines, bullets and capitals start anew") {
    check_splits({
        {"please restart your laptop and\nrefresh your VPN.", {"please restart your laptop and refresh your VPN."}},
        {"Sierra API issue resolved\nThe API issue appears to be resolved.",
         {"Sierra API issue resolved", "The API issue appears to be resolved."}},
        {"first part\n\nsecond part", {"first part", "second part"}},
        {"Steps:\n* restart\n- refresh\n2. retry", {"Steps:", "restart", "refresh", "retry"}},
        {"From the supplier: \"D&T made a change.\"", {"From the supplier:", "\"D&T made a change.\""}},
        {"Note: it is down.", {"Note: it is down."}},
    });
}

TEST_CASE("only the writer's own words: greetings, quotes, signatures and sign-offs are left out") {
    check_splits({
        {"Hi all,\n\nThe API is down.\n\nThanks,\nCSS\n", {"The API is down."}},
        {"Dear colleagues,\nIt is down.", {"It is down."}},
        {"> It is the firewall.\nI doubt it.", {"I doubt it."}},
        {"I doubt it.\n\nOn Thu, 25 Jul 2024 at 10:14, CSS wrote:\n> It is the firewall.\n", {"I doubt it."}},
        {"Fixed.\n-- \nCollections Systems Support\nPhone 555.", {"Fixed."}},
        {"Fixed.\n-----Original Message-----\nFrom: CSS\nIt is the firewall.", {"Fixed."}},
        {"---------- Forwarded message ---------\nIt is the firewall.", {"It is the firewall."}},
        {"Thanks", {"Thanks"}},
    });
}

TEST_CASE("any bytes split without a crash") {
    const std::string hostile[] = {std::string("\0\0.\0", 4),
                                   "\xFF\xFE. \x80",
                                   std::string(5000, '.'),
                                   "\u2026\u2026\u2026",
                                   ": \"",
                                   "e.g.",
                                   "http://",
                                   "\"\"\"\". ",
                                   "\r\n\r\n"};
    for (const std::string& text : hostile) CHECK_NOTHROW(split_sentences(text));
}

TEST_CASE("a quote shows the sentence without the quotation marks around all of it") {
    CHECK(retro::quotable("\"D&T made a\n change.\"") == "D&T made a change.");
    CHECK(retro::quotable("\u201CIt was DNS.\u201D") == "It was DNS.");
    CHECK(retro::quotable("\"One\" and \"two\"") == "\"One\" and \"two\"");
    CHECK(retro::quotable("\"\"") == "\"\"");
    CHECK(retro::quotable("plain") == "plain");
}

TEST_CASE("a long text is cut on a word boundary with an ellipsis") {
    CHECK(cut_at_word("short enough", 20) == "short enough");
    CHECK(cut_at_word("one two three four", 10) == "one two\u2026");
    CHECK(cut_at_word("one two, three four", 9) == "one two\u2026");
    CHECK(cut_at_word("abcdefghij", 4) == "abcd\u2026");
    CHECK(cut_at_word("\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\u2026");
}

TEST_CASE("message lines: greetings, sign-offs and where the own words end") {
    CHECK(retro::is_greeting_line("Hi all,"));
    CHECK(retro::is_greeting_line("Dear colleagues,"));
    CHECK_FALSE(retro::is_greeting_line("Hi all, the API is down"));
    CHECK(retro::is_sign_off_line("Kind regards,"));
    CHECK_FALSE(retro::is_sign_off_line("Thanks for the fix"));
    CHECK(retro::is_quoted_line("  > quoted"));
    CHECK(retro::ends_own_words("On Thu, 25 Jul 2024, NP wrote:", false));
    CHECK(retro::ends_own_words("-- \r", false));
    CHECK_FALSE(retro::ends_own_words("Thanks,", false));
    CHECK(retro::ends_own_words("Thanks,", true));
}
