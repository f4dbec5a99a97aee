// A progress line on stderr for long runs: files and MB read so far and the rate, redrawn in place with
// `\r` at most four times a second once a read has run for a second, then what is being done (`stage`),
// and erased before output and at the end. Silent unless stderr is a terminal whose TERM is set and not
// `dumb`, so logs and pipes never see it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

#include "retro/ingest.hpp"

namespace retro::cli {

class ProgressLine final : public Progress {
public:
    ProgressLine();
    ~ProgressLine() override;
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void advance(std::uint64_t bytes, std::uint64_t files) override;
    // Says what the run does now ("correlating 12,000 events"), when the line has been up for a second.
    void stage(std::string_view what);
    // Erases the line (before the output is written, or at the end).
    void finish();

private:
    void draw(std::string_view text);

    using Clock = std::chrono::steady_clock;
    bool m_enabled = false;
    Clock::time_point m_start, m_first_draw, m_next_draw;
    std::uint64_t m_bytes = 0, m_files = 0;
};

// Erases the progress line if one is drawn, so that a diagnostic printed next starts on a clean line.
void erase_progress_line();

}  // namespace retro::cli
