// The id rule (issue 15 item 6), in both collectors: same id and content, a duplicate; same id and different
// content, both kept, the later by content hash renamed `#dup-<8 hex>` with a warning; whatever the order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "core/flat_id_set.hpp"
#include "ingest/event_collector.hpp"
#include "ingest/id_collisions.hpp"
#include "ingest/line_collector.hpp"
#include "ingest/slack/slack_ts.hpp"
#include "retro/event_json.hpp"
#include "retro/time.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

Event event(std::string id, std::string origin, std::uint64_t line, std::string text) {
    Event e;
    e.id = std::move(id);
    e.time = *parse_iso8601("2024-07-25T10:00:00Z");
    e.source.kind = "slack";
    e.source.origin = std::move(origin);
    e.source.line = line;
    e.text = std::move(text);
    return e;
}

std::vector<Event> sample() {
    return {event("slack:C1/1.000100", "a.json", 1, "one"), event("slack:C1/1.000100", "a.json", 2, "two"),
            event("slack:C1/1.000100", "b.json", 7, "one")};
}

std::string id_in(std::string_view line) {
    const std::size_t at = line.find("\"id\":\"") + 6;
    return std::string(line.substr(at, line.find('"', at) - at));
}

struct Result {
    std::vector<std::string> ids;
    std::vector<std::string> diagnostics;
    std::uint64_t duplicates = 0;
};

Result through_lines(std::vector<Event> events) {
    Result r;
    Diagnostics diags([&](const std::string& line) { r.diagnostics.push_back(line); }, Diagnostics::Format::text);
    ingest::LineCollector collector([](const Event& e, std::string& out) { write_event_json(e, out); }, {}, {});
    for (Event& e : events) collector.add(std::move(e));
    collector.write_sorted([&](std::span<const std::string_view> lines) {
        for (std::string_view line : lines) r.ids.push_back(id_in(line));
    }, &diags);
    diags.finish();
    r.duplicates = collector.duplicates();
    return r;
}

Result through_events(std::vector<Event> events) {
    Result r;
    Diagnostics diags([&](const std::string& line) { r.diagnostics.push_back(line); }, Diagnostics::Format::text);
    ingest::EventCollector collector;
    for (Event& e : events) collector.add(std::move(e));
    for (const Event& e : collector.take_sorted(&diags)) r.ids.push_back(e.id);
    diags.finish();
    r.duplicates = collector.duplicates();
    return r;
}

}  // namespace

TEST_CASE("content hash: FNV-1a 64 of the line without id, record and source") {
    Event a = event("x:1", "a.json", 1, "same");
    Event b = event("x:2", "b.json", 9, "same");
    b.record = "x";
    CHECK(ingest::content_hash(a) == ingest::content_hash(b));
    CHECK(ingest::content_hash(a) != ingest::content_hash(event("x:1", "a.json", 1, "other")));
    // Pinned: the hash is part of the output (`#dup-<8 hex>`), stable across runs and machines.
    CHECK(ingest::collision_id("x:1", ingest::content_hash(a)) ==
          fmt::format("x:1#dup-{:08x}", static_cast<std::uint32_t>(ingest::content_hash(a) >> 32)));
}

TEST_CASE("content hash of an alert: its alert part, not the text and links its vendor's templates render") {
    // Grafana's resolved payload repeats the firing with its summary rendered as "failure on <no value>".
    auto alert = [](std::string text, std::string key) {
        Event e = event("grafana:d8a2@2022-06-17T00:41:00Z", "a.json", 1, std::move(text));
        e.kind = EventKind::alert;
        e.alert = AlertInfo{};
        e.alert->key = std::move(key);
        e.alert->state = "firing";
        return e;
    };
    Event resolved_copy = alert("failure on <no value>", "Test alert{test=\"true\"}");
    resolved_copy.links = {"https://grafana.example.com/alerting/view"};
    CHECK(ingest::content_hash(alert("failure on some_host", "Test alert{test=\"true\"}")) ==
          ingest::content_hash(resolved_copy));
    // Two alerts sharing an id but not their labels (item 15: one fingerprint, two alerts) differ.
    CHECK(ingest::content_hash(alert("x", "Test alert{test=\"true\"}")) !=
          ingest::content_hash(alert("x", "Test alert{test=\"false\"}")));
}

