// PrefaultAhead: MADV_POPULATE_WRITE a chunk at a time, never more than `ahead` bytes past the writer.
#include "core/prefault_ahead.hpp"

#include <algorithm>
#include <cstdint>

#include <sys/mman.h>
#include <unistd.h>

namespace retro {

namespace {

constexpr std::size_t chunk = 4u << 20;  // per call: large enough that a call costs little, small enough to keep ahead

const char* page_up(const char* p) {
    static const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    return reinterpret_cast<const char*>((at + page - 1) / page * page);
}

// Asks for transparent huge pages in the 2 MB-aligned part of [begin, end): a fault then fills 2 MB at once,
// and the passes over the range miss the TLB less. Only advice: a kernel without them (or with them off)
// keeps 4 KB pages.
void advise_huge_pages(const char* begin, const char* end) {
    constexpr std::uintptr_t huge = 2u << 20;
    const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(begin) + huge - 1) / huge * huge;
    const std::uintptr_t to = reinterpret_cast<std::uintptr_t>(end) / huge * huge;
    if (from < to) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}

}  // namespace

PrefaultAhead::PrefaultAhead(const void* begin, const void* end, std::size_t ahead)
    : m_begin(page_up(static_cast<const char*>(begin))),
      m_end(std::max(m_begin, static_cast<const char*>(end))),
      m_ahead(std::max(ahead, chunk)),
      m_reached(m_begin),
      m_done(m_begin) {
#ifdef MADV_HUGEPAGE
    advise_huge_pages(m_begin, m_end);
#endif
#ifdef MADV_POPULATE_WRITE
    if (m_end - m_begin >= static_cast<std::ptrdiff_t>(chunk)) m_thread = std::thread([this] { run(); });
#endif
}

PrefaultAhead::~PrefaultAhead() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) m_thread.join();
}

void PrefaultAhead::reached(const void* at) {
    const char* p = static_cast<const char*>(at);
    bool wake = false;
    {
        std::unique_lock lock(m_mutex, std::try_to_lock);
        if (!lock.owns_lock() || p <= m_reached) return;  // busy with a chunk: told again next time
        m_reached = p;
        wake = m_done < m_end && m_done - m_reached < static_cast<std::ptrdiff_t>(m_ahead);
    }
    if (wake) m_wake.notify_one();
}

std::size_t PrefaultAhead::done() const {
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(m_done - m_begin);
}

void PrefaultAhead::run() {
#ifdef MADV_POPULATE_WRITE
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] {
            return m_stop || (m_done < m_end && m_done - m_reached < static_cast<std::ptrdiff_t>(m_ahead));
        });
        if (m_stop) return;
        const char* from = std::max(m_done, page_up(m_reached));
        const char* to = std::min(m_end, from + chunk);
        if (from >= to) {
            m_done = m_end;
            continue;
        }
        lock.unlock();
        const bool made = ::madvise(const_cast<char*>(from), static_cast<std::size_t>(to - from),
                                    MADV_POPULATE_WRITE) == 0;
        lock.lock();
        // Refused (no such call here, or memory short): the writer faults its pages in as it always did.
        m_done = made ? to : m_end;
    }
#endif
}

}  // namespace retro
