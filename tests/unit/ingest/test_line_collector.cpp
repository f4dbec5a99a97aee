// The compact sorted collector of `retro events`: stream order, duplicates, the window, and a result that
// does not depend on the order events arrive in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "ingest/id_collisions.hpp"
#include "ingest/line_collector.hpp"
#include "retro/event_json.hpp"
#include "retro/time.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

Event event(std::string id, std::string time, std::string kind, std::string origin, std::uint64_t line = 1,
            std::string text = "") {
    Event e;
    e.id = std::move(id);
    e.time = *parse_iso8601(time);
    e.time_raw = time;
    e.source.kind = std::move(kind);
    e.source.origin = std::move(origin);
    e.source.line = line;
    e.text = std::move(text);
    return e;
}

std::vector<std::string> sorted_lines(std::vector<Event> events, std::optional<Instant> from = std::nullopt,
                                      std::optional<Instant> until = std::nullopt, bool lines_are_events = false) {
    ingest::LineCollector collector([](const Event& e, std::string& out) { write_event_json(e, out); }, from, until,
                                    lines_are_events);
    for (Event& e : events) collector.add(std::move(e));
    std::vector<std::string> out;
    collector.write_sorted(
        [&](std::span<const std::string_view> lines) { out.insert(out.end(), lines.begin(), lines.end()); });
    return out;
}

std::vector<Event> sample() {
    return {
        event("slack:C1/2", "2024-07-25T10:00:02Z", "slack", "b.json"),
        event("email:<m@x>", "2024-07-25T10:00:01Z", "email", "inbox.mbox"),
        event("slack:C1/1", "2024-07-25T10:00:01Z", "slack", "a.json"),
        event("cloudwatch:A/ALARM@1", "2024-07-25T10:00:01Z", "cloudwatch", "h.json"),
        // The same record read twice, from two files: the one from a.json is kept.
        event("slack:C1/3", "2024-07-25T10:00:03Z", "slack", "c.json", 4, "copy"),
        event("slack:C1/3", "2024-07-25T10:00:03Z", "slack", "a.json", 9, "copy"),
    };
}

}  // namespace

TEST_CASE("lines come out by (time, source kind, id), exact duplicate ids once", "[collector]") {
    std::vector<std::string> lines = sorted_lines(sample());
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].find("\"id\":\"cloudwatch:A/ALARM@1\"") != std::string::npos);
    CHECK(lines[1].find("\"id\":\"email:<m@x>\"") != std::string::npos);
    CHECK(lines[2].find("\"id\":\"slack:C1/1\"") != std::string::npos);
    CHECK(lines[3].find("\"id\":\"slack:C1/2\"") != std::string::npos);
    CHECK(lines[4].find("\"origin\":\"a.json\"") != std::string::npos);
    for (const std::string& line : lines) CHECK(line.ends_with("}\n"));
}

TEST_CASE("the lines are the same whatever order the events arrive in", "[collector]") {
    std::vector<Event> events = sample();
    const std::vector<std::string> expected = sorted_lines(events);
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.id > b.id; });
    CHECK(sorted_lines(events) == expected);
    std::reverse(events.begin(), events.end());
    CHECK(sorted_lines(events) == expected);
}

TEST_CASE("events outside the window are not kept", "[collector]") {
    const auto from = parse_iso8601("2024-07-25T10:00:02Z");
    const auto until = parse_iso8601("2024-07-25T10:00:03Z");
    std::vector<std::string> lines = sorted_lines(sample(), from, until);
    REQUIRE(lines.size() == 1);  // from is inclusive, until exclusive
    CHECK(lines[0].find("\"id\":\"slack:C1/2\"") != std::string::npos);
}

TEST_CASE("a line longer than an arena block is kept whole", "[collector]") {
    std::vector<Event> events = {event("x:1", "2024-07-25T10:00:00Z", "events", "e.ndjson", 1, std::string(5u << 20, 'a')),
                                 event("x:2", "2024-07-25T10:00:01Z", "events", "e.ndjson", 2, "short")};
    std::vector<std::string> lines = sorted_lines(events);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size() > (5u << 20));
    CHECK(lines[1].find("\"short\"") != std::string::npos);
}

