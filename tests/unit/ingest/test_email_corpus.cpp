// The MimeKit corpus (../shared/corpus/email/mimekit): every message ingests; expected values worked out by
// reading the files by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/text_utf8.hpp"
#include "ingest/email_test_helpers.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using retro::test::email::CollectSink;
using retro::test::email::utc;

namespace {

struct Run {
    CollectSink sink;
    retro::Diagnostics diags = retro::test::quiet_diagnostics();
    retro::IngestOptions options;
    void read(const std::string& source) {
        retro::IngestContext context{options, diags, sink};
        retro::read_sources({source}, context);
    }
};

}  // namespace

// issue1189-summary.txt lists the four messages: subjects `Message 1`…`Message 4`, all from
// "Sender" <sender@example.com>, dated Fri, 26 Sep 2025 10:18:40, 10:19:25, 10:19:39 and 10:19:54 -0700
// (17:18:40Z … 17:19:54Z); issue1189.unix-offsets.json puts their headers on lines 2, 23, 54 and 75, so
// the records (each starting at its `From ` line) start on lines 1, 22, 53 and 74.
TEST_CASE("corpus: issue1189.mbox.txt against its summary and offsets") {
    Run run;
    std::string path = retro::test::corpus_path("email/mimekit/issue1189.mbox.txt");
    run.read(path);
    REQUIRE(run.sink.events.size() == 4);
    const retro::Instant times[] = {utc(2025, 9, 26, 17, 18, 40), utc(2025, 9, 26, 17, 19, 25),
                                    utc(2025, 9, 26, 17, 19, 39), utc(2025, 9, 26, 17, 19, 54)};
    const std::uint64_t lines[] = {1, 22, 53, 74};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& e = run.sink.events[i];
        INFO("message " << i + 1);
        CHECK(e.kind == retro::EventKind::email);
        CHECK(e.time == times[i]);
        CHECK(e.text.starts_with("Message " + std::to_string(i + 1) + "\n"));
        CHECK(e.actor == retro::Actor{"", "Sender", "S", "sender@example.com"});
        CHECK(e.source == retro::SourceRef{"mbox", "", retro::Medium::mail, path, lines[i]});
        CHECK(e.channel == "issue1189");
        CHECK(!e.provenance);
    }
    // The plain part of message 1's multipart/alternative is "Body of message 1." (line 13 of the file).
    CHECK(run.sink.events[0].text == "Message 1\nBody of message 1.");
    CHECK(run.sink.events[0].id == "email:<f092d8d2-8781-469e-a1a6-c938087dc1f4@example.com>");
    CHECK(run.diags.all().empty());
}

// simple.mbox.txt: three Netscape `From - ` messages (see test_mbox_splitter.cpp), each dated
// `Fri, 23 Aug 2002 2:32:53 -0400` (one-digit hour) = 06:32:53Z, with no Message-ID.
// unmunged.mbox.txt: two messages with no Date, no Received and bare `From -` lines: no time can be had, so
// each is an `email.no-time` error and a ledger count, never a made-up time.
TEST_CASE("corpus: simple.mbox.txt and unmunged.mbox.txt") {
    Run simple;
    simple.read(retro::test::corpus_path("email/mimekit/simple.mbox.txt"));
    REQUIRE(simple.sink.events.size() == 3);
    for (const auto& e : simple.sink.events) {
        CHECK(e.time == utc(2002, 8, 23, 6, 32, 53));
        CHECK(e.id.starts_with("email:hash-"));
        CHECK(e.actor.email == "fejj@gnome.org");
    }
    CHECK(simple.sink.events[0].text.starts_with("this'll probably break a lot of mime parsers\nHello world.\n"));
    CHECK(simple.sink.events[2].text.starts_with("if a mime parser can correctly handle this, I'm impressed\n"));

    Run unmunged;
    unmunged.read(retro::test::corpus_path("email/mimekit/unmunged.mbox.txt"));
    CHECK(unmunged.sink.events.empty());
    CHECK(unmunged.sink.dropped == std::map<std::string, std::uint64_t>{{"no usable time", 2}});
    CHECK(unmunged.diags.count("email.no-time") == 2);
}

