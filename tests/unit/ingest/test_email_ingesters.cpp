// The e-mail registry rows: detection, whole mailboxes through read_sources (mbox, .gz, Maildir, .eml), and
// a damaged message in the middle of an mbox costing only itself.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>
#include <zlib.h>

#include "core/text_utf8.hpp"
#include "ingest/email/email_ingesters.hpp"
#include "ingest/email_test_helpers.hpp"
#include "io/byte_streams.hpp"
#include "io/folder_tree.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using retro::test::email::CollectSink;
using retro::test::email::utc;

namespace {

// A scratch folder removed at the end of the test.
struct ScratchDir {
    fs::path path;
    explicit ScratchDir(const std::string& name)
        : path(fs::temp_directory_path() / ("retro-email-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
    std::string write(const std::string& relative, const std::string& bytes) const {
        fs::path file = path / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << bytes;
        return file.string();
    }
};

std::string message(const std::string& id, const std::string& date, const std::string& subject) {
    return "From: Collections Systems Support <css@example.org>\nMessage-ID: <" + id + ">\nDate: " + date +
           "\nSubject: " + subject + "\n\n" + subject + " body.\n";
}

const std::string mbox_text = "From css@example.org Thu Jul 25 10:14:07 2024\n" +
                              message("a@x", "Thu, 25 Jul 2024 10:14:07 +0100", "First") +
                              "\n"
                              "From css@example.org Thu Jul 25 11:24:00 2024\n"
                              "\x01\x02 this message was damaged in transit\n"
                              "Subject: lost\n"
                              "\n"
                              "From css@example.org Thu Jul 25 12:18:00 2024\n" +
                              message("c@x", "Thu, 25 Jul 2024 12:18:00 +0100", "Third");

struct Run {
    CollectSink sink;
    retro::Diagnostics diags = retro::test::quiet_diagnostics();
    retro::IngestOptions options;
    void read(const std::vector<std::string>& sources) {
        retro::IngestContext context{options, diags, sink};
        retro::read_sources(sources, context);
    }
};

}  // namespace

TEST_CASE("e-mail detection") {
    using namespace retro::ingest::email;
    auto probe = [](std::string_view name, std::string_view head) { return retro::Probe{name, head, nullptr}; };
    CHECK(detect_mbox(probe("x", "From a@b Thu Jul 25 10:14:07 2024\nSubject: x\n")) == 90);
    CHECK(detect_eml(probe("x", "From a@b Thu Jul 25 10:14:07 2024\nSubject: x\n")) == 0);
    CHECK(detect_eml(probe("x.eml", "From: a@b\nSubject: x\n\nbody")) == 90);
    CHECK(detect_eml(probe("x", "Received: from a\n by b; Thu, 25 Jul 2024 10:14:07 +0100\nSubject: x\n\n")) == 70);
    CHECK(detect_eml(probe("x", "Subject: x\nDate: today\n\n")) == 0);  // no mail-only header
    CHECK(detect_eml(probe("notes.md", "# Incident retro - Login\n\nDate: x\n")) == 0);
    CHECK(detect_eml(probe("x", "{\"schema\":\"retro.event/1\"}\n")) == 0);
    CHECK(detect_mbox(probe("x", "From: a@b\nSubject: x\n")) == 0);
}

TEST_CASE("a damaged message in the middle of an mbox costs only that message") {
    ScratchDir dir("damaged");
    Run run;
    run.read({dir.write("css.mbox", mbox_text)});
    REQUIRE(run.sink.events.size() == 2);
    CHECK(run.sink.events[0].id == "email:<a@x>");
    CHECK(run.sink.events[0].time == utc(2024, 7, 25, 9, 14, 7));
    CHECK(run.sink.events[0].source == retro::SourceRef{"mbox", "", retro::Medium::mail, dir.path.string() + "/css.mbox", 1});
    CHECK(run.sink.events[0].channel == "css");
    CHECK(run.sink.events[1].id == "email:<c@x>");
    CHECK(run.sink.events[1].source.line == 13);  // its `From ` line
    CHECK(run.sink.dropped == std::map<std::string, std::uint64_t>{{"damaged record", 1}});
    CHECK(retro::test::texts(run.diags) ==
          std::vector<std::string>{dir.path.string() + "/css.mbox:10:1: error: cannot parse message: invalid header "
                                                       "line \"\\x01\\x02 this message was damaged in transit\"; "
                                                       "skipped [email.unparsable]"});
}

TEST_CASE("an mbox.gz and an eml.gz are read through the I/O layer's decompression") {
    ScratchDir dir("gz");
    std::string path = (dir.path / "css.mbox.gz").string();
    gzFile gz = gzopen(path.c_str(), "wb");
    REQUIRE(gz);
    gzwrite(gz, mbox_text.data(), static_cast<unsigned>(mbox_text.size()));
    gzclose(gz);
    std::string eml = (dir.path / "note.eml.gz").string();
    gz = gzopen(eml.c_str(), "wb");
    REQUIRE(gz);
    const std::string single = message("g@x", "Thu, 25 Jul 2024 12:37:00 +0100", "Gzipped");
    gzwrite(gz, single.data(), static_cast<unsigned>(single.size()));
    gzclose(gz);
    Run run;
    run.read({path, eml});
    REQUIRE(run.sink.events.size() == 3);
    CHECK(run.sink.events[1].id == "email:<c@x>");
    CHECK(run.sink.events[1].channel == "css");
    CHECK(run.sink.events[2].id == "email:<g@x>");
    CHECK(run.sink.events[2].source.kind == "eml");
}

TEST_CASE("a Maildir: cur/ and new/ read, tmp/ and index files ignored, file-name time as fallback") {
    ScratchDir dir("maildir");
    fs::path box = dir.path / "Support";
    dir.write("Support/cur/1721898847.M1P1.host,S=200:2,S", message("m1@x", "Thu, 25 Jul 2024 10:14:07 +0100", "One"));
    dir.write("Support/new/1721906640.M2P2.host", "From: css@example.org\nSubject: No date here\n\nx\n");
    dir.write("Support/tmp/1721906999.M3P3.host", message("tmp@x", "Thu, 25 Jul 2024 13:00:00 +0100", "Tmp"));
    dir.write("Support/.Sent/cur/1721900000.M4P4.host:2,S", message("m4@x", "Thu, 25 Jul 2024 10:33:20 +0100", "Sent"));
    dir.write("Support/dovecot-uidlist", "3 V1 N4\n");
    Run run;
    run.read({box.string()});
    REQUIRE(run.sink.events.size() == 3);
    // Entries are read in path order: .Sent/cur, cur, new.
    CHECK(run.sink.events[0].id == "email:<m4@x>");
    CHECK(run.sink.events[0].channel == "Support/Sent");
    CHECK(run.sink.events[1].id == "email:<m1@x>");
    CHECK(run.sink.events[1].channel == "Support");
    CHECK(run.sink.events[1].source.kind == "maildir");
    CHECK(run.sink.events[2].time == utc(2024, 7, 25, 11, 24, 0));  // 1721906640 s
    CHECK(run.sink.events[2].provenance.or_empty().time_fallback == "maildir-name");
    CHECK(run.diags.count("email.no-date") == 1);
}

TEST_CASE("a folder that is not a Maildir is not claimed") {
    ScratchDir dir("notmaildir");
    dir.write("case/cur/a.eml", message("a@x", "Thu, 25 Jul 2024 10:14:07 +0100", "One"));
    dir.write("case/notes.md", "# notes\n");
    auto tree = retro::io::open_folder_tree((dir.path / "case").string());
    CHECK(retro::ingest::email::detect_maildir(retro::Probe{"case", "", tree.get()}) == 0);
}

TEST_CASE("a single .eml and a KIND: prefix") {
    ScratchDir dir("eml");
    Run run;
    std::string eml = dir.write("note.eml", message("e@x", "Thu, 25 Jul 2024 12:37:00 +0100", "API resolved"));
    std::string odd = dir.write("saved-message", message("f@x", "Thu, 25 Jul 2024 12:38:00 +0100", "Forced"));
    run.read({eml, "eml:" + odd});
    REQUIRE(run.sink.events.size() == 2);
    CHECK(run.sink.events[0].source == retro::SourceRef{"eml", "", retro::Medium::mail, eml, 1});
    CHECK(run.sink.events[0].channel.empty());
    CHECK(run.sink.events[0].text == "API resolved\nAPI resolved body.");
    CHECK(run.sink.events[1].id == "email:<f@x>");
}

// Robustness: the sample mailbox cut at many points and with bytes overwritten; nothing may throw, every
// message either becomes an event or is reported, and the count never exceeds the messages present.
TEST_CASE("truncated and corrupted mailboxes never abort") {
    const std::string sample =
        retro::test::read_file(retro::test::source_path("samples/2024-07-25-login/css-mail.mbox"));
    REQUIRE(sample.size() > 1000);
    auto run_bytes = [](const std::string& bytes) {
        retro::Input input;
        input.name = "fuzz.mbox";
        input.head = bytes.substr(0, 100);
        input.stream =
            std::make_unique<retro::io::MemoryStream>(bytes.substr(std::min<std::size_t>(100, bytes.size())));
        CollectSink sink;
        auto diags = retro::test::quiet_diagnostics();
        retro::IngestOptions options;
        retro::IngestContext context{options, diags, sink};
        REQUIRE_NOTHROW(retro::ingest::email::ingest_mbox(input, context));
        std::uint64_t dropped = 0;
        for (const auto& [reason, n] : sink.dropped) dropped += n;
        CHECK(sink.events.size() + dropped <= 6);
        for (const auto& e : sink.events) CHECK(retro::is_valid_utf8(e.text));
    };
    for (std::size_t cut = 0; cut < sample.size(); cut += 97) run_bytes(sample.substr(0, cut));
    for (std::size_t at = 0; at < sample.size(); at += 89) {
        std::string damaged = sample;
        for (std::size_t i = at; i < std::min(sample.size(), at + 16); ++i) damaged[i] = static_cast<char>(i * 37);
        run_bytes(damaged);
    }
}
