// A progress line on stderr for long reads: files and MB read so far and the rate, redrawn in place with
// `\r` at most four times a second once a read has run for a second, and erased at the end. Silent unless
// stderr is a terminal, so logs and pipes never see it.
#pragma once

#include <chrono>
#include <cstdint>

#include "retro/ingest.hpp"

namespace retro::cli {

class ProgressLine final : public Progress {
public:
    ProgressLine();
    ~ProgressLine() override;
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void advance(std::uint64_t bytes, std::uint64_t files) override;
    // Erases the line (before the output is written, or at the end).
    void finish();

private:
    using Clock = std::chrono::steady_clock;
    bool m_enabled = false;
    Clock::time_point m_start, m_next_draw;
    std::uint64_t m_bytes = 0, m_files = 0;
};

// Erases the progress line if one is drawn, so that a diagnostic printed next starts on a clean line.
void erase_progress_line();

}  // namespace retro::cli
