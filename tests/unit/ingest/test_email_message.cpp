// parse_email_message: one message → one event, as tables of {message bytes → event fields | diagnostics}.
#include <catch2/catch.hpp>

#include "core/text_utf8.hpp"
#include "ingest/email_test_helpers.hpp"
#include "test_support.hpp"

using retro::test::email::parse;
using retro::test::email::utc;

TEST_CASE("a plain message becomes one email event with every field") {
    auto diags = retro::test::quiet_diagnostics();
    retro::IngestOptions options;
    options.people.add("css@example.org", retro::Person{"Collections Systems Support", "CSS"});
    auto event = parse(
        "Return-Path: <css@example.org>\n"
        "From: \"Support, Collections Systems\" <css@example.org>\n"
        "To: library-staff@example.org\n"
        "Subject: Sierra and CALM access\n"
        "Date: Thu, 25 Jul 2024 10:14:07 +0100\n"
        "Message-ID: <css-1@mail.example.org>\n"
        "\n"
        "Hi all,\n"
        "\n"
        "Please restart your laptops and refresh your VPN connection\n"
        "if you have problems accessing Sierra and CALM.\n"
        "\n"
        "Thanks,\n"
        "Collections Systems Support\n",
        diags, {"mbox", "css-mail", {}, {}}, options);
    REQUIRE(event);
    retro::Event expected;
    expected.id = "email:<css-1@mail.example.org>";
    expected.time = utc(2024, 7, 25, 9, 14, 7);
    expected.time_raw = "Thu, 25 Jul 2024 10:14:07 +0100";
    expected.kind = retro::EventKind::email;
    expected.source = {"mbox", "", retro::Medium::mail, "m.eml", 1};
    expected.channel = "css-mail";
    expected.actor = {"", "Collections Systems Support", "CSS", "css@example.org"};
    expected.text =
        "Sierra and CALM access\n"
        "Please restart your laptops and refresh your VPN connection if you have problems accessing "
        "Sierra and CALM.";
    expected.thread = "<css-1@mail.example.org>";
    CHECK(*event == expected);
    CHECK(diags.all().empty());
}

TEST_CASE("RFC 2047 words, quoted-printable and base64 are decoded by GMime") {
    struct Row {
        const char* name;
        std::string message;
        std::string text;
    };
    const Row rows[] = {
        {"encoded words split across a fold, Q and B, joined without the fold",
         "From: =?UTF-8?Q?Ren=C3=A9e_Dupr=C3=A9?= <renee@example.org>\n"
         "Date: Thu, 25 Jul 2024 11:24:00 +0100\n"
         "Subject: =?UTF-8?Q?Sierra_desktop_client_=E2=80=93?=\n"
         " =?UTF-8?B?IHN0aWxsIHdvcmtpbmcgb24gaXQ=?=\n"
         "\n"
         "Body.\n",
         "Sierra desktop client \u2013 still working on it\nBody."},
        {"ISO-8859-1 encoded word",
         "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\n"
         "Subject: =?ISO-8859-1?Q?Caf=E9_closed?=\n\nx\n",
         "Caf\u00e9 closed\nx"},
        {"quoted-printable body with soft line breaks",
         "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: qp\n"
         "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
         "The supplier=E2=80=99s call is still open and this line is long enough to=\n"
         " need a soft break.\n",
         "qp\nThe supplier\u2019s call is still open and this line is long enough to need a soft break."},
        {"base64 body in windows-1252",
         "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: b64\n"
         "MIME-Version: 1.0\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: base64\n\n"
         "k0FQSSBpc3N1ZZQgcmVzb2x2ZWQ=\n",
         "b64\n\u201cAPI issue\u201d resolved"},
        {"multipart/alternative prefers text/plain",
         "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: alt\nMIME-Version: 1.0\n"
         "Content-Type: multipart/alternative; boundary=\"b1\"\n\n"
         "--b1\nContent-Type: text/html\n\n<p>html <b>version</b></p>\n"
         "--b1\nContent-Type: text/plain\n\nplain version\n--b1--\n",
         "alt\nplain version"},
        {"HTML only is converted to text, quoted blocks left out",
         "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: html\nMIME-Version: 1.0\n"
         "Content-Type: text/html; charset=utf-8\n\n"
         "<html><head><style>p{}</style></head><body><p>API&nbsp;issue &amp; fix</p>"
         "<blockquote>old quoted text</blockquote><div>Next&#8217;steps</div></body></html>\n",
         "html\nAPI issue & fix\nNext\u2019steps"},
        {"quoted replies and signatures are trimmed",
         "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: Re: Sierra\n\n"
         "Good morning,\n\nThe API issue appears to be resolved.\n\n-- \nCSS, ext 1234\n"
         "On Thu, 25 Jul 2024 at 11:40, NP wrote:\n> users can't log in\n",
         "Re: Sierra\nThe API issue appears to be resolved."},
        {"an Outlook quote header ends the text",
         "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: RE: Sierra\n\n"
         "Still on the call with the supplier.\n\nFrom: Someone <s@example.org>\nSent: Thursday\n",
         "RE: Sierra\nStill on the call with the supplier."},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        auto diags = retro::test::quiet_diagnostics();
        auto event = parse(row.message, diags);
        REQUIRE(event);
        CHECK(event->text == row.text);
        CHECK(retro::test::texts(diags).empty());
    }
}

