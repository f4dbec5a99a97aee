// Outlook .msg files (issue 19 item 4): the real sample, MAPI properties as an .eml of the message would
// read, the time fallbacks, code pages, detection, case folders, and damaged or foreign OLE2 files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "ingest/email/msg_compound.hpp"
#include "ingest/email/msg_ingester.hpp"
#include "ingest/email/msg_message.hpp"
#include "ingest/email_test_helpers.hpp"
#include "io/byte_streams.hpp"
#include "io/open_input.hpp"
#include "msg_test_support.hpp"
#include "test_support.hpp"

using namespace retro;
using retro::test::email::CollectSink;
using retro::test::email::utc;
namespace fs = std::filesystem;

namespace {

constexpr std::uint16_t systime = 0x0040;

const std::string sample_path = test::corpus_path("third-party/email/mailparser-mail_outlook_1.msg");

struct MsgRun {
    CollectSink sink;
    Diagnostics diags = test::quiet_diagnostics();
    std::vector<std::string> diagnostics() const { return test::texts(diags); }
};

// Reads `bytes` as the file `name` with the msg row (as `msg:name` would).
std::unique_ptr<MsgRun> run_msg(std::string_view bytes, std::string name = "m.msg") {
    auto run = std::make_unique<MsgRun>();
    Input input;
    input.name = std::move(name);
    const std::size_t head = std::min(bytes.size(), io::head_size);
    input.head = std::string(bytes.substr(0, head));
    input.stream = std::make_unique<io::MemoryStream>(std::string(bytes.substr(head)));
    IngestOptions options;
    ingest::email::ingest_msg(input, {options, run->diags, run->sink});
    return run;
}

// A message as Outlook stores one it sent (no transport headers): subject, sender, body and times.
std::vector<test::OleStream> sent_message(std::vector<test::FixedProperty> times) {
    return {test::unicode_property(0x0037, "Catalogue API errors after the deploy"),
            test::unicode_property(0x0C1A, "Stefan Brychta"),
            test::unicode_property(0x0C1E, "SMTP"),
            test::unicode_property(0x0C1F, "stefan@example.org"),
            test::unicode_property(0x1000, "Hi all,\r\n\r\nThe catalogue API returns 502 since 10:05.\r\n"),
            test::unicode_property(0x1035, "<msg-1@example.org>"),
            test::properties_stream(times)};
}

}  // namespace

TEST_CASE("msg corpus: the Outlook sample reads as its transport headers and properties say") {
    // mailparser-mail_outlook_1.msg, read with a small CFB script: transport headers (0x007D) with Date Mon,
    // 18 Sep 2017 12:00:18 +0200 (10:00:18Z), Message-ID <20170918100018.6AE0948009C@www.w-vwa.de>,
    // From <NueblingV@w-vwa.de> (no display name); PR_SUBJECT "Newsletter Prüfung Personalwesen / Prüfung
    // Eröffnungsbilanz"; PR_CLIENT_SUBMIT_TIME 10:00:18Z and PR_MESSAGE_DELIVERY_TIME 10:00:28Z (unused: Date
    // wins); PR_BODY opens "Wenn Sie diesen Newsletter nicht lesen können…".
    auto run = run_msg(test::read_file(sample_path), sample_path);
    CHECK(run->diagnostics().empty());
    REQUIRE(run->sink.events.size() == 1);
    const Event& e = run->sink.events[0];
    CHECK(e.id == "email:<20170918100018.6AE0948009C@www.w-vwa.de>");
    CHECK(e.time == utc(2017, 9, 18, 10, 0, 18));
    CHECK(e.time_raw == "Mon, 18 Sep 2017 12:00:18 +0200");
    CHECK(e.provenance.or_empty().time_fallback.empty());
    CHECK(e.kind == EventKind::email);
    CHECK(e.source == SourceRef{"msg", "", Medium::mail, sample_path, 1});
    CHECK(e.actor.email == "NueblingV@w-vwa.de");
    CHECK(e.actor.name.empty());
    CHECK(e.text.starts_with("Newsletter Prüfung Personalwesen / Prüfung Eröffnungsbilanz\nWenn Sie diesen Newsletter"));
    CHECK(e.thread == "<20170918100018.6AE0948009C@www.w-vwa.de>");
}

