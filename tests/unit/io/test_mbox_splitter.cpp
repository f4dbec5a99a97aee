// io::MboxSplitter: framing, unescaping and line numbers on literals and on the MimeKit corpus mboxes.
#include <catch2/catch.hpp>

#include <algorithm>

#include "io/byte_streams.hpp"
#include "io/mbox_splitter.hpp"
#include "test_support.hpp"

using retro::io::MboxMessage;
using retro::io::MboxSplitter;

namespace {

// Hands out a few bytes per read, so framing crosses buffer refills everywhere.
class TrickleStream final : public retro::ByteStream {
public:
    TrickleStream(std::string data, std::size_t step) : m_data(std::move(data)), m_step(step) {}
    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t n = std::min({size, m_step, m_data.size() - m_pos});
        std::copy_n(m_data.data() + m_pos, n, buffer);
        m_pos += n;
        return n;
    }

private:
    std::string m_data;
    std::size_t m_step;
    std::size_t m_pos = 0;
};

std::vector<MboxMessage> split(const std::string& data, retro::Diagnostics& diags, std::uint64_t limit = 1 << 20) {
    std::vector<MboxMessage> out;
    // Once through a head plus a trickle, once from a single memory stream: both must agree.
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<MboxMessage> messages;
        std::string head = pass == 0 ? data.substr(0, std::min<std::size_t>(data.size(), 10)) : std::string();
        TrickleStream trickle(pass == 0 ? data.substr(head.size()) : std::string(), 3);
        retro::io::MemoryStream whole(pass == 1 ? data : std::string());
        retro::ByteStream* stream = pass == 0 ? static_cast<retro::ByteStream*>(&trickle) : &whole;
        retro::Diagnostics pass_diags = retro::test::quiet_diagnostics();
        MboxSplitter splitter("in.mbox", head, stream, limit, pass == 0 ? pass_diags : diags);
        MboxMessage m;
        while (splitter.next(m)) messages.push_back(m);
        if (pass == 0) {
            out = messages;
        } else {
            REQUIRE(messages.size() == out.size());
            for (std::size_t i = 0; i < out.size(); ++i) {
                CHECK(messages[i].bytes == out[i].bytes);
                CHECK(messages[i].origin.line == out[i].origin.line);
            }
        }
    }
    return out;
}

std::string to_crlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out.push_back('\r');
        out.push_back(c);
    }
    return out;
}

}  // namespace

TEST_CASE("envelope lines are told from body text") {
    struct Row {
        const char* rest;
        bool envelope;
    };
    const Row rows[] = {
        {"-", true},
        {"", true},
        {"- Mon Jun  3 12:50:27 1996", true},
        {"MAILER-DAEMON Fri Jul  8 12:08:34 2011", true},
        {"1583290388308606088@xxx Mon Nov 06 04:42:58 +0000 2017", true},
        {"1844347792267117879@xxx", true},
        {"jeff@xamarin.com Thu Jul 25 10:14:07 2024\r\n", true},
        {"Russia with love", false},
        {"here to eternity", false},
        {"someone", false},
    };
    for (const auto& row : rows) {
        INFO(row.rest);
        CHECK(retro::io::is_mbox_envelope(row.rest) == row.envelope);
    }
}

TEST_CASE("mbox detection wants a From line first") {
    CHECK(retro::io::looks_like_mbox("From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n"));
    CHECK(
        retro::io::looks_like_mbox("\xEF\xBB\xBF"
                                   "From -\nFrom: a@b\n"));
    CHECK_FALSE(retro::io::looks_like_mbox("From: a@b\nSubject: x\n"));
    CHECK_FALSE(retro::io::looks_like_mbox("From Russia with love\nand more\n"));
}

TEST_CASE("classic mbox: messages, envelopes, origins and the separating blank line") {
    auto diags = retro::test::quiet_diagnostics();
    auto messages = split(
        "From a@example.com Thu Jul 25 10:14:07 2024\n"
        "Subject: one\n"
        "\n"
        "first body\n"
        "\n"
        "From b@example.com Thu Jul 25 11:24:00 2024\n"
        "Subject: two\n"
        "\n"
        "second body\n",
        diags);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].bytes == "Subject: one\n\nfirst body\n");
    CHECK(messages[0].envelope == "a@example.com Thu Jul 25 10:14:07 2024");
    CHECK(messages[0].envelope_line == 1);
    CHECK(messages[0].origin.name == "in.mbox");
    CHECK(messages[0].origin.line == 2);
    CHECK(messages[1].bytes == "Subject: two\n\nsecond body\n");
    CHECK(messages[1].envelope_line == 6);
    CHECK(messages[1].origin.line == 7);
    CHECK(diags.all().empty());
}

