#include <catch2/catch.hpp>

#include "ingest/event_collector.hpp"
#include "ingest/events/event_batch_parser.hpp"
#include "retro/event_json.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

std::string line(int k) {
    return R"({"schema":"retro.event/1","id":"n)" + std::to_string(k) + R"(","time":"2024-07-25T10:00:0)" +
           std::to_string(k % 10) + R"(Z","kind":"note","source":{"kind":"retro"},"text":"t)" + std::to_string(k) +
           "\"}";
}

// Parses records 0..n-1, every third one damaged in a different way, with `threads` and `batch_bytes`.
struct Outcome {
    std::vector<std::string> json;  // the events as the sink got them, in order
    std::vector<std::string> diagnostics;
    std::uint64_t damaged = 0;
};

Outcome parse_all(int n, std::size_t threads, std::size_t batch_bytes) {
    auto diags = test::quiet_diagnostics();
    IngestOptions options;
    ingest::EventCollector sink;
    ingest::EventBatchParser parser({options, diags, sink}, threads, batch_bytes);
    for (int k = 0; k < n; ++k) {
        std::string record = k % 3 == 1 ? "{oops" : k % 3 == 2 ? R"({"schema":"retro.event/1"})" : line(k);
        parser.add(record, {"s.ndjson", static_cast<std::uint64_t>(k + 1), 1});
    }
    parser.flush();
    Outcome out;
    for (const auto& e : sink.take_sorted()) out.json.push_back(to_json_line(e));
    out.diagnostics = test::texts(diags);
    out.damaged = sink.dropped().at("damaged record");
    return out;
}

}  // namespace

TEST_CASE("batch parsing gives the same events, drops and diagnostics whatever the threads and batch size") {
    const Outcome one = parse_all(50, 1, std::size_t{1} << 20);
    CHECK(one.json.size() == 17);
    CHECK(one.damaged == 33);
    CHECK(one.diagnostics.size() == 33);
    CHECK(one.diagnostics.front() == "s.ndjson:2:2: error: invalid JSON: expected a string key [events.bad-json]");
    for (std::size_t threads : {2, 3, 8})
        for (std::size_t batch : {1, 100, 1000}) {
            const Outcome many = parse_all(50, threads, batch);
            CHECK(many.json == one.json);
            CHECK(many.diagnostics == one.diagnostics);
            CHECK(many.damaged == one.damaged);
        }
}
