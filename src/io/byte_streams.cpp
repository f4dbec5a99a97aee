// Memory and file-descriptor byte streams, and reading an Input whole under a limit.
#include "io/byte_streams.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retro/error.hpp"

namespace retro::io {

std::size_t MemoryStream::read(char* buffer, std::size_t size) {
    const std::size_t n = std::min(size, m_data.size() - m_pos);
    std::memcpy(buffer, m_data.data() + m_pos, n);
    m_pos += n;
    return n;
}

FileStream::FileStream(int fd, std::string name, bool owns) : m_fd(fd), m_name(std::move(name)), m_owns(owns) {}

FileStream::~FileStream() {
    if (m_owns && m_fd >= 0) ::close(m_fd);
}

std::size_t FileStream::read(char* buffer, std::size_t size) {
    for (;;) {
        const ssize_t n = ::read(m_fd, buffer, size);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno == EINTR) continue;
        throw Error(fmt::format("{}: cannot read: {}", m_name, std::strerror(errno)));
    }
}

std::size_t HeadThenStream::read(char* buffer, std::size_t size) {
    if (m_pos < m_head.size()) {
        const std::size_t n = std::min(size, m_head.size() - m_pos);
        std::memcpy(buffer, m_head.data() + m_pos, n);
        m_pos += n;
        return n;
    }
    return m_stream ? m_stream->read(buffer, size) : 0;
}

namespace {

// A file on disk already larger than the limit is refused before any of it is read into memory (reading
// first and refusing later would hold the limit's worth of bytes for nothing).
bool is_file_over(const std::string& path, std::uint64_t limit) {
    struct stat st {};
    return !path.empty() && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           static_cast<std::uint64_t>(st.st_size) > limit;
}

}  // namespace

bool read_all(Input& input, std::string& out, std::uint64_t limit, Diagnostics& diags) {
    out = input.head;
    if (out.size() > limit || is_file_over(input.path, limit)) {
        diags.error("ingest.too-large", {input.name}, fmt::format("larger than the limit of {} bytes; not read", limit));
        out.clear();
        return false;
    }
    if (!input.stream) return true;
    // Read through a fixed buffer: growing `out` by a large zero-filled chunk per read cost a 1 MB memset
    // per small file (a Slack export has tens of thousands of them). The buffer is the thread's own and
    // kept: allocating 64 KB per file made glibc consolidate its free lists every time (the profile's
    // malloc_consolidate).
    constexpr std::size_t chunk = 64 * 1024;
    thread_local const std::unique_ptr<char[]> buffer(new char[chunk]);
    for (;;) {
        const std::size_t n = input.stream->read(buffer.get(), chunk);
        if (n == 0) break;
        // Grown by doubling, but never past the limit: a 4 GB limit on an endless stream (/dev/zero)
        // would otherwise reserve 8 GB before the limit is seen.
        if (out.size() + n > out.capacity()) {
            out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(
                std::max<std::uint64_t>(out.capacity() * 2, out.size() + n), limit + chunk)));
        }
        out.append(buffer.get(), n);
        if (out.size() > limit) {
            diags.error("ingest.too-large", {input.name},
                        fmt::format("larger than the limit of {} bytes; not read", limit));
            out.clear();
            return false;
        }
    }
    const std::string damage = input.stream->damage();
    if (!damage.empty()) {
        diags.error("ingest.truncated", {input.name}, damage);
    }
    return true;
}

}  // namespace retro::io
