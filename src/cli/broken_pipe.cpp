#include "cli/broken_pipe.hpp"

#include <cerrno>
#include <csignal>

#include <poll.h>
#include <unistd.h>

#include "cli/temp_files.hpp"

namespace retro::cli {
namespace {

// A pipe whose reader has gone polls as an error: how a failed write of long ago is told from a full disk
// when errno no longer says.
bool is_closed_pipe(int fd) {
    pollfd p{fd, 0, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & POLLERR) != 0;
}

}  // namespace

void end_on_closed_pipe() {
    remove_temp_files();
    std::signal(SIGPIPE, SIG_DFL);
    std::raise(SIGPIPE);
    ::_exit(128 + SIGPIPE);  // SIGPIPE blocked by the caller's mask: the same status
}

void end_if_closed_pipe(int error, int fd) {
    if (error == EPIPE || is_closed_pipe(fd)) end_on_closed_pipe();
}

}  // namespace retro::cli
