// Resolving `-o`: symbolic links followed to the file they name (the temporary file goes beside that file,
// so the link survives the rename), and the refusal to overwrite an input, as `cp` refuses "are the same
// file". The walk over folder sources happens only when the target already exists.
#include "cli/output_target.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/folder_tree.hpp"
#include "retro/error.hpp"
#include "retro/ingest.hpp"

namespace retro::cli {
namespace {

struct FileId {
    dev_t device;
    ino_t inode;
    bool operator==(const FileId&) const = default;
};

// The path a chain of symbolic links ends at (the last one may dangle: that is where a new file goes).
std::string follow_links(std::string path) {
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
        std::error_code ec;
        const std::filesystem::path target = std::filesystem::read_symlink(path, ec);
        if (ec) return path;
        path = target.is_absolute() ? target.string() : (std::filesystem::path(path).parent_path() / target).string();
    }
    throw Error(fmt::format("{}: too many levels of symbolic links", path));
}

// A draft or an init README (retro/ingest.hpp), which case-folder walks skip.
bool is_skipped_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    char head[32];
    const ssize_t n = ::read(fd, head, sizeof head);
    ::close(fd);
    return n > 0 && is_skipped_in_case_folder(std::string_view(head, static_cast<std::size_t>(n)));
}

// True when a file the case folder `path` would read is `target`: listed as the readers list it
// (io::list_children: hidden names, links out of the folder and links to folders not followed), retro's own
// drafts and init READMEs left out as the readers leave them out.
bool folder_reads(const std::string& path, const std::string& root, const FileId& target) {
    for (const io::Child& child : io::list_children(path, root)) {
        if (child.skip != io::Child::Skip::none) continue;
        if (child.is_folder) {
            if (folder_reads(child.path, root, target)) return true;
            continue;
        }
        struct stat st {};
        if (::stat(child.path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && FileId{st.st_dev, st.st_ino} == target)
            return !is_skipped_file(child.path);
    }
    return false;
}

bool case_folder_reads(const std::string& path, const FileId& target) {
    std::error_code ec;
    const std::string root = std::filesystem::canonical(path, ec).string();
    if (ec) return false;  // the reader reports it
    try {
        return folder_reads(path, root, target);
    } catch (const Error&) {
        return false;  // a folder that cannot be listed is not read either; the reader reports it
    }
}

void refuse_if_source(const OutputRequest& request, const FileId& target) {
    for (const std::string& text : request.sources) {
        const std::string path = parse_source_spec(text).path;
        if (path.empty() || path == "-") continue;
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) continue;  // the reader reports it
        const bool same = S_ISDIR(st.st_mode) ? case_folder_reads(path, target) : FileId{st.st_dev, st.st_ino} == target;
        if (same)
            throw Error(fmt::format("-o {}: is the same file as the source {}; writing it would destroy the input",
                                    request.path, text));
    }
}

unsigned mode_for_new_file() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666u & ~static_cast<unsigned>(mask);
}

}  // namespace

OutputTarget resolve_output_target(const OutputRequest& request) {
    OutputTarget target;
    if (request.path.empty() || request.path == "-") return target;
    target.shown = request.path;
    // Devices, /dev/stdout and /proc/self/fd/N name what the shell set up: write to it as it is.
    if (request.path.starts_with("/dev/") || request.path.starts_with("/proc/")) {
        target.kind = OutputTarget::Kind::direct;
        target.resolved = request.path;
        return target;
    }
    target.resolved = follow_links(request.path);
    struct stat st {};
    if (::stat(target.resolved.c_str(), &st) != 0) {
        if (errno != ENOENT) throw Error(fmt::format("-o {}: {}", request.path, std::strerror(errno)));
        target.kind = OutputTarget::Kind::regular_file;
        target.mode = mode_for_new_file();
        return target;
    }
    if (S_ISDIR(st.st_mode)) throw Error(fmt::format("-o {}: is a folder", request.path));
    if (!S_ISREG(st.st_mode)) {  // a FIFO, a device: nothing to replace
        target.kind = OutputTarget::Kind::direct;
        return target;
    }
    target.kind = OutputTarget::Kind::regular_file;
    target.mode = st.st_mode & 07777u;
    refuse_if_source(request, FileId{st.st_dev, st.st_ino});
    if (!request.may_replace) throw Error(fmt::format("{}: already exists; use --force to replace it", request.path));
    return target;
}

}  // namespace retro::cli
