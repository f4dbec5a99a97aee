// The one rule for a closed pipe, on every command and every write to stdout (OutputFile, the help, lint's
// --explain): the process ends silently by SIGPIPE, as git and cat do, and the shell reports 141 (128 +
// SIGPIPE). `retro events … | head -1` says nothing and is no failure to print. SIGPIPE itself is ignored
// while retro runs (temp_files.hpp: install_signal_cleanup), so a write fails with EPIPE and comes here:
// the temporary output files are removed first.
#pragma once

namespace retro::cli {

// Removes the temporary output files, restores SIGPIPE's default action and raises it. Where SIGPIPE is
// blocked, exits 141 instead: the same status.
[[noreturn]] void end_on_closed_pipe();

// After a write to `fd` failed with `error` (an errno value): ends as above when `fd` is a closed pipe
// (EPIPE, or the pipe polls as broken when errno no longer says); returns otherwise.
void end_if_closed_pipe(int error, int fd);

}  // namespace retro::cli