TEST_CASE("same id, different content: both kept, one renamed and warned about, same content: a duplicate") {
    const std::uint64_t one = ingest::content_hash(sample()[0]), two = ingest::content_hash(sample()[1]);
    const bool two_later = two > one;
    const std::string renamed = ingest::collision_id("slack:C1/1.000100", two_later ? two : one);
    const std::string warning =
        fmt::format("a.json:{}: warning: another record has the id slack:C1/1.000100 with different content; "
                    "this one is {} [ingest.id-collision]",
                    two_later ? 2 : 1, renamed);
    std::vector<Event> events = sample();
    std::vector<std::size_t> order{0, 1, 2};
    do {
        std::vector<Event> shuffled;
        for (std::size_t i : order) shuffled.push_back(sample()[i]);
        for (const Result& r : {through_lines(shuffled), through_events(shuffled)}) {
            CHECK(r.ids == std::vector<std::string>{"slack:C1/1.000100", renamed});
            CHECK(r.diagnostics == std::vector<std::string>{warning});
            CHECK(r.duplicates == 1);
        }
    } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("batches prepared on workers: ids shared across batches are found, unique ones left alone") {
    // Many unique ids (the set of ids seen grows as batches arrive), the sample's shared id split across
    // batches, and a collector given only unique ids.
    std::vector<Event> events;
    for (int i = 0; i < 2000; ++i) events.push_back(event("slack:C2/" + std::to_string(i), "c.json", 1, "u"));
    for (Event& e : sample()) events.insert(events.begin() + 700 * static_cast<long>(events.size() % 3), e);
    for (bool shared : {true, false}) {
        std::vector<Event> input = events;
        if (!shared) input.erase(std::remove_if(input.begin(), input.end(),
                                                [](const Event& e) { return e.id == "slack:C1/1.000100"; }),
                                 input.end());
        ingest::LineCollector lines([](const Event& e, std::string& out) { write_event_json(e, out); }, {}, {});
        ingest::EventCollector kept;
        for (std::size_t at = 0; at < input.size(); at += 333) {
            const auto end = input.begin() + static_cast<long>(std::min(input.size(), at + 333));
            std::vector<Event> batch(input.begin() + static_cast<long>(at), end);
            lines.add_prepared(lines.prepare(std::vector<Event>(batch)));
            kept.add_prepared(kept.prepare(std::move(batch)));
        }
        Diagnostics diags = test::quiet_diagnostics();
        std::vector<std::string> line_ids, event_ids;
        lines.write_sorted([&](std::span<const std::string_view> out) {
            for (std::string_view line : out) line_ids.push_back(id_in(line));
        }, &diags);
        for (const Event& e : kept.take_sorted(&diags)) event_ids.push_back(e.id);
        CHECK(line_ids == event_ids);
        CHECK(lines.duplicates() == (shared ? 1 : 0));
        CHECK(kept.duplicates() == (shared ? 1 : 0));
        CHECK(line_ids.size() == (shared ? 2002u : 2000u));
        CHECK(std::count(line_ids.begin(), line_ids.end(), "slack:C1/1.000100") == (shared ? 1 : 0));
    }
}

TEST_CASE("a renamed id that meets the same record already renamed (retro's own output merged back) is a duplicate") {
    std::vector<Event> events = sample();
    const std::uint64_t one = ingest::content_hash(events[0]), two = ingest::content_hash(events[1]);
    Event again = two > one ? events[1] : events[0];
    again.id = ingest::collision_id(again.id, std::max(one, two));
    again.source.origin = "out.ndjson";
    events.push_back(again);
    const Result r = through_lines(events);
    CHECK(r.ids.size() == 2);
    CHECK(r.duplicates == 2);
}

TEST_CASE("Slack ts as a JSON number: read exactly to the microsecond, or refused") {
    using ingest::slack::ts_of_number;
    CHECK(ts_of_number(1721901600.000100) == "1721901600.000100");
    CHECK(ts_of_number(1721901600.000101) == "1721901600.000101");
    CHECK(ts_of_number(1721901600.999999) == "1721901600.999999");
    CHECK(ts_of_number(1721901601) == "1721901601.000000");
    CHECK(ts_of_number(1721901600.00000012) == std::nullopt);
    CHECK(ts_of_number(1e20) == std::nullopt);
    CHECK(ts_of_number(-1) == std::nullopt);
}

TEST_CASE("the id rule with the ids' hashes made beforehand gives the rule's own answer") {
    // Ids seen once, twice and three times, same and different content, in a stream order that is not the
    // order of the items; hashes as a worker makes them, and all equal (every id meets every other).
    std::vector<std::string> ids;
    std::vector<std::uint64_t> contents;
    for (std::uint32_t i = 0; i < 600; ++i) {
        ids.push_back("alert:" + std::to_string(i % 250));
        contents.push_back(i % 250 < 40 ? i % 7 : 1);  // the first forty ids: different contents
    }
    std::vector<std::uint32_t> order(ids.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = (k * 397) % static_cast<std::uint32_t>(ids.size());
    auto id_of = [&](std::uint32_t i) { return std::string_view(ids[i]); };
    auto hash_of = [&](std::uint32_t i) { return contents[i]; };
    auto where = [](std::uint32_t i) { return Location{"s.ndjson", i + 1, 0}; };
    Diagnostics plain = test::quiet_diagnostics();
    const ingest::IdResolution expected = ingest::resolve_ids(order, id_of, hash_of, where, &plain);
    CHECK_FALSE(expected.duplicates.empty());
    CHECK_FALSE(expected.renamed.empty());
    auto worker_hash = [&](std::uint32_t i) { return flat_id_hash(ids[i]); };
    auto one_hash = [](std::uint32_t) { return std::uint64_t{42}; };
    const std::vector<std::function<std::uint64_t(std::uint32_t)>> made_before{worker_hash, one_hash};
    for (const auto& id_hash_of : made_before) {
        Diagnostics diags = test::quiet_diagnostics();
        const ingest::IdResolution r = ingest::resolve_ids(order, id_of, hash_of, where, &diags, id_hash_of);
        CHECK(r.duplicates == expected.duplicates);
        CHECK(r.renamed == expected.renamed);
        CHECK(diags.total() == plain.total());
    }
}

TEST_CASE("the timeline's collector hashes ids per call and starts afresh after take_sorted") {
    ingest::EventCollector kept;
    for (Event& e : sample()) kept.add(std::move(e));
    Diagnostics diags = test::quiet_diagnostics();
    CHECK(kept.take_sorted(&diags).size() == 2);
    CHECK(kept.duplicates() == 1);
    // The same three again, two of them a batch from a worker: renamed and dropped as before.
    std::vector<Event> again = sample();
    kept.add(std::move(again[0]));
    kept.add_prepared(kept.prepare({again[1], again[2]}));
    std::vector<std::string> ids;
    for (const Event& e : kept.take_sorted(&diags)) ids.push_back(e.id);
    CHECK(ids.size() == 2);
    CHECK(std::count(ids.begin(), ids.end(), "slack:C1/1.000100") == 1);
    CHECK(kept.duplicates() == 2);
}

TEST_CASE("the id rule finds every repeat at the edges of its prefetching, for any number of items") {
    // The rule inserts each id FlatIdSet::prefetch_distance (16) positions after it asks for its slot: repeats
    // placed at the first and last positions of each group of 16, in streams shorter and longer than that.
    for (const std::uint32_t n : {0u, 1u, 15u, 16u, 17u, 33u}) {
        std::vector<std::string> ids;
        for (std::uint32_t k = 0; k < n; ++k)
            ids.push_back(k % 16 == 15 || (k % 16 == 0 && k > 0) ? "repeat" : "id:" + std::to_string(k));
        std::vector<std::uint32_t> order(n);
        std::iota(order.begin(), order.end(), 0u);
        std::vector<std::uint32_t> expected;  // each later copy of an id, in stream order
        std::set<std::string> seen;
        for (std::uint32_t k : order)
            if (!seen.insert(ids[k]).second) expected.push_back(k);
        auto id_of = [&](std::uint32_t i) { return std::string_view(ids[i]); };
        auto same_content = [](std::uint32_t) { return std::uint64_t{7}; };
        auto where = [](std::uint32_t i) { return Location{"s.ndjson", i + 1, 0}; };
        auto worker_hash = [&](std::uint32_t i) { return flat_id_hash(ids[i]); };
        Diagnostics diags = test::quiet_diagnostics();
        CAPTURE(n);
        CHECK(ingest::resolve_ids(order, id_of, same_content, where, &diags).duplicates == expected);
        CHECK(ingest::resolve_ids(order, id_of, same_content, where, &diags, worker_hash).duplicates == expected);
    }
}

TEST_CASE("the timeline's collector sorts by the times it keeps, events added singly and in batches, and again "
          "after take_sorted") {
    // Times kept beside the events must stay in step with them whichever way they were added.
    auto at = [](int second, const std::string& id) {
        Event e = event(id, "a.json", static_cast<std::uint64_t>(second), "t");
        e.time = *parse_iso8601(fmt::format("2024-07-25T10:00:{:02}Z", second));
        return e;
    };
    ingest::EventCollector kept;
    for (int round = 0; round < 2; ++round) {
        // The second round in another order: times left over from the first would sort it wrongly.
        if (round == 0) {
            kept.add(at(30, "x:30"));
            kept.add_prepared(kept.prepare({at(10, "x:10"), at(50, "x:50"), at(20, "x:20")}));
            kept.add(at(5, "x:5"));
            kept.add_prepared(kept.prepare({at(40, "x:40"), at(45, "x:45")}));
        } else {
            kept.add_prepared(kept.prepare({at(45, "x:45"), at(5, "x:5")}));
            kept.add(at(50, "x:50"));
            kept.add(at(10, "x:10"));
            kept.add_prepared(kept.prepare({at(40, "x:40"), at(30, "x:30"), at(20, "x:20")}));
        }
        std::vector<std::string> ids;
        for (const Event& e : kept.take_sorted()) ids.push_back(e.id);
        INFO(round);
        CHECK(ids == std::vector<std::string>{"x:5", "x:10", "x:20", "x:30", "x:40", "x:45", "x:50"});
    }
}
