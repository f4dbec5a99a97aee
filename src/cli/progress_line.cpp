#include "cli/progress_line.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/color.hpp"

namespace retro::cli {

namespace {

// Whether a line is on the terminal now: diagnostics may be printed from any stage while it is.
std::atomic<bool> line_drawn{false};

// How long a run goes before the line appears: 1 s, or RETRO_PROGRESS_DELAY seconds (as git's
// GIT_PROGRESS_DELAY; the tests set 0).
std::chrono::seconds first_draw() {
    const char* text = std::getenv("RETRO_PROGRESS_DELAY");
    if (text == nullptr || *text == '\0') return std::chrono::seconds(1);
    char* end = nullptr;
    const long seconds = std::strtol(text, &end, 10);
    return *end == '\0' && seconds >= 0 ? std::chrono::seconds(seconds) : std::chrono::seconds(1);
}

constexpr auto redraw_every = std::chrono::milliseconds(250);

}  // namespace

void erase_progress_line() {
    if (line_drawn.exchange(false)) std::fputs("\r\033[K", stderr);
}

// A terminal that takes `\033[K` (TERM set and not `dumb`); NO_COLOR and --color do not matter: the line is
// no colour.
ProgressLine::ProgressLine()
    : m_enabled(::isatty(STDERR_FILENO) == 1 && is_capable_term(std::getenv("TERM"))), m_start(Clock::now()) {
    m_first_draw = m_start + first_draw();
    m_next_draw = m_first_draw;
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
    draw(fmt::format("{} file{}, {:.1f} MB read, {:.1f} MB/s", m_files, m_files == 1 ? "" : "s", mb,
                     seconds > 0 ? mb / seconds : 0.0));
}

void ProgressLine::stage(std::string_view what) {
    if (!m_enabled || Clock::now() < m_first_draw) return;
    draw(what);
}

void ProgressLine::draw(std::string_view text) {
    std::fputs(fmt::format("\rretro: {}\033[K", text).c_str(), stderr);
    std::fflush(stderr);
    line_drawn = true;
}

void ProgressLine::finish() {
    if (m_enabled) erase_progress_line();
}

}  // namespace retro::cli
