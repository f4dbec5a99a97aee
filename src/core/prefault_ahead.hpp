// Faults in the pages of a reserved, not yet written range a little ahead of the thread writing it, on a
// thread of its own. A collector that reserves room for a million events and fills it on one thread takes a
// page fault (a trap, a zeroed page, a memory-cgroup charge) every 4 KB as it goes: a tenth of
// `retro timeline`'s samples, all on its busiest thread, while the workers wait for it. The kernel's
// MADV_POPULATE_WRITE does the same work for a whole chunk in one call, here on another core; the contents
// are untouched (pages are faulted in as if written, not written), and nothing past a fixed distance
// ahead of the writer is faulted in, so the peak of memory stays where it was (to within a 2 MB huge page).
// Where the call does not exist (kernels before 5.14, other systems), nothing is done and the writer faults
// its pages in itself. The range is also advised to take transparent huge pages (MADV_HUGEPAGE), where the
// kernel has them.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace retro {

class PrefaultAhead {
public:
    // For the range [begin, end), which must stay mapped until this object goes; `ahead` bytes in front of
    // the writer at most.
    PrefaultAhead(const void* begin, const void* end, std::size_t ahead = 16u << 20);
    ~PrefaultAhead();  // stops, and waits for the call in progress
    PrefaultAhead(const PrefaultAhead&) = delete;
    PrefaultAhead& operator=(const PrefaultAhead&) = delete;

    // The writer has got to `at`: cheap to call often (it wakes the thread only a chunk at a time).
    void reached(const void* at);

    // How many bytes were faulted in so far (for tests).
    std::size_t done() const;

private:
    void run();

    const char* const m_begin;
    const char* const m_end;
    const std::size_t m_ahead;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    const char* m_reached;  // under m_mutex
    const char* m_done;     // under m_mutex: faulted in up to here
    bool m_stop = false;    // under m_mutex
    std::thread m_thread;
};

}  // namespace retro