TEST_CASE("content hashes read back from retro.event/1 lines decide duplicates and renames as the events' own",
          "[collector]") {
    // 3,000 events over 2,000 ids: the same id with the same content (dropped) and with another (renamed).
    std::vector<Event> events;
    for (int i = 0; i < 3000; ++i) {
        Event e = event("slack:C1/" + std::to_string(i % 2000), "2024-07-25T10:00:0" + std::to_string(i % 10) + "Z",
                        "slack", "f" + std::to_string(i % 7) + ".json", static_cast<std::uint64_t>(i),
                        std::string(i % 3 == 0 ? "same" : "text " + std::to_string(i % 4)));
        e.actor.name = "A. Person";
        e.spans.push_back(Span{0, 4, SpanType::bold, ""});
        if (i % 11 == 0) e.flags.reactions = {"eyes", "+1"};
        events.push_back(std::move(e));
    }
    const std::vector<std::string> eager = sorted_lines(events);
    const std::vector<std::string> from_lines = sorted_lines(events, std::nullopt, std::nullopt, true);
    CHECK(std::count_if(eager.begin(), eager.end(), [](const std::string& l) { return l.find("#dup-") != l.npos; }) > 0);
    CHECK(eager.size() < events.size());
    CHECK(from_lines == eager);
}

TEST_CASE("every event line of the golden outputs reads back to the line it was written as", "[collector]") {
    // What lets a collector hash a line instead of its event: nothing written is lost or changed on reading.
    std::size_t lines = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/golden"))) {
        const std::filesystem::path expected = entry.path() / "expected.stdout";
        if (!std::filesystem::exists(expected)) continue;
        const std::string text = test::read_file(expected.string());
        for (std::size_t at = 0, end; at < text.size(); at = end + 1) {
            end = text.find('\n', at);
            if (end == std::string::npos) end = text.size();
            const std::string_view line = std::string_view(text).substr(at, end - at);
            if (!line.starts_with("{\"schema\":\"retro.event/1\"")) continue;
            Diagnostics diags = test::quiet_diagnostics();
            Event read;
            INFO(expected.string() << ": " << line);
            REQUIRE(read_event_json(line, Origin{"", 0, 0}, diags, read));
            CHECK(to_json_line(read) == std::string(line) + "\n");
            CHECK(ingest::content_hash_of_line(line) == ingest::content_hash(read));
            ++lines;
        }
    }
    CHECK(lines > 400);  // 458 when written
}

TEST_CASE("batches prepared on workers give the lines of events added one by one, large batches included",
          "[collector]") {
    // 3,000 events, a third of them duplicates of earlier ids, some with long texts so that batches pass the
    // 64 KB a collector keeps whole; a window that leaves a few out.
    std::vector<Event> events;
    for (int i = 0; i < 3000; ++i) {
        const int n = i % 1000;
        const std::string time = "2024-07-25T10:" + std::string(n / 60 < 10 ? "0" : "") + std::to_string(n / 60) +
                                 ":" + std::string(n % 60 < 10 ? "0" : "") + std::to_string(n % 60) + "Z";
        events.push_back(event("slack:C1/" + std::to_string(i % 2000), time, i % 3 ? "slack" : "email",
                               "f" + std::to_string(i % 7) + ".json", static_cast<std::uint64_t>(i),
                               std::string(i % 5 == 0 ? 400 : 10, 'a' + static_cast<char>(i % 26))));
    }
    const auto from = parse_iso8601("2024-07-25T10:00:05Z"), until = parse_iso8601("2024-07-25T10:16:00Z");
    const std::vector<std::string> one_by_one = sorted_lines(events, from, until);
    REQUIRE(one_by_one.size() > 1000);

    ingest::LineCollector collector([](const Event& e, std::string& out) { write_event_json(e, out); }, from, until);
    std::size_t at = 0;
    for (std::size_t size : {1u, 7u, 600u, 250u, 2000u, 141u}) {  // 600 and 2,000 events pass 64 KB
        std::vector<Event> batch(std::make_move_iterator(events.begin() + at),
                                 std::make_move_iterator(events.begin() + at + size));
        at += size;
        collector.add_prepared(collector.prepare(std::move(batch)));
        if (size == 7) collector.add(std::move(events[at++]));  // mixed with events added one by one
    }
    REQUIRE(at == events.size());
    std::vector<std::string> prepared;
    collector.write_sorted(
        [&](std::span<const std::string_view> lines) { prepared.insert(prepared.end(), lines.begin(), lines.end()); });
    CHECK(prepared == one_by_one);
}

TEST_CASE("events added after a first write_sorted still meet the id rule in the next", "[collector]") {
    ingest::LineCollector collector([](const Event& e, std::string& out) { write_event_json(e, out); }, {}, {});
    collector.add(event("slack:C1/1", "2024-07-25T10:00:00Z", "slack", "a.json"));
    collector.add(event("slack:C1/2", "2024-07-25T10:00:01Z", "slack", "a.json"));
    std::size_t first = 0, second = 0;
    collector.write_sorted([&](std::span<const std::string_view> lines) { first += lines.size(); });
    collector.add(event("slack:C1/1", "2024-07-25T10:00:00Z", "slack", "b.json"));  // the same record again
    collector.write_sorted([&](std::span<const std::string_view> lines) { second += lines.size(); });
    CHECK(first == 2);
    CHECK(second == 2);
    CHECK(collector.duplicates() == 1);
}
