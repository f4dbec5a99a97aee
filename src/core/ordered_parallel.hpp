// Runs tasks on worker threads and hands their results back in task order, so that output and diagnostics
// never depend on thread timing.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace retro {

// Calls `produce(worker, i)` for every i in [0, count) on `workers` threads (`worker` in [0, workers)
// names the calling thread's own state) and `consume(i, result)` on the calling thread, in index order.
// At most `ahead` results are produced before the one being consumed, so memory stays bounded. An
// exception thrown by `produce` is rethrown here when its turn comes; later tasks are abandoned.
// workers == 0 runs everything on the calling thread.
template <class Result, class Produce, class Consume>
void run_in_order(std::size_t count, std::size_t workers, std::size_t ahead, Produce&& produce, Consume&& consume) {
    if (workers == 0) {
        for (std::size_t i = 0; i < count; ++i) consume(i, produce(std::size_t{0}, i));
        return;
    }
    if (ahead < workers) ahead = workers;
    struct Slot {
        std::optional<Result> result;
        std::exception_ptr error;
        bool done = false;
    };
    // Task i may start only while i < turn + ahead, so the tasks in flight own distinct slots i % ahead.
    std::vector<Slot> slots(ahead);
    std::mutex mutex;
    std::condition_variable produced, consumed;
    std::size_t next = 0, turn = 0;
    bool stop = false;

    auto work = [&](std::size_t worker) {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex);
                consumed.wait(lock, [&] { return stop || next >= count || next < turn + ahead; });
                if (stop || next >= count) return;
                i = next++;
            }
            Slot slot;
            try {
                slot.result.emplace(produce(worker, i));
            } catch (...) {
                slot.error = std::current_exception();
            }
            slot.done = true;
            {
                std::lock_guard lock(mutex);
                slots[i % ahead] = std::move(slot);
            }
            produced.notify_all();
        }
    };

    std::vector<std::thread> threads;
    // Joins the workers however this function is left (a consume or produce exception included).
    struct Joiner {
        std::vector<std::thread>& threads;
        std::mutex& mutex;
        bool& stop;
        std::condition_variable& consumed;
        ~Joiner() {
            {
                std::lock_guard lock(mutex);
                stop = true;
            }
            consumed.notify_all();
            for (std::thread& t : threads) t.join();
        }
    } joiner{threads, mutex, stop, consumed};
    for (std::size_t w = 0; w < workers; ++w) threads.emplace_back(work, w);

    for (std::size_t i = 0; i < count; ++i) {
        Slot slot;
        {
            std::unique_lock lock(mutex);
            produced.wait(lock, [&] { return slots[i % ahead].done; });
            slot = std::move(slots[i % ahead]);
            slots[i % ahead] = Slot{};
            ++turn;
        }
        consumed.notify_all();
        if (slot.error) std::rethrow_exception(slot.error);
        consume(i, std::move(*slot.result));
    }
}

// How many worker threads to read with: one per core, at least one.
inline std::size_t worker_count() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

}  // namespace retro