TEST_CASE("msg: a message without transport headers is timed by its client submit time, else delivery") {
    const std::int64_t submitted = 1721902500;  // 2024-07-25T10:15:00Z
    const std::int64_t delivered = 1721902507;  // 2024-07-25T10:15:07Z
    auto both = run_msg(test::make_compound_file(
        sent_message({{0x0039, systime, test::filetime_of(submitted)}, {0x0E06, systime, test::filetime_of(delivered)}})));
    CHECK(both->diagnostics() == std::vector<std::string>{"m.msg: warning: no Date header; time taken from the client "
                                                          "submit time (PR_CLIENT_SUBMIT_TIME) [email.no-date]"});
    REQUIRE(both->sink.events.size() == 1);
    const Event& e = both->sink.events[0];
    CHECK(e.time == utc(2024, 7, 25, 10, 15, 0));
    CHECK(e.provenance.or_empty().time_fallback == "client-submit-time");
    CHECK(e.time_raw == "FILETIME " + std::to_string(test::filetime_of(submitted)));
    CHECK(e.id == "email:<msg-1@example.org>");
    CHECK(e.actor.name == "Stefan Brychta");
    CHECK(e.actor.email == "stefan@example.org");
    CHECK(e.actor.initials == "SB");
    CHECK(e.text == "Catalogue API errors after the deploy\nThe catalogue API returns 502 since 10:05.");

    auto delivery = run_msg(test::make_compound_file(sent_message({{0x0E06, systime, test::filetime_of(delivered)}})));
    REQUIRE(delivery->sink.events.size() == 1);
    CHECK(delivery->sink.events[0].time == utc(2024, 7, 25, 10, 15, 7));
    CHECK(delivery->sink.events[0].provenance.or_empty().time_fallback == "delivery-time");

    // No time at all: no event, the e-mail ingesters' error.
    auto none = run_msg(test::make_compound_file(sent_message({})));
    CHECK(none->sink.events.empty());
    CHECK(none->diagnostics() == std::vector<std::string>{"m.msg: error: no Date header and no Received, mbox or "
                                                          "Maildir time; message skipped [email.no-time]"});
    CHECK(none->sink.dropped.at("no usable time") == 1);
}

TEST_CASE("msg: the same message as .msg and as .eml is the same event, bar its source") {
    const std::string headers =
        "Received: from mx.example.org by mail.example.org; Thu, 25 Jul 2024 11:15:09 +0100\r\n"
        "From: Stefan Brychta <stefan@example.org>\r\n"
        "To: platform@example.org\r\n"
        "Subject: =?UTF-8?Q?Catalogue_API_errors_=E2=80=93_update?=\r\n"
        "Date: Thu, 25 Jul 2024 11:15:00 +0100\r\n"
        "Message-ID: <msg-2@example.org>\r\n"
        "In-Reply-To: <msg-1@example.org>\r\n"
        "References: <msg-1@example.org>\r\n"
        "Content-Type: multipart/alternative; boundary=\"b1\"\r\n"
        "MIME-Version: 1.0\r\n";
    const std::string body = "Hello,\r\n\r\nRolled back at 11:10, errors stopped.\r\n";
    auto msg = run_msg(test::make_compound_file({
        test::unicode_property(0x007D, headers),
        test::unicode_property(0x0037, "Catalogue API errors \xE2\x80\x93 update"),
        test::unicode_property(0x0C1A, "Brychta, Stefan"),  // Outlook's own display form: From wins
        test::unicode_property(0x1000, body),
        test::properties_stream({{0x0039, systime, test::filetime_of(1721902500)}}),
    }));
    CHECK(msg->diagnostics().empty());
    REQUIRE(msg->sink.events.size() == 1);

    const std::string eml = headers.substr(0, headers.find("Content-Type")) +
                            "Content-Type: text/plain; charset=utf-8\r\nMIME-Version: 1.0\r\n\r\n" + body;
    Diagnostics diags = test::quiet_diagnostics();
    auto from_eml = test::email::parse(eml, diags);
    REQUIRE(from_eml);
    Event a = msg->sink.events[0], b = *from_eml;
    CHECK(a.source.kind == "msg");
    CHECK(b.source.kind == "eml");
    a.source = b.source = {};
    CHECK(a == b);
    CHECK(a.id == "email:<msg-2@example.org>");
    CHECK(a.thread == "<msg-1@example.org>");
    CHECK(a.actor.name == "Stefan Brychta");
    CHECK(a.text == "Catalogue API errors \xE2\x80\x93 update\nRolled back at 11:10, errors stopped.");
}

TEST_CASE("msg: 8-bit strings in the message's code page, Exchange senders, HTML-only bodies") {
    auto run = run_msg(test::make_compound_file({
        test::string8_property(0x0037, "R\xE9sum\xE9 of the outage"),
        test::string8_property(0x0C1A, "Jos\xE9 Garc\xED" "a"),
        test::string8_property(0x0C1E, "EX"),
        test::string8_property(0x0C1F, "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=JGARCIA"),
        {"__substg1.0_10130102", "<html><body><p>The queue is <b>draining</b> again.</p></body></html>"},
        test::properties_stream({{0x3FDE, 0x0003, 1252}, {0x0039, systime, test::filetime_of(1721902500)}}),
    }));
    REQUIRE(run->sink.events.size() == 1);
    const Event& e = run->sink.events[0];
    CHECK(e.actor.name == "Jos\xC3\xA9 Garc\xC3\xAD" "a");
    CHECK(e.actor.email.empty());  // an X.500 path is no mail address
    CHECK(e.text == "R\xC3\xA9sum\xC3\xA9 of the outage\nThe queue is draining again.");
    CHECK(e.id.starts_with("email:hash-"));
}