TEST_CASE("the From display name is decoded, a bare address gives initials from its local part") {
    auto diags = retro::test::quiet_diagnostics();
    auto named = parse(
        "From: =?UTF-8?Q?Ren=C3=A9e_Dupr=C3=A9?= <renee@example.org>\n"
        "Date: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: x\n\nx\n",
        diags);
    REQUIRE(named);
    CHECK(named->actor == retro::Actor{"", "Ren\u00e9e Dupr\u00e9", "RD", "renee@example.org"});
    auto bare =
        parse("From: rachel.cooper@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: x\n\nx\n", diags);
    REQUIRE(bare);
    CHECK(bare->actor == retro::Actor{"", "", "RC", "rachel.cooper@example.org"});
}

TEST_CASE("an unknown charset is read with replacement characters and a warning") {
    auto diags = retro::test::quiet_diagnostics();
    auto event = parse(
        "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: cs\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=x-no-such-charset\n\nok \xff\xfe done\n",
        diags);
    REQUIRE(event);
    CHECK(event->text == "cs\nok \uFFFD\uFFFD done");
    CHECK(retro::test::texts(diags) ==
          std::vector<std::string>{"m.eml:5:1: warning: unknown charset \"x-no-such-charset\"; text read as UTF-8 "
                                   "with replacements [email.unknown-charset]"});
}

TEST_CASE("time fallbacks: Received, the mbox From line, the Maildir name, each with a warning") {
    struct Row {
        const char* name;
        std::string message;
        retro::ingest::email::MailEnvelope envelope;
        retro::Instant time;
        std::string time_raw, fallback, tz_assumed;
        std::string diagnostic;
    };
    const Row rows[] = {
        {"topmost Received",
         "Received: from b.example.org by c.example.org; Thu, 25 Jul 2024 11:45:10 +0000\n"
         "Received: from a.example.org by b.example.org; Thu, 25 Jul 2024 11:45:02 +0000\n"
         "From: a@example.org\nSubject: x\n\nx\n",
         {"eml", {}, {}, {}},
         utc(2024, 7, 25, 11, 45, 10),
         "Thu, 25 Jul 2024 11:45:10 +0000",
         "received",
         "",
         "m.eml:1:1: warning: no Date header; time taken from the first Received header [email.no-date]"},
        {"broken Date, folded Received",
         "Received: from b.example.org\n by c.example.org;\n\tThu, 25 Jul 2024 11:45:10 +0000\n"
         "From: a@example.org\nDate: yesterday teatime\nSubject: x\n\nx\n",
         {"eml", {}, {}, {}},
         utc(2024, 7, 25, 11, 45, 10),
         "Thu, 25 Jul 2024 11:45:10 +0000",
         "received",
         "",
         "m.eml:5:1: warning: unparsable Date \"yesterday teatime\"; time taken from the first Received header "
         "[email.bad-date]"},
        {"mbox From line (no zone: assume-tz)",
         "From: a@example.org\nSubject: x\n\nx\n",
         {"mbox", "box", "MAILER-DAEMON Thu Jul 25 11:45:10 2024", {}},
         utc(2024, 7, 25, 11, 45, 10),
         "Thu Jul 25 11:45:10 2024",
         "mbox-from",
         "UTC",
         "m.eml:1:1: warning: no Date header; time taken from the mbox From line [email.no-date]"},
        {"Gmail Takeout From line (zone before the year)",
         "X-GM-THRID: 1583290388308606088\r\nX-Gmail-Labels: Inbox\r\nFrom: a@example.org\r\nSubject: x\r\n\r\nx\r\n",
         {"mbox", "box", "1583290388308606088@xxx Mon Nov 06 04:42:58 +0000 2017", {}},
         utc(2017, 11, 6, 4, 42, 58),
         "Mon Nov 06 04:42:58 +0000 2017",
         "mbox-from",
         "",
         "m.eml:1:1: warning: no Date header; time taken from the mbox From line [email.no-date]"},
        {"Maildir file name",
         "From: a@example.org\nSubject: x\n\nx\n",
         {"maildir", "box", {}, "1721907910.M1P2.host,S=120:2,S"},
         utc(2024, 7, 25, 11, 45, 10),
         "1721907910",
         "maildir-name",
         "",
         "m.eml:1:1: warning: no Date header; time taken from the Maildir file name [email.no-date]"},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        auto diags = retro::test::quiet_diagnostics();
        auto event = parse(row.message, diags, row.envelope);
        REQUIRE(event);
        CHECK(event->time == row.time);
        CHECK(event->time_raw == row.time_raw);
        CHECK(event->provenance.or_empty().time_fallback == row.fallback);
        CHECK(event->provenance.or_empty().tz_assumed == row.tz_assumed);
        CHECK(retro::test::texts(diags) == std::vector<std::string>{row.diagnostic});
    }
}

