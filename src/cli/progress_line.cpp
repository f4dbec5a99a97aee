#include "cli/progress_line.hpp"

#include <atomic>
#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>

namespace retro::cli {

namespace {

// Whether a line is on the terminal now: diagnostics may be printed from any stage while it is.
std::atomic<bool> line_drawn{false};

constexpr auto first_draw = std::chrono::seconds(1);
constexpr auto redraw_every = std::chrono::milliseconds(250);

}  // namespace

void erase_progress_line() {
    if (line_drawn.exchange(false)) std::fputs("\r\033[K", stderr);
}

ProgressLine::ProgressLine() : m_enabled(::isatty(STDERR_FILENO) == 1), m_start(Clock::now()) {
    m_next_draw = m_start + first_draw;
}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::advance(std::uint64_t bytes, std::uint64_t files) {
    m_bytes += bytes;
    m_files += files;
    if (!m_enabled) return;
    const Clock::time_point now = Clock::now();
    if (now < m_next_draw) return;
    m_next_draw = now + redraw_every;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const double mb = static_cast<double>(m_bytes) / 1e6;
    std::fputs(fmt::format("\rretro: {} file{}, {:.1f} MB read, {:.1f} MB/s\033[K", m_files, m_files == 1 ? "" : "s",
                           mb, seconds > 0 ? mb / seconds : 0.0)
                   .c_str(),
               stderr);
    std::fflush(stderr);
    line_drawn = true;
}

void ProgressLine::finish() {
    if (m_enabled) erase_progress_line();
}

}  // namespace retro::cli
