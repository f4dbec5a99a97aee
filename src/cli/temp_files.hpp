// Temporary output files that a signal must not leave behind. A command writes its result to a temporary
// file beside the target and renames it into place at the end; SIGINT, SIGTERM, SIGHUP, SIGQUIT or a closed
// pipe before then remove the temporary file and end the process as the signal would have.
#pragma once

#include <string>

namespace retro::cli {

// Installs the handlers (once; idempotent). SIGPIPE is ignored so that a write to a closed pipe fails with
// EPIPE, which ends the process quietly by SIGPIPE after all (cli/broken_pipe.hpp).
void install_signal_cleanup();

// Registers `path` for removal on a signal; returns a slot for `forget_temp_file`. Throws retro::Error when
// more temporary files are open than the handler can hold.
int remember_temp_file(const std::string& path);
// The file was published or removed: the handler no longer touches it.
void forget_temp_file(int slot);

// Removes every registered temporary file (async-signal-safe; the registrations stay).
void remove_temp_files();

}  // namespace retro::cli