TEST_CASE("no usable time and unparsable messages give an error and no event") {
    auto diags = retro::test::quiet_diagnostics();
    CHECK_FALSE(parse("From: a@example.org\nSubject: x\n\nx\n", diags));
    CHECK_FALSE(parse("this is not a mail message\nat all\n", diags));
    CHECK_FALSE(parse("", diags));
    CHECK(retro::test::texts(diags) ==
          std::vector<std::string>{
              "m.eml:1:1: error: no Date header and no Received, mbox or Maildir time; message skipped [email.no-time]",
              "m.eml:1:1: error: cannot parse message: invalid header line \"this is not a mail message\"; skipped "
              "[email.unparsable]",
              "m.eml:1:1: error: cannot parse message: no header block; skipped [email.unparsable]"});
}

TEST_CASE("threads: References root, In-Reply-To, else an earlier message with the same normalised subject") {
    auto diags = retro::test::quiet_diagnostics();
    retro::ingest::email::MailboxIndex threads;
    retro::IngestOptions options;
    auto one = [&](const std::string& bytes) {
        auto e = retro::ingest::email::parse_email_message(bytes, retro::Origin{"box", 1, 1}, {"mbox", "box", {}, {}},
                                                           threads, options, diags);
        REQUIRE(e);
        return e->thread;
    };
    const std::string date = "Date: Thu, 25 Jul 2024 11:24:00 +0100\n";
    CHECK(one("Message-ID: <root@x>\n" + date + "Subject: Sierra API\n\nx\n") == "<root@x>");
    CHECK(one("Message-ID: <r1@x>\nIn-Reply-To: <root@x>\n" + date + "Subject: Re: Sierra API\n\nx\n") == "<root@x>");
    CHECK(one("Message-ID: <r2@x>\nReferences: <root@x>\n <r1@x>\nIn-Reply-To: <r1@x>\n" + date +
              "Subject: RE: Re: Sierra API\n\nx\n") == "<root@x>");
    CHECK(one("Message-ID: <r3@x>\n" + date + "Subject: [EXTERNAL] AW: sierra   API\n\nx\n") == "<r3@x>");
    CHECK(one("Message-ID: <r4@x>\n" + date + "Subject: Fwd: Sierra API\n\nx\n") == "<root@x>");
    CHECK(one("Message-ID: <other@x>\n" + date + "Subject: Something else\n\nx\n") == "<other@x>");
}

