// Runs tasks on worker threads and hands their results back in task order, so that output and diagnostics
// never depend on thread timing.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace retro {

// Tasks submitted one by one on the calling thread (a stream read in batches, say) are produced on
// `workers` threads, `produce(worker, task)` with `worker` in [0, workers) naming the thread's own state,
// and their results consumed on the calling thread in submission order, `consume(result)`, as they become
// ready. At most `ahead` tasks are submitted and not yet consumed: `submit` consumes (waiting if it must)
// before it queues another, so memory stays bounded. An exception thrown by `produce` is rethrown by
// `submit` or `finish` when its turn to be consumed comes. workers == 0 produces and consumes each task
// inside `submit`, on the calling thread.
template <class Task, class Result>
class OrderedPipeline {
public:
    using Produce = std::function<Result(std::size_t worker, Task& task)>;
    using Consume = std::function<void(Result&& result)>;

    OrderedPipeline(std::size_t workers, std::size_t ahead, Produce produce, Consume consume)
        : m_produce(std::move(produce)),
          m_consume(std::move(consume)),
          m_slots(workers == 0 ? 0 : std::max(ahead, workers)) {
        for (std::size_t w = 0; w < workers; ++w) m_threads.emplace_back([this, w] { work(w); });
    }

    OrderedPipeline(const OrderedPipeline&) = delete;
    OrderedPipeline& operator=(const OrderedPipeline&) = delete;

    // Abandons whatever was not consumed and joins the workers.
    ~OrderedPipeline() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_queued.notify_all();
        for (std::thread& t : m_threads) t.join();
    }

    void submit(Task task) {
        if (m_threads.empty()) {
            m_consume(m_produce(0, task));
            return;
        }
        while (m_submitted - m_turn >= m_slots.size()) consume_next(true);
        while (consume_next(false)) {
        }
        {
            std::lock_guard lock(m_mutex);
            Slot& slot = m_slots[m_submitted % m_slots.size()];
            slot.task.emplace(std::move(task));
            ++m_submitted;
        }
        m_queued.notify_one();
    }

    // Waits for every submitted task and consumes the results in order.
    void finish() {
        while (m_turn < m_submitted) consume_next(true);
    }

private:
    struct Slot {
        std::optional<Task> task;
        std::optional<Result> result;
        std::exception_ptr error;
        bool done = false;
    };

    // Consumes the next result in order: waits for it when `wait`, else only when it is ready.
    bool consume_next(bool wait) {
        Slot slot;
        {
            std::unique_lock lock(m_mutex);
            if (m_turn >= m_submitted) return false;
            Slot& next = m_slots[m_turn % m_slots.size()];
            if (!next.done && !wait) return false;
            m_produced.wait(lock, [&] { return next.done; });
            slot = std::move(next);
            next = Slot{};
            ++m_turn;
        }
        if (slot.error) std::rethrow_exception(slot.error);
        m_consume(std::move(*slot.result));
        return true;
    }

    void work(std::size_t worker) {
        for (;;) {
            std::size_t i;
            Task task;
            {
                std::unique_lock lock(m_mutex);
                m_queued.wait(lock, [&] { return m_stop || m_taken < m_submitted; });
                if (m_stop) return;
                i = m_taken++;
                task = std::move(*m_slots[i % m_slots.size()].task);
            }
            Slot slot;
            try {
                slot.result.emplace(m_produce(worker, task));
            } catch (...) {
                slot.error = std::current_exception();
            }
            slot.done = true;
            {
                std::lock_guard lock(m_mutex);
                m_slots[i % m_slots.size()] = std::move(slot);
            }
            m_produced.notify_all();
        }
    }

    Produce m_produce;
    Consume m_consume;
    std::vector<Slot> m_slots;  // task i lives in slot i % size from submission until consumed
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_queued, m_produced;
    std::size_t m_submitted = 0, m_taken = 0, m_turn = 0;
    bool m_stop = false;
};

// Calls `produce(worker, i)` for every i in [0, count) on `workers` threads and `consume(i, result)` on the
// calling thread, in index order, with at most `ahead` results produced before the one being consumed.
// An exception thrown by `produce` is rethrown here when its turn comes; later tasks are abandoned.
// workers == 0 runs everything on the calling thread.
template <class Result, class Produce, class Consume>
void run_in_order(std::size_t count, std::size_t workers, std::size_t ahead, Produce&& produce, Consume&& consume) {
    std::size_t consumed = 0;
    OrderedPipeline<std::size_t, Result> pipeline(
        workers, ahead, [&](std::size_t worker, std::size_t& i) { return produce(worker, i); },
        [&](Result&& result) { consume(consumed++, std::move(result)); });
    for (std::size_t i = 0; i < count; ++i) pipeline.submit(i);
    pipeline.finish();
}

// Sorts [first, last) by `less` on up to `workers` threads: each sorts a slice, then neighbouring slices are
// merged. The result is the one std::sort gives whenever `less` is a total order (or ties are
// indistinguishable). Small ranges are sorted on the calling thread.
template <class Iterator, class Less>
void parallel_sort(Iterator first, Iterator last, Less less, std::size_t workers) {
    const std::size_t n = static_cast<std::size_t>(last - first);
    if (workers < 2 || n < 100000) {
        std::sort(first, last, less);
        return;
    }
    std::vector<Iterator> bounds;
    for (std::size_t k = 0; k <= workers; ++k) bounds.push_back(first + static_cast<std::ptrdiff_t>(n * k / workers));
    {
        // An exception on a thread (a comparison that throws, bad_alloc) is rethrown here, after every
        // thread is joined, instead of ending the process in std::terminate.
        std::vector<std::exception_ptr> errors(workers);
        std::vector<std::thread> threads;
        for (std::size_t k = 1; k < workers; ++k)
            threads.emplace_back([&, k] {
                try {
                    std::sort(bounds[k], bounds[k + 1], less);
                } catch (...) {
                    errors[k] = std::current_exception();
                }
            });
        try {
            std::sort(bounds[0], bounds[1], less);
        } catch (...) {
            errors[0] = std::current_exception();
        }
        for (std::thread& t : threads) t.join();
        for (const std::exception_ptr& e : errors)
            if (e) std::rethrow_exception(e);
    }
    // Merge neighbours, doubling the width of sorted runs each round.
    for (std::size_t width = 1; width < workers; width *= 2)
        for (std::size_t k = 0; k + width < workers; k += 2 * width)
            std::inplace_merge(bounds[k], bounds[k + width], bounds[std::min(k + 2 * width, workers)], less);
}

// How many worker threads to read with: one per core, at least one and at most four (containers often
// report the host's cores; past four the one consuming thread is the limit anyway).
inline std::size_t worker_count() {
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
}

// Cuts [0, count) into slices of `slice` items and calls `produce(begin, end)` for each on the worker threads
// and `consume(result)` on the calling thread, in slice order. One slice, or one core, stays on the calling
// thread: a single worker would only hand the work over.
template <class Result, class Produce, class Consume>
void run_slices_in_order(std::size_t count, std::size_t slice, Produce&& produce, Consume&& consume) {
    const std::size_t slices = (count + slice - 1) / slice;
    const std::size_t workers = slices >= 2 && worker_count() >= 2 ? std::min(worker_count(), slices) : 0;
    run_in_order<Result>(
        slices, workers, 2 * std::max<std::size_t>(workers, 1),
        [&](std::size_t, std::size_t s) { return produce(s * slice, std::min(count, (s + 1) * slice)); },
        [&](std::size_t, Result&& result) { consume(std::move(result)); });
}

}  // namespace retro