TEST_CASE("mboxrd and mboxo escapes lose one '>'") {
    auto diags = retro::test::quiet_diagnostics();
    auto messages = split(
        "From a@b Thu Jul 25 10:14:07 2024\n"
        "Subject: quoting\n"
        "\n"
        ">From the start\n"
        ">>From twice\n"
        "> From is a quote\n"
        ">Fromage\n",
        diags);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].bytes == "Subject: quoting\n\nFrom the start\n>From twice\n> From is a quote\n>Fromage\n");
}

TEST_CASE("CRLF mboxes keep CRLF and drop the CRLF blank line before a separator") {
    auto diags = retro::test::quiet_diagnostics();
    auto messages = split(to_crlf("From a@b Thu Jul 25 10:14:07 2024\nSubject: a\n\nbody a\n\n"
                                  "From b@b Thu Jul 25 10:15:07 2024\nSubject: b\n\nbody b\n"),
                          diags);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].bytes == "Subject: a\r\n\r\nbody a\r\n");
    CHECK(messages[0].envelope == "a@b Thu Jul 25 10:14:07 2024");
    CHECK(messages[1].bytes == "Subject: b\r\n\r\nbody b\r\n");
}

TEST_CASE("a From line is a separator only when it looks like an envelope") {
    auto diags = retro::test::quiet_diagnostics();
    auto messages = split(
        "From -\n"
        "Subject: bond\n"
        "\n"
        "My favourite:\n"
        "\n"
        "From Russia with love\n"
        "Year: 1963\n"
        "\n"
        "From - Mon Jun  3 12:50:27 1996\n"
        "Subject: next\n"
        "\n"
        "text\n"
        "From - \n"  // Netscape: no blank line, but a header follows
        "From: c@d\n"
        "\n"
        "third\n"
        "From here on it is body text\n",
        diags);
    REQUIRE(messages.size() == 3);
    CHECK(messages[0].bytes == "Subject: bond\n\nMy favourite:\n\nFrom Russia with love\nYear: 1963\n");
    CHECK(messages[1].envelope == "- Mon Jun  3 12:50:27 1996");
    CHECK(messages[1].bytes == "Subject: next\n\ntext\n");
    CHECK(messages[2].origin.line == 14);
    CHECK(messages[2].bytes == "From: c@d\n\nthird\nFrom here on it is body text\n");
}

TEST_CASE("Content-Length bodies are taken whole when the length lands on a separator") {
    auto diags = retro::test::quiet_diagnostics();
    std::string body = "line\n\nFrom x@y Thu Jul 25 10:14:07 2024\nnot a message\n";
    auto messages = split(
        "From a@b Thu Jul 25 10:14:07 2024\n"
        "Subject: counted\n"
        "Content-Length: " +
            std::to_string(body.size()) +
            "\n"
            "\n" +
            body +
            "\n"
            "From c@d Thu Jul 25 10:15:07 2024\n"
            "Subject: after\n"
            "\n"
            "x\n",
        diags);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].bytes == "Subject: counted\nContent-Length: " + std::to_string(body.size()) + "\n\n" + body);
    CHECK(messages[1].origin.line == 11);
    CHECK(messages[1].bytes == "Subject: after\n\nx\n");
}

TEST_CASE("a wrong Content-Length falls back to scanning lines") {
    auto diags = retro::test::quiet_diagnostics();
    auto messages = split(
        "From a@b Thu Jul 25 10:14:07 2024\n"
        "Content-Length: 3\n"
        "\n"
        "longer than three\n"
        "\n"
        "From c@d Thu Jul 25 10:15:07 2024\n"
        "Subject: after\n"
        "\n"
        "x\n",
        diags);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].bytes == "Content-Length: 3\n\nlonger than three\n");
}