TEST_CASE("without a Message-ID the id is a stable hash of the headers") {
    auto diags = retro::test::quiet_diagnostics();
    const std::string a = "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: x\n\nbody a\n";
    const std::string b = "From: a@example.org\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: x\n\nbody b\n";
    auto first = parse(a, diags);
    auto again = parse(a, diags);
    auto other = parse(b, diags);
    REQUIRE((first && again && other));
    CHECK(first->id.starts_with("email:hash-"));
    CHECK(first->id.size() == std::string("email:hash-").size() + 16);
    CHECK(first->id == again->id);
    CHECK(first->id != other->id);
    CHECK(first->thread == first->id.substr(6));
}

TEST_CASE("a Message-ID reused by a different message gets #2, an exact copy keeps the id") {
    auto diags = retro::test::quiet_diagnostics();
    retro::ingest::email::MailboxIndex mailbox;
    retro::IngestOptions options;
    auto id_of = [&](const std::string& bytes, std::uint64_t line) {
        auto e = retro::ingest::email::parse_email_message(bytes, retro::Origin{"box", line, 1},
                                                           {"mbox", "box", {}, {}}, mailbox, options, diags);
        REQUIRE(e);
        return e->id;
    };
    const std::string a = "Message-ID: <same@x>\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: a\n\na\n";
    const std::string b = "Message-ID: <same@x>\nDate: Thu, 25 Jul 2024 11:25:00 +0100\nSubject: b\n\nb\n";
    CHECK(id_of(a, 2) == "email:<same@x>");
    CHECK(id_of(a, 10) == "email:<same@x>");
    CHECK(id_of(b, 20) == "email:<same@x>#2");
    CHECK(retro::test::texts(diags) ==
          std::vector<std::string>{"box:20:1: warning: Message-ID <same@x> already names a different message in this "
                                   "mailbox; this one is email:<same@x>#2 [email.duplicate-message-id]"});
}

TEST_CASE("zones: a missing zone uses assume-tz and is recorded, an ambiguous one is warned about") {
    auto diags = retro::test::quiet_diagnostics();
    retro::IngestOptions options;
    options.assume_tz = *retro::TimeZone::find("Europe/London");
    auto naive =
        parse("From: a@x\nDate: Thu, 25 Jul 2024 11:24:00\nSubject: x\n\nx\n", diags, {"eml", {}, {}, {}}, options);
    REQUIRE(naive);
    CHECK(naive->time == utc(2024, 7, 25, 10, 24, 0));
    CHECK(naive->provenance.or_empty().tz_assumed == "Europe/London");
    CHECK(diags.all().empty());
    auto cest = parse("From: a@x\nDate: Thu, 25 Jul 2024 12:24:00 CEST\nSubject: x\n\nx\n", diags);
    REQUIRE(cest);
    CHECK(cest->time == utc(2024, 7, 25, 10, 24, 0));
    CHECK(retro::test::texts(diags) ==
          std::vector<std::string>{"m.eml:2:1: warning: ambiguous zone abbreviation in Date \"Thu, 25 Jul 2024 "
                                   "12:24:00 CEST\" [email.ambiguous-zone]"});
}

TEST_CASE("encoded words naming an unknown charset are warned about") {
    auto diags = retro::test::quiet_diagnostics();
    auto event =
        parse("From: a@x\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: =?x-bogus?Q?caf=E9?= ok\n\nx\n", diags);
    REQUIRE(event);
    CHECK(retro::is_valid_utf8(event->text));
    CHECK(event->text.starts_with("caf"));
    CHECK(retro::test::texts(diags) ==
          std::vector<std::string>{"m.eml:3:1: warning: unknown charset \"x-bogus\" in Subject; decoded with a "
                                   "fallback charset [email.unknown-charset]"});
}

TEST_CASE("a message whose only content is an attached message takes its text from it") {
    auto diags = retro::test::quiet_diagnostics();
    auto event = parse(
        "From: a@x\nDate: Thu, 25 Jul 2024 11:24:00 +0100\nSubject: Fwd: alarm\nMIME-Version: 1.0\n"
        "Content-Type: message/rfc822\n\n"
        "From: alarms@x\nSubject: ALARM: login-5xx\n\nThreshold crossed: 12 errors in 5 minutes.\n",
        diags);
    REQUIRE(event);
    CHECK(event->text == "Fwd: alarm\nThreshold crossed: 12 errors in 5 minutes.");
}
