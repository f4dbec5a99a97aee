// RecordBatchReader: events, drops, diagnostics and extras reach the sink in record order whatever the
// number of workers and the batch size, through the sink's own prepare/add_prepared when it has them.
#include <map>

#include <catch2/catch.hpp>

#include "ingest/record_batch_reader.hpp"
#include "retro/event_json.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

std::string line(int k) {
    return R"({"schema":"retro.event/1","id":"n)" + std::to_string(k) + R"(","time":"2024-07-25T10:00:0)" +
           std::to_string(k % 10) + R"(Z","kind":"note","source":{"kind":"retro"},"text":"t)" + std::to_string(k) +
           "\"}";
}

// Parses event lines; its extra is the source lines of the records of each batch.
struct LineWorker {
    void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink) {
        lines.push_back(origin.line);
        Event event;
        if (read_event_json(bytes, origin, diags, event))
            sink.add(std::move(event));
        else
            sink.drop("damaged record");
    }
    std::vector<std::uint64_t> take_extra() { return std::exchange(lines, {}); }
    std::vector<std::uint64_t> lines;
};

// Records what it is given, in order; `batched` prepares batches of ids itself.
class OrderSink final : public EventSink {
public:
    explicit OrderSink(bool batched) : m_batched(batched) {}
    void add(Event&& event) override { seen.push_back(event.id); }
    void drop(std::string_view reason, std::uint64_t count) override { dropped[std::string(reason)] += count; }
    std::unique_ptr<PreparedEvents> prepare(std::vector<Event>&& events) const override {
        if (!m_batched) return EventSink::prepare(std::move(events));
        auto ids = std::make_unique<Ids>();
        for (const Event& e : events) ids->ids.push_back("batched " + e.id);
        return ids;
    }
    void add_prepared(std::unique_ptr<PreparedEvents> batch) override {
        if (!m_batched) return EventSink::add_prepared(std::move(batch));
        for (std::string& id : static_cast<Ids&>(*batch).ids) seen.push_back(std::move(id));
    }
    std::vector<std::string> seen;
    std::map<std::string, std::uint64_t> dropped;  // counts: their order against events does not matter

private:
    struct Ids final : PreparedEvents {
        std::vector<std::string> ids;
    };
    bool m_batched;
};

struct Outcome {
    std::vector<std::string> seen;  // events as the sink got them
    std::map<std::string, std::uint64_t> dropped;
    std::vector<std::string> diagnostics;
    std::vector<std::uint64_t> extras;  // record lines, as the batches' extras arrived
    bool operator==(const Outcome&) const = default;
};

// Records 0..n-1, every third one damaged in a different way.
Outcome read_all(int n, std::size_t workers, std::size_t batch_bytes, bool batched_sink) {
    auto diags = test::quiet_diagnostics();
    IngestOptions options;
    OrderSink sink(batched_sink);
    std::vector<LineWorker> pool(workers);
    Outcome out;
    ingest::RecordBatchReader<LineWorker> reader({options, diags, sink}, pool, batch_bytes,
                                                 [&](std::vector<std::uint64_t>&& lines) {
                                                     out.extras.insert(out.extras.end(), lines.begin(), lines.end());
                                                 });
    for (int k = 0; k < n; ++k) {
        std::string record = k % 3 == 1 ? "{oops" : k % 3 == 2 ? R"({"schema":"retro.event/1"})" : line(k);
        reader.add(record, {"s.ndjson", static_cast<std::uint64_t>(k + 1), 1});
        if (k == n / 2) reader.flush();  // a flush in the middle, as a framing diagnostic causes
    }
    reader.flush();
    out.seen = std::move(sink.seen);
    out.dropped = std::move(sink.dropped);
    out.diagnostics = test::texts(diags);
    return out;
}

}  // namespace

TEST_CASE("batches give the same events, drops, diagnostics and extras, in order, whatever the workers") {
    const Outcome one = read_all(50, 1, std::size_t{1} << 20, false);
    REQUIRE(one.seen.size() == 17);
    CHECK(one.seen[0] == "n0");
    CHECK(one.seen[1] == "n3");
    CHECK(one.dropped.at("damaged record") == 33);
    CHECK(one.diagnostics.size() == 33);
    CHECK(one.diagnostics.front() == "s.ndjson:2:2: error: invalid JSON: expected a string key [events.bad-json]");
    REQUIRE(one.extras.size() == 50);
    CHECK(one.extras.back() == 50);
    for (std::size_t workers : {2, 3, 8})
        for (std::size_t batch : {1, 100, 1000}) {
            INFO(workers << " workers, batches of " << batch << " bytes");
            CHECK(read_all(50, workers, batch, false) == one);
        }
}

TEST_CASE("a sink's own prepare runs per batch and its batches arrive in record order") {
    for (std::size_t workers : {1, 2, 4}) {
        const Outcome out = read_all(30, workers, 200, true);
        INFO(workers << " workers");
        REQUIRE(out.seen.size() == 10);
        for (std::size_t i = 0; i < out.seen.size(); ++i) CHECK(out.seen[i] == "batched n" + std::to_string(3 * i));
        CHECK(out.dropped.at("damaged record") == 20);
    }
}