TEST_CASE("an oversized message is skipped with a diagnostic and the next one is read") {
    auto diags = retro::test::quiet_diagnostics();
    std::string big(200, 'x');
    auto messages = split("From a@b Thu Jul 25 10:14:07 2024\nSubject: big\n\n" + big +
                              "\n\n"
                              "From c@d Thu Jul 25 10:15:07 2024\nSubject: small\n\nok\n",
                          diags, 100);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].bytes == "Subject: small\n\nok\n");
    CHECK(retro::test::texts(diags) ==
          std::vector<std::string>{
              "in.mbox:1:1: error: message larger than 100 bytes skipped [ingest.record-too-large]"});
}

TEST_CASE("a file without any From line is one message") {
    auto diags = retro::test::quiet_diagnostics();
    auto messages = split("Subject: lone\n\nbody\n", diags);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].envelope_line == 0);
    CHECK(messages[0].bytes == "Subject: lone\n\nbody\n");
    auto none = split("", diags);
    CHECK(none.empty());
}

// The MimeKit corpus mboxes, counted by reading the files:
// simple.mbox.txt: `grep -n '^From ' simple.mbox.txt` gives lines 1, 25 and 48, each `From - ` followed by a
//   `From: fejj@gnome.org` header and none after a blank line (Netscape style): 3 messages, headers starting on
//   lines 2, 26 and 49.
// unmunged.mbox.txt: a BOM, then `From -` on lines 1 and 13 (line 12 is blank); lines 9 and 21 are the body
//   text `From Russia with love`: 2 messages, headers on lines 2 and 14.
TEST_CASE("corpus: simple.mbox.txt and unmunged.mbox.txt give their true counts") {
    auto diags = retro::test::quiet_diagnostics();
    auto simple = split(retro::test::read_file(retro::test::corpus_path("email/mimekit/simple.mbox.txt")), diags);
    REQUIRE(simple.size() == 3);
    CHECK(simple[0].origin.line == 2);
    CHECK(simple[1].origin.line == 26);
    CHECK(simple[2].origin.line == 49);
    CHECK(simple[2].bytes.starts_with("From: fejj@gnome.org\nTo: fejj@gnome.org\n"));
    CHECK(simple[0].bytes.ends_with("<-- You are here.\n"));

    auto unmunged = split(retro::test::read_file(retro::test::corpus_path("email/mimekit/unmunged.mbox.txt")), diags);
    REQUIRE(unmunged.size() == 2);
    CHECK(unmunged[0].origin.line == 2);
    CHECK(unmunged[1].origin.line == 14);
    CHECK(unmunged[0].bytes.find("\nFrom Russia with love\n\nWhat does Thunderbird do?\n") != std::string::npos);
    CHECK(unmunged[1].bytes.ends_with("From Russia with love\nYear: 1963\n\nWhat did Thunderbird do this time?\n"));
    CHECK(diags.all().empty());
}

// issue1189.mbox.txt (Gmail ids on the `From ` lines, no dates): MimeKit's oracle files give each message's
// header line and byte range; issue1189.unix-offsets.json: lines 2, 23, 54, 75 and ranges [29,558), [588,6445),
// [6475,7004), [7034,7563); issue1189.dos-offsets.json, for the same mbox with CRLF line endings: [30,578),
// [610,6496), [6528,7076), [7108,7656).
TEST_CASE("corpus: issue1189.mbox.txt frames exactly as MimeKit's offsets say, LF and CRLF") {
    auto diags = retro::test::quiet_diagnostics();
    std::string text = retro::test::read_file(retro::test::corpus_path("email/mimekit/issue1189.mbox.txt"));
    struct Range {
        std::uint64_t line;
        std::size_t begin, end;
    };
    const Range unix_ranges[] = {{2, 29, 558}, {23, 588, 6445}, {54, 6475, 7004}, {75, 7034, 7563}};
    const Range dos_ranges[] = {{2, 30, 578}, {23, 610, 6496}, {54, 6528, 7076}, {75, 7108, 7656}};
    for (int dos = 0; dos < 2; ++dos) {
        std::string data = dos ? to_crlf(text) : text;
        const Range* ranges = dos ? dos_ranges : unix_ranges;
        auto messages = split(data, diags);
        REQUIRE(messages.size() == 4);
        for (std::size_t i = 0; i < 4; ++i) {
            INFO("message " << i + 1 << (dos ? " (CRLF)" : " (LF)"));
            CHECK(messages[i].origin.line == ranges[i].line);
            CHECK(messages[i].bytes == data.substr(ranges[i].begin, ranges[i].end - ranges[i].begin));
        }
        CHECK(messages[0].envelope == "1844347792267117879@xxx");
    }
}
