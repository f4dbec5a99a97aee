#include "cli/output_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "cli/broken_pipe.hpp"
#include "cli/temp_files.hpp"
#include "retro/error.hpp"

namespace retro::cli {
namespace {

[[noreturn]] void fail_write(const std::string& shown, int fd, int error) {
    end_if_closed_pipe(error, fd);
    throw Error(fmt::format("{}: write failed: {}", shown, std::strerror(error)));
}

std::string temp_pattern_for(const std::string& resolved) {
    const std::filesystem::path target(resolved);
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    return (folder / ("." + target.filename().string() + ".retro-tmp-XXXXXX")).string();
}

// rename without replacing: renameat2 where the file system has it, else link + unlink (also atomic).
bool rename_no_replace(const std::string& from, const std::string& to, int& error) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
    error = errno;
    if (error != EINVAL && error != ENOSYS && error != ENOTSUP) return false;
    if (::link(from.c_str(), to.c_str()) != 0) {
        error = errno;
        return false;
    }
    ::unlink(from.c_str());
    return true;
}

void sync_folder_of(const std::string& path) {
    const std::filesystem::path p(path);
    const std::string folder = p.has_parent_path() ? p.parent_path().string() : ".";
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);  // best effort: the rename is already atomic; this makes it durable
    ::close(fd);
}

}  // namespace

OutputFile::OutputFile(const OutputRequest& request)
    : m_target(resolve_output_target(request)), m_may_replace(request.may_replace) {
    install_signal_cleanup();
    switch (m_target.kind) {
    case OutputTarget::Kind::standard_output:
        m_fd = STDOUT_FILENO;
        m_target.shown = "<stdout>";
        return;
    case OutputTarget::Kind::direct:
        m_fd = ::open(m_target.resolved.c_str(), O_WRONLY | O_CLOEXEC);
        if (m_fd < 0) throw Error(fmt::format("{}: cannot write: {}", m_target.shown, std::strerror(errno)));
        m_owned = true;
        return;
    case OutputTarget::Kind::regular_file:
        break;
    }
    std::string pattern = temp_pattern_for(m_target.resolved);
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        throw Error(fmt::format("{}: cannot create a temporary file beside it: {}", m_target.shown,
                                std::strerror(errno)));
    m_owned = true;
    m_temp = std::move(pattern);
    m_temp_slot = remember_temp_file(m_temp);
    ::fchmod(m_fd, static_cast<mode_t>(m_target.mode));
}

OutputFile::~OutputFile() {
    if (m_owned && m_fd >= 0) ::close(m_fd);
    if (!m_temp.empty()) {
        ::unlink(m_temp.c_str());
        forget_temp_file(m_temp_slot);
    }
}

void OutputFile::write(std::string_view text) {
    m_buffer.append(text);
    flush_if_large();
}

void OutputFile::flush_if_large() {
    if (m_buffer.size() < (1u << 20)) return;
    write_out(m_buffer);
    m_buffer.clear();
}

void OutputFile::write_out(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_write(m_target.shown, m_fd, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void OutputFile::write_gathered(std::span<const std::string_view> pieces) {
    write_out(m_buffer);
    m_buffer.clear();
    constexpr std::size_t most = 1024;  // IOV_MAX on Linux
    struct iovec vec[most];
    while (!pieces.empty()) {
        const std::size_t count = std::min(pieces.size(), most);
        for (std::size_t i = 0; i < count; ++i)
            vec[i] = {const_cast<char*>(pieces[i].data()), pieces[i].size()};
        const ssize_t n = ::writev(m_fd, vec, static_cast<int>(count));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_write(m_target.shown, m_fd, errno);
        }
        // A short write ends inside piece `i`: the rest of that piece is written plainly, the next go on.
        std::size_t written = static_cast<std::size_t>(n), i = 0;
        while (i < count && written >= pieces[i].size()) written -= pieces[i++].size();
        if (i < count && written > 0) write_out(pieces[i++].substr(written));
        pieces = pieces.subspan(i);
    }
}

void OutputFile::close() {
    write_out(m_buffer);
    m_buffer.clear();
    if (m_target.kind != OutputTarget::Kind::regular_file) {
        if (m_owned && ::close(m_fd) != 0) fail_write(m_target.shown, -1, errno);  // closed: not polled
        m_owned = false;
        return;
    }
    if (::fsync(m_fd) != 0) fail_write(m_target.shown, m_fd, errno);
    const int closed = ::close(m_fd);
    m_owned = false;
    if (closed != 0) fail_write(m_target.shown, -1, errno);
    publish();
}

void OutputFile::publish() {
    int error = 0;
    if (m_may_replace ? ::rename(m_temp.c_str(), m_target.resolved.c_str()) == 0
                      : rename_no_replace(m_temp, m_target.resolved, error)) {
        forget_temp_file(m_temp_slot);
        m_temp.clear();
        sync_folder_of(m_target.resolved);
        return;
    }
    if (m_may_replace) error = errno;
    if (error == EEXIST)
        throw Error(fmt::format("{}: was created by another program while retro ran; left as it is (use --force "
                                "to replace it)",
                                m_target.shown));
    throw Error(fmt::format("{}: cannot write: {}", m_target.shown, std::strerror(error)));
}

void close_standard_output() {
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return;
    const int error = errno;
    fail_write("<stdout>", STDOUT_FILENO, error != 0 ? error : EIO);
}

}  // namespace retro::cli
