// Redaction: a table of texts and what the draft writes for them; spans follow the words they marked.
#include <catch2/catch.hpp>

#include "render/redaction.hpp"

using namespace retro;
using render::redact_text;
using render::RedactionCounts;

TEST_CASE("secrets and personal data are replaced, identifiers and URLs survive", "[render][redact]") {
    People people;
    people.add("rachel.cooper@wellcome.example", Person{"Rachel Cooper", "RC"});
    struct Case {
        const char* text;
        const char* redacted;
    };
    const Case cases[] = {
        {"token xoxb-123456789012-1234567890123-abcdefghijABCDEFGHIJklmn here", "token [redacted: slack-token] here"},
        {"key AKIAIOSFODNN7EXAMPLE", "key [redacted: aws-key]"},
        {"ghp_abcdefghijklmnopqrstuvwxyz0123456789", "[redacted: github-token]"},
        {"Authorization: Bearer abcdef0123456789abcdef", "Authorization: Bearer [redacted: bearer-token]"},
        {"https://hooks.example/x?t=abcdef123456", "https://hooks.example/x?t=[redacted: url-token]"},
        {"https://deploy:hunter2pass@git.example/repo", "https://deploy:[redacted: url-password]@git.example/repo"},
        {"ask rachel.cooper@wellcome.example", "ask Rachel Cooper"},
        {"ask jane.doe@wellcome.ac.uk", "ask [redacted: email]"},
        {"write to support@wellcome.example", "write to support@wellcome.example"},
        {"call 07700 900123", "call [redacted: phone]"},
        {"sierra-adapter-20200604-sierra-reader-orders", "sierra-adapter-20200604-sierra-reader-orders"},
        {"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609",
         "https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        RedactionCounts counts;
        CHECK(redact_text(c.text, {}, people, counts).text == c.redacted);
    }
}

TEST_CASE("spans move with the text and link URLs are redacted too", "[render][redact]") {
    const std::string text = "call 07700 900123 then see https://x.example/a?token=abcdef123456";
    const std::size_t url = text.find("https");
    const std::vector<Span> spans{Span{0, 4, SpanType::bold, ""},
                                  Span{url, text.size(), SpanType::link, text.substr(url)}};
    RedactionCounts counts;
    const render::RedactedText r = redact_text(text, spans, People{}, counts);
    CHECK(r.text == "call [redacted: phone] then see https://x.example/a?token=[redacted: url-token]");
    REQUIRE(r.spans.size() == 2);
    CHECK(r.text.substr(r.spans[0].start, r.spans[0].end - r.spans[0].start) == "call");
    CHECK(r.text.substr(r.spans[1].start, r.spans[1].end - r.spans[1].start) == r.spans[1].url);
    CHECK(r.spans[1].url == "https://x.example/a?token=[redacted: url-token]");
    CHECK(counts.by_kind == std::map<std::string, std::uint64_t>{{"phone", 1}, {"url-token", 1}});
    CHECK(render::redaction_summary(counts) ==
          "retro: redacted 2 items (1 phone, 1 url-token); --no-redact keeps them");
    CHECK(render::redaction_summary(RedactionCounts{}).empty());
}

TEST_CASE("a cause quote is redacted with the text it was said in around it, counted once", "[render][redact]") {
    const std::string token =
        "IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQDk7x0pbBs2k9yZ+Wq3nS1vR0f5tL8uH2cA4eN6mJ0p";
    TimelineEntry e;
    e.text = "It broke due to this: {\"SessionToken\": \"" + token + "\"}";
    e.event_ids = {"x:1"};
    Timeline t;
    t.entries = {e};
    const std::size_t value = e.text.find("\"" + token);
    // Alone, the value does not say it is a session token: the text around it does.
    t.cause_quotes = {CauseQuote{"\"" + token + "\"}", {"due to"}, {}, EventKind::message, "ops", "AB", "Ann Bee",
                                 "x:1", value, e.text.size()}};
    RedactionCounts counts;
    const Timeline redacted = redact_timeline(t, People{}, counts);
    CHECK(redacted.cause_quotes[0].text == "\"[redacted: aws-key]\"}");
    CHECK(counts.by_kind == std::map<std::string, std::uint64_t>{{"aws-key", 1}});
    // Without its bytes in the text (a timeline made elsewhere), the quote is redacted alone.
    t.cause_quotes[0].text = "call +44 20 7611 2222";
    t.cause_quotes[0].end = 0;
    CHECK(redact_timeline(t, People{}, counts).cause_quotes[0].text == "call [redacted: phone]");
}

TEST_CASE("a long timeline is redacted whole: every entry, its continuations, and one tally", "[render][redact]") {
    // More entries than one slice of the work (1,024), so they are redacted on several threads.
    Timeline t;
    for (int i = 0; i < 2500; ++i) {
        TimelineEntry e;
        e.text = "key AKIAIOSFODNN7EXAMPLE in entry " + std::to_string(i);
        if (i % 1000 == 999) {
            TimelineEntry c;
            c.text = "call 07700 900123";
            e.continuations.push_back(std::move(c));
        }
        t.entries.push_back(std::move(e));
    }
    RedactionCounts counts;
    const Timeline redacted = render::redact_timeline(t, People{}, counts);
    for (int i = 0; i < 2500; ++i)
        REQUIRE(redacted.entries[static_cast<std::size_t>(i)].text ==
                "key [redacted: aws-key] in entry " + std::to_string(i));
    CHECK(redacted.entries[999].continuations.at(0).text == "call [redacted: phone]");
    CHECK(redacted.entries[1999].continuations.at(0).text == "call [redacted: phone]");
    CHECK(counts.by_kind == std::map<std::string, std::uint64_t>{{"aws-key", 2500}, {"phone", 2}});
}

TEST_CASE("the changes weighed as causes are redacted too, and one not shown is counted", "[render][redact]") {
    Timeline t;
    ChangeCandidate shown, lead_up;
    shown.entry.text = "deploy with key AKIAIOSFODNN7EXAMPLE";
    shown.shown = true;
    t.entries.push_back(shown.entry);
    lead_up.entry.text = "merged: rotate ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    t.changes = {shown, lead_up};
    RedactionCounts counts;
    const Timeline redacted = render::redact_timeline(t, People{}, counts);
    CHECK(redacted.changes[0].entry.text == "deploy with key [redacted: aws-key]");
    CHECK(redacted.changes[1].entry.text == "merged: rotate [redacted: github-token]");
    // The shown change is counted once, as the entry it is.
    CHECK(counts.by_kind == std::map<std::string, std::uint64_t>{{"aws-key", 1}, {"github-token", 1}});
}
