// OrderedPipeline and run_in_order: results reach the consumer in task order whatever order the workers
// finish in, with a bounded number in flight.
#include <catch2/catch.hpp>

#include <atomic>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ordered_parallel.hpp"

using namespace retro;

namespace {

// Work that grows as the index falls, so later tasks tend to finish first.
std::size_t busy_work(std::size_t i, std::size_t count) {
    std::size_t x = i;
    for (std::size_t k = 0; k < (count - i) * 2000; ++k) x = x * 6364136223846793005ull + 1442695040888963407ull;
    return x;
}

}  // namespace

TEST_CASE("results are consumed in task order on any number of workers", "[parallel]") {
    const std::size_t count = 200;
    for (std::size_t workers : {0u, 1u, 2u, 4u}) {
        std::vector<std::size_t> order;
        std::vector<std::size_t> values;
        std::atomic<std::size_t> max_worker{0};
        run_in_order<std::pair<std::size_t, std::size_t>>(
            count, workers, 3,
            [&](std::size_t worker, std::size_t i) {
                std::size_t seen = max_worker.load();
                while (worker > seen && !max_worker.compare_exchange_weak(seen, worker)) {
                }
                return std::pair{i, busy_work(i, count)};
            },
            [&](std::size_t i, std::pair<std::size_t, std::size_t> r) {
                CHECK(r.first == i);
                order.push_back(r.first);
                values.push_back(r.second);
            });
        REQUIRE(order.size() == count);
        for (std::size_t i = 0; i < count; ++i) {
            CHECK(order[i] == i);
            CHECK(values[i] == busy_work(i, count));
        }
        CHECK(max_worker.load() < std::max<std::size_t>(workers, 1));
    }
}

TEST_CASE("an exception from a task is rethrown at its turn, after the tasks before it", "[parallel]") {
    for (std::size_t workers : {0u, 2u}) {
        std::vector<std::size_t> consumed;
        auto run = [&] {
            run_in_order<std::size_t>(
                50, workers, 4,
                [](std::size_t, std::size_t i) {
                    if (i == 7) throw std::runtime_error("task 7");
                    return i;
                },
                [&](std::size_t, std::size_t r) { consumed.push_back(r); });
        };
        CHECK_THROWS_WITH(run(), "task 7");
        CHECK(consumed == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6});
    }
}

TEST_CASE("no tasks: nothing runs", "[parallel]") {
    bool called = false;
    run_in_order<int>(
        0, 2, 2, [&](std::size_t, std::size_t) { return called = true, 1; }, [&](std::size_t, int) { called = true; });
    CHECK_FALSE(called);
}

TEST_CASE("a pipeline fed one task at a time consumes in order, never more than `ahead` in flight", "[parallel]") {
    for (std::size_t workers : {0u, 1u, 2u, 3u}) {
        const std::size_t ahead = 4, count = 100;
        std::vector<std::string> consumed;
        std::size_t submitted = 0;
        std::size_t most_in_flight = 0;
        {
            OrderedPipeline<std::string, std::string> pipeline(
                workers, ahead,
                [&](std::size_t, std::string& task) {
                    busy_work(task.size() % 7, 8);
                    return task + "!";
                },
                [&](std::string&& result) { consumed.push_back(std::move(result)); });
            for (std::size_t i = 0; i < count; ++i) {
                pipeline.submit(std::string(i % 13, 'x') + std::to_string(i));
                ++submitted;
                most_in_flight = std::max(most_in_flight, submitted - consumed.size());
                if (i == count / 2) {
                    pipeline.finish();  // everything so far delivered, then the stream goes on
                    CHECK(consumed.size() == submitted);
                }
            }
            pipeline.finish();
        }
        REQUIRE(consumed.size() == count);
        for (std::size_t i = 0; i < count; ++i) CHECK(consumed[i] == std::string(i % 13, 'x') + std::to_string(i) + "!");
        CHECK(most_in_flight <= (workers == 0 ? 0 : ahead));
    }
}

TEST_CASE("a pipeline left early (an exception in its consumer) joins its workers", "[parallel]") {
    std::size_t consumed = 0;
    auto run = [&] {
        OrderedPipeline<int, int> pipeline(
            2, 3, [](std::size_t, int& task) { return task; },
            [&](int&& result) {
                if (result == 5) throw std::runtime_error("consumer gave up");
                ++consumed;
            });
        for (int i = 0; i < 20; ++i) pipeline.submit(i);
        pipeline.finish();
    };
    CHECK_THROWS_WITH(run(), "consumer gave up");
    CHECK(consumed == 5);
}

TEST_CASE("parallel_sort gives std::sort's order on any number of workers", "[parallel]") {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> values;
    std::uint64_t x = 42;
    for (std::size_t i = 0; i < 250000; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        values.emplace_back(static_cast<std::uint32_t>(x >> 40) % 1000, static_cast<std::uint32_t>(i));
    }
    auto expected = values;
    std::sort(expected.begin(), expected.end());
    for (std::size_t workers : {0u, 1u, 2u, 3u, 4u, 7u}) {
        auto sorted = values;
        parallel_sort(sorted.begin(), sorted.end(), std::less<>(), workers);
        CHECK(sorted == expected);
    }
}

TEST_CASE("run_slices_in_order covers every item once, in order, whatever the count", "[parallel]") {
    for (const std::size_t count : {0u, 1u, 1023u, 1024u, 1025u, 2048u, 2049u, 5000u}) {
        std::vector<std::size_t> seen;
        run_slices_in_order<std::vector<std::size_t>>(
            count, 1024,
            [](std::size_t begin, std::size_t end) {
                std::vector<std::size_t> items;
                for (std::size_t i = begin; i < end; ++i) items.push_back(i);
                return items;
            },
            [&](std::vector<std::size_t>&& items) { seen.insert(seen.end(), items.begin(), items.end()); });
        std::vector<std::size_t> expected(count);
        std::iota(expected.begin(), expected.end(), std::size_t{0});
        CAPTURE(count);
        CHECK(seen == expected);
    }
}