TEST_CASE("msg: MAPI value helpers") {
    using namespace retro::ingest::email;
    CHECK(utf16le_to_utf8(std::string("A\0\xE9\0=\xD8\0\xDE\0\0", 10)) == "A\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(utf16le_to_utf8(std::string("\x00\xD8x\0", 4)) == "\xEF\xBF\xBDx");  // unpaired surrogate
    CHECK(filetime_to_instant(test::filetime_of(0)) == Instant{});
    CHECK(!filetime_to_instant(0));
    CHECK(!filetime_to_instant(0x7FFFFFFFFFFFFFFFull));
    CHECK(code_page_charset(65001) == "UTF-8");
    CHECK(code_page_charset(28591) == "ISO-8859-1");
    CHECK(code_page_charset(1252) == "CP1252");
}

TEST_CASE("msg detection: the OLE2 magic and a .msg name or a property stream in the head") {
    using namespace retro::ingest::email;
    auto probe = [](std::string_view name, std::string_view head) { return Probe{name, head, nullptr}; };
    const std::string sample = test::read_file(sample_path).substr(0, io::head_size);
    CHECK(detect_msg(probe("mail.msg", sample)) == 90);
    CHECK(detect_msg(probe("MAIL.MSG", sample)) == 90);
    CHECK(detect_msg(probe("mail.bin", sample)) == 85);  // its directory, in the head, names __substg1.0_ streams
    const std::string doc = test::make_compound_file({{"WordDocument", std::string(600, 'x')}});
    CHECK(detect_msg(probe("report.doc", doc)) == 0);
    CHECK(detect_msg(probe("report.msg", doc)) == 90);  // named .msg: read, and refused with a diagnostic
    CHECK(detect_msg(probe("m.msg", "From: a@b\nSubject: x\n\nbody")) == 0);
}

TEST_CASE("msg: foreign, damaged and truncated files are one diagnostic each, never a crash") {
    // A Word document saved as .msg: an OLE2 file with no MAPI property streams.
    auto doc = run_msg(test::make_compound_file({{"WordDocument", std::string(600, 'x')}}), "report.msg");
    CHECK(doc->sink.events.empty());
    CHECK(doc->diagnostics() == std::vector<std::string>{
                                    "report.msg: error: an OLE2 compound document without MAPI message properties (a "
                                    "Word, Excel or PowerPoint file?), not an Outlook message; skipped "
                                    "[msg.not-a-message]"});

    // Not OLE2 at all, forced with `msg:`.
    auto text = run_msg("From: a@b\n\nbody\n");
    CHECK(text->diagnostics() == std::vector<std::string>{
                                     "m.msg: error: not an Outlook .msg: an OLE2 compound document starts with D0 CF "
                                     "11 E0 A1 B1 1A E1; skipped [msg.not-compound]"});

    // The magic and garbage after it.
    auto garbage = run_msg(std::string(ingest::email::ole_magic) + std::string(2000, '\x5A'));
    CHECK(garbage->sink.events.empty());
    REQUIRE(garbage->diagnostics().size() == 1);
    CHECK(garbage->diagnostics()[0].starts_with("m.msg: error: the compound document cannot be read ("));
    CHECK(garbage->diagnostics()[0].ends_with("); skipped [msg.damaged]"));

    // The real sample cut short anywhere: at most one event, only msg.* or email.* diagnostics.
    const std::string sample = test::read_file(sample_path);
    for (std::size_t cut : {std::size_t{8}, std::size_t{511}, std::size_t{512}, std::size_t{4096}, std::size_t{40000},
                            std::size_t{120000}, sample.size() - 1}) {
        INFO(cut);
        auto cut_run = run_msg(std::string_view(sample).substr(0, cut));
        CHECK(cut_run->sink.events.size() <= 1);
        CHECK(cut_run->sink.events.size() + cut_run->sink.dropped.size() == 1);
        for (const std::string& d : cut_run->diagnostics())
            CHECK((d.find("[msg.") != std::string::npos || d.find("[email.") != std::string::npos));
    }
}

TEST_CASE("msg: a case folder holding .msg files reads them beside other mail") {
    const fs::path dir = fs::temp_directory_path() / ("retro-msg-case-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(sample_path, dir / "newsletter.msg");
    std::ofstream(dir / "reply.eml", std::ios::binary)
        << "From: a@example.org\nMessage-ID: <r@x>\nDate: Mon, 18 Sep 2017 13:00:00 +0200\nSubject: Re: Newsletter\n\nok\n";
    CollectSink sink;
    Diagnostics diags = test::quiet_diagnostics();
    IngestOptions options;
    read_sources({dir.string()}, {options, diags, sink});
    fs::remove_all(dir);
    CHECK(test::texts(diags).empty());
    REQUIRE(sink.events.size() == 2);
    std::vector<std::string> kinds;
    for (const Event& e : sink.events) kinds.push_back(e.source.kind.str());
    std::sort(kinds.begin(), kinds.end());
    CHECK(kinds == std::vector<std::string>{"eml", "msg"});
}