// Every file in messages/ is one message. By `grep -c '^Date:'` and `grep -c '^Received:'`, three have
// neither (delivery-status2.txt, multipart-related-mhtml.txt, rfc2060.txt): those are counted as
// "no usable time"; every other file gives exactly one event.
TEST_CASE("corpus: every message in messages/ ingests") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(retro::test::corpus_path("email/mimekit/messages")))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 32);
    const std::set<std::string> no_time = {"delivery-status2.txt", "multipart-related-mhtml.txt", "rfc2060.txt"};
    for (const auto& file : files) {
        INFO(file.filename().string());
        Run run;
        REQUIRE_NOTHROW(run.read(file.string()));
        if (no_time.count(file.filename().string())) {
            CHECK(run.sink.events.empty());
            CHECK(run.sink.dropped == std::map<std::string, std::uint64_t>{{"no usable time", 1}});
        } else {
            REQUIRE(run.sink.events.size() == 1);
            CHECK(retro::is_valid_utf8(run.sink.events[0].text));
            CHECK(run.diags.count(retro::Severity::error) == 0);
        }
    }
}

TEST_CASE("corpus: single messages worked out by hand") {
    auto one = [](const std::string& name) {
        Run run;
        run.read(retro::test::corpus_path("email/mimekit/messages/" + name));
        REQUIRE(run.sink.events.size() == 1);
        return std::make_pair(run.sink.events[0], retro::test::texts(run.diags));
    };
    // The body's first paragraph is English, the second four short ISO-2022-JP lines (joined with spaces).
    SECTION("japanese.txt: an ISO-2022-JP subject split over two encoded words; body in ISO-2022-JP") {
        auto [e, diags] = one("japanese.txt");
        // Date: Wed, 22 Jul 2015 01:02:29 +0900 → 2015-07-21T16:02:29Z.
        CHECK(e.time == utc(2015, 7, 21, 16, 2, 29));
        CHECK(e.text ==
              "\u65e5\u672c\u8a9e\u30e1\u30fc\u30eb\u30c6\u30b9\u30c8 (testing Japanese emails)\n"
              "Let's see if both subject and body works fine...\n"
              "\u65e5\u672c\u8a9e\u304c \u6b63\u5e38\u306b \u9001\u308c\u3066\u3044\u308b\u304b "
              "\u30c6\u30b9\u30c8.");
        CHECK(e.actor == retro::Actor{"", "Atsushi Eno", "AE", "x@x.com"});
        CHECK(diags.empty());
    }
    SECTION("issue358.txt: Italian reply prefixes, a folded References header") {
        auto [e, diags] = one("issue358.txt");
        CHECK(e.id == "email:<AM4PR01MB1444B3F21AE7DA9C8128C28FF7290@AM4PR01MB1444.eurprd01.prod.exchangelabs.com>");
        // References: <AM4PR01MB1444920F…> folded onto <5185e377…>: the first is the thread root.
        CHECK(e.thread == "<AM4PR01MB1444920F2AF5B6F4856FEA13F7290@AM4PR01MB1444.eurprd01.prod.exchangelabs.com>");
        CHECK(e.time == utc(2017, 11, 15, 14, 16, 14));  // Date: Wed, 15 Nov 2017 14:16:14 +0000
        CHECK(e.text.starts_with("R: R: R: I: FR-selca LA selcaE\n"));
        CHECK(e.actor.name == "jang.abcdef@xyzlinu");
        CHECK(e.actor.email == "jang.abcdef@xyzlinux12345678.it");
    }
    SECTION("epilogue.txt: a two-digit year") {
        auto [e, diags] = one("epilogue.txt");
        CHECK(e.time == utc(1995, 5, 7, 16, 21, 3));  // Date: Sun, 7 May 95 16:21:03 GMT
        CHECK(e.time_raw == "Sun, 7 May 95 16:21:03 GMT");
    }
    SECTION("delivery-status-multiple-blank-lines.txt: no Date, a folded Received") {
        auto [e, diags] = one("delivery-status-multiple-blank-lines.txt");
        // Received: … id 15.0.1044.25; Tue, 21 Jul 2022 11:00:55 -0400 (lines 1–3) → 15:00:55Z.
        CHECK(e.time == utc(2022, 7, 21, 15, 0, 55));
        CHECK(e.provenance.or_empty().time_fallback == "received");
        REQUIRE(diags.size() == 1);
        CHECK(
            diags[0].ends_with(":1:1: warning: no Date header; time taken from the first Received header "
                               "[email.no-date]"));
    }
    SECTION("body.2.txt: HTML only") {
        auto [e, diags] = one("body.2.txt");
        CHECK(e.text == "MimeMessage.TextBody and HtmlBody tests\nThis is an html body.");
    }
}
