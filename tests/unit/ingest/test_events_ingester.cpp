#include <catch2/catch.hpp>

#include "ingest/event_collector.hpp"
#include "io/byte_streams.hpp"
#include "retro/event_json.hpp"
#include "retro/ingest.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

std::string line(const std::string& id, const std::string& time, const std::string& origin = "o") {
    return R"({"schema":"retro.event/1","id":")" + id + R"(","time":")" + time +
           R"(","kind":"note","source":{"kind":"retro","origin":")" + origin + R"("},"text":"t"})";
}

std::vector<Event> ingest_text(const std::string& text, Diagnostics& diags, ingest::EventCollector& sink) {
    IngestOptions options;
    Input input;
    input.name = "s.ndjson";
    input.head = text;
    find_ingester("events")->ingest(input, {options, diags, sink});
    return sink.take_sorted();
}

}  // namespace

TEST_CASE("the events ingester reads good lines around damaged ones") {
    auto diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    // The third line is JSON, and fails at its time after its id was read: nothing of it is kept.
    const auto events = ingest_text(line("b", "2024-07-25T10:00:00Z") + "\n{oops\n" + line("c", "at ten") + "\n" +
                                        line("a", "2024-07-25T11:00:00Z") + "\n",
                                    diags, sink);
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == "b");
    CHECK(events[1].id == "a");
    CHECK(test::texts(diags) ==
          std::vector<std::string>{"s.ndjson:2:2: error: invalid JSON: expected a string key [events.bad-json]",
                                   "s.ndjson:3:36: error: \"time\" is not an ISO 8601 instant: at ten [events.bad-field]"});
    CHECK(sink.dropped().at("damaged record") == 2);
}

TEST_CASE("exact duplicate ids are removed, keeping the same copy whatever the input order") {
    const std::string x = line("same", "2024-07-25T10:00:00Z", "first.ndjson");
    const std::string y = line("same", "2024-07-25T10:00:00Z", "second.ndjson");
    for (const auto& text : {x + "\n" + y + "\n", y + "\n" + x + "\n"}) {
        auto diags = test::quiet_diagnostics();
        ingest::EventCollector sink;
        const auto events = ingest_text(text, diags, sink);
        REQUIRE(events.size() == 1);
        CHECK(events[0].source.origin == "first.ndjson");
        CHECK(sink.duplicates() == 1);
    }
}

TEST_CASE("detection claims retro.event/1 streams only") {
    const Ingester* events = find_ingester("events");
    REQUIRE(events);
    CHECK(events->detect({"x", line("a", "2024-07-25T10:00:00Z"), nullptr}) == 100);
    CHECK(events->detect({"x", "{ \"schema\" : \"retro.event/1\" }", nullptr}) == 100);
    CHECK(events->detect({"x", R"({"AlarmHistoryItems":[]})", nullptr}) == 0);
    CHECK(events->detect({"x", "# Incident retro - x", nullptr}) == 0);
}

TEST_CASE("source specs split KIND: only for known kinds") {
    CHECK(parse_source_spec("events:-").kind == "events");
    CHECK(parse_source_spec("events:-").path == "-");
    CHECK(parse_source_spec("nope:file").kind.empty());
    CHECK(parse_source_spec("nope:file").path == "nope:file");
    CHECK(parse_source_spec("plain.json").path == "plain.json");
}
