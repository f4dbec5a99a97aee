#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "ingest/event_collector.hpp"
#include "retro/error.hpp"
#include "retro/ingest.hpp"
#include "test_support.hpp"

using namespace retro;
namespace fs = std::filesystem;

namespace {

const char* event_line =
    R"({"schema":"retro.event/1","id":"x:1","time":"2024-07-25T10:00:00Z","kind":"note","source":{"kind":"retro"},"text":"t"})"
    "\n";

}  // namespace

TEST_CASE("a case folder reads every recognised file and warns once per unknown one") {
    const fs::path dir = fs::temp_directory_path() / ("retro-case-" + std::to_string(::getpid()));
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "a.ndjson") << event_line;
    std::ofstream(dir / "sub" / "b.ndjson") << std::string(event_line).replace(std::string(event_line).find("x:1"), 3, "x:2");
    std::ofstream(dir / "notes.xyz") << "\x01\x02 binary";
    std::ofstream(dir / "empty.ndjson") << "";
    std::ofstream(dir / "retro.toml") << "tz = \"UTC\"\n";
    std::ofstream(dir / "draft.md") << "<!-- retro:draft v1 -->\n# Incident retro - x\n";
    auto diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    IngestOptions options;
    read_sources({dir.string()}, {options, diags, sink});
    const auto events = sink.take_sorted();
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == "x:1");
    CHECK(events[1].id == "x:2");
    CHECK(test::texts(diags) == std::vector<std::string>{
                                    (dir / "empty.ndjson").string() + ": warning: empty input; nothing to read [ingest.empty]",
                                    (dir / "notes.xyz").string() +
                                        ": warning: not a format retro reads; skipped (a KIND: prefix forces one) [ingest.unknown-format]",
                                });
    fs::remove_all(dir);
}

TEST_CASE("a sink is told the bytes of the files named as sources, before reading, and a collector reads the same") {
    const fs::path dir = fs::temp_directory_path() / ("retro-expect-" + std::to_string(::getpid()));
    fs::create_directories(dir / "folder");
    std::string lines;
    for (int i = 0; i < 3000; ++i)
        lines += std::string(event_line).replace(std::string(event_line).find("x:1"), 3, "x:" + std::to_string(i));
    std::ofstream(dir / "a.ndjson") << lines;
    std::ofstream(dir / "folder" / "b.ndjson") << event_line;

    struct Told final : EventSink {
        std::vector<std::uint64_t> told;
        std::size_t added = 0;
        void add(Event&&) override { ++added; }
        void drop(std::string_view, std::uint64_t) override {}
        void expect_input(std::uint64_t bytes) override { told.push_back(bytes); }
    } told;
    auto diags = test::quiet_diagnostics();
    IngestOptions options;
    // The folder's bytes are not known up front: only the file's are told, once.
    read_sources({(dir / "a.ndjson").string(), "events:" + (dir / "a.ndjson").string(), (dir / "folder").string()},
                 {options, diags, told});
    CHECK(told.told == std::vector<std::uint64_t>{2 * lines.size()});
    CHECK(told.added == 6001);

    // A collector that made room for them keeps the same events, in the same order, as one that did not.
    ingest::EventCollector ready, grown;
    ready.expect_input(lines.size());
    for (ingest::EventCollector* c : {&ready, &grown}) read_sources({(dir / "a.ndjson").string()}, {options, diags, *c});
    CHECK(ready.take_sorted() == grown.take_sorted());
    fs::remove_all(dir);
}

TEST_CASE("a collector keeps its events whether its room is faulted in ahead, outgrown or not made at all") {
    auto make = [](std::uint32_t i) {
        Event e;
        e.id = "events:" + std::to_string(i);
        e.time = Instant{} + std::chrono::seconds(i % 977);
        e.source.kind = "events";
        e.source.origin = "a.ndjson";
        e.text = std::string(i % 50, 'x');
        return e;
    };
    // Room for about 10,000 events (4 MB and more: faulted in ahead), then 30,000 events: it grows past it.
    ingest::EventCollector ahead, plain;
    ahead.expect_input(10000 * 256);
    for (std::uint32_t i = 0; i < 30000; ++i) {
        ahead.add(make(i));
        plain.add(make(i));
    }
    auto kept = ahead.take_sorted();
    CHECK(kept.size() == 30000);
    CHECK(kept == plain.take_sorted());
    // Room for far more than come.
    ingest::EventCollector roomy;
    roomy.expect_input(std::uint64_t{64} << 20);
    for (std::uint32_t i = 0; i < 5000; ++i) roomy.add(make(i));
    CHECK(roomy.take_sorted().size() == 5000);
}

TEST_CASE("a collector's events come out in stream order, times that tie ordered by the rest of the key") {
    // Many events arriving out of order, most times shared by several events of different kinds and ids; and
    // the same events in order, which need no sort.
    auto make = [](std::uint32_t i) {
        Event e;
        e.id = "x:" + std::to_string((i * 7919u) % 150000u);
        e.time = Instant{} + std::chrono::seconds((i * 104729u) % 40000u);
        e.source.kind = i % 3 == 0 ? "slack" : "events";
        e.source.origin = "a.ndjson";
        e.source.line = i + 1;
        return e;
    };
    ingest::EventCollector shuffled;
    std::vector<Event> expected;
    for (std::uint32_t i = 0; i < 150000; ++i) {
        shuffled.add(make(i));
        expected.push_back(make(i));
    }
    std::sort(expected.begin(), expected.end(), event_order_less);
    const std::vector<Event> sorted = shuffled.take_sorted();
    CHECK(sorted == expected);
    ingest::EventCollector in_order;
    for (Event& e : expected) in_order.add(std::move(e));
    CHECK(in_order.take_sorted() == sorted);
}

TEST_CASE("no recognisable source at all is an error, and so is a missing path") {
    const fs::path file = fs::temp_directory_path() / ("retro-junk-" + std::to_string(::getpid()));
    std::ofstream(file) << "junk";
    auto diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    IngestOptions options;
    CHECK_THROWS_AS(read_sources({file.string()}, {options, diags, sink}), Error);
    CHECK_THROWS_AS(read_sources({"/nonexistent/x"}, {options, diags, sink}), Error);
    fs::remove(file);
}

TEST_CASE("every ingester says which medium its events came through") {
    struct Row {
        std::string source;  // KIND:path, as on the command line
        Medium medium;
    };
    const std::vector<Row> rows = {
        {test::corpus_path("slack/slackdump/source_export.zip"), Medium::chat},
        {test::corpus_path("alerts/grafana/alert-9.json"), Medium::alerting},
        {test::corpus_path("alerts/alertmanager/single_alert_no_url.json"), Medium::alerting},
        {test::corpus_path("email/mimekit/simple.mbox.txt"), Medium::mail},
        {"retro:" + test::corpus_path("../seed/2024-07-25-retro-as-published.md"), Medium::document},
    };
    for (const Row& row : rows) {
        INFO(row.source);
        auto diags = test::quiet_diagnostics();
        ingest::EventCollector sink;
        IngestOptions options;
        read_sources({row.source}, {options, diags, sink});
        const auto events = sink.take_sorted();
        REQUIRE_FALSE(events.empty());
        for (const Event& e : events) CHECK(e.source.medium == row.medium);
    }
}
