// Temporary output files that a signal must not leave behind. A command writes its result to a temporary
// file beside the target and renames it into place at the end; SIGINT, SIGTERM, SIGHUP, SIGQUIT or a closed
// pipe before then remove the temporary file and end the process as the signal would have.
#pragma once

#include <string>

namespace retro::cli {

// Installs the handlers (once; idempotent). SIGPIPE is ignored so that a write to a closed pipe fails with
// EPIPE, which OutputFile turns into a quiet end by SIGPIPE (exit 141 in a shell, as git does).
void install_signal_cleanup();

// Registers `path` for removal on a signal; returns a slot for `forget_temp_file`. Throws retro::Error when
// more temporary files are open than the handler can hold.
int remember_temp_file(const std::string& path);
// The file was published or removed: the handler no longer touches it.
void forget_temp_file(int slot);

// Removes every registered temporary file, restores SIGPIPE's default action and raises it: the process ends
// silently with the status of a closed pipe.
[[noreturn]] void end_on_closed_pipe();

}  // namespace retro::cli
