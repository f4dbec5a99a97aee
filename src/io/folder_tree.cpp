// A folder as a Tree: regular files below it, recursively, sorted by path. Symbolic links to folders are
// not followed (no cycles); unreadable subfolders are skipped.
#include "io/folder_tree.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "io/byte_streams.hpp"
#include "retro/error.hpp"

namespace retro::io {

namespace {

namespace fs = std::filesystem;

std::string path_in(const std::string& root, const TreeEntry& entry) {
    return root == "/" ? "/" + entry.path : root + "/" + entry.path;
}

std::unique_ptr<ByteStream> open_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    return std::make_unique<FileStream>(fd, path, true);
}

// An entry of the folder, read whole: a regular file of known size goes straight into `out` with
// read_padding bytes of room after it, in one read that asks for one byte past its stated size (coming back
// with the stated size only, that read was the end), so a JSON parser takes it in place. read_all's way (a
// stat by path, then through a chunk buffer, then a read to see the end) copied every day file twice more.
// Anything else (not a regular file, a file that grew since it was opened) ends up as read_all reads it,
// refused and reported in the same words.
bool read_entry_file(const std::string& path, std::string& out, std::uint64_t limit, Diagnostics& diags) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    auto stream = std::make_unique<FileStream>(fd, path, true);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) > limit) {
        Input input;
        input.name = repair_utf8(path);
        input.path = path;
        input.stream = std::move(stream);
        return read_all(input, out, limit, diags);
    }
    const std::size_t size = static_cast<std::size_t>(st.st_size);
    out.clear();
    out.reserve(size + 1 + read_padding);
    out.resize(size + 1);
    std::size_t got = 0;
    while (got < out.size()) {
        const std::size_t n = stream->read(out.data() + got, out.size() - got);
        if (n == 0) break;
        got += n;
        // The stated size read and the byte asked for past it not there: the end, without a read that returns
        // nothing to say so (each read asks for everything up to one byte past the stated size).
        if (got == size) break;
    }
    out.resize(got);
    if (got <= size) return true;
    // It grew while being read: the rest as any stream, the limit counted from what is already here.
    Input input;
    input.name = repair_utf8(path);
    input.head = std::move(out);
    input.stream = std::move(stream);
    return read_all(input, out, limit, diags);
}

// Files open independently, so any number of readers may work at once.
class FolderReader final : public EntryReader {
public:
    explicit FolderReader(std::string root) : m_root(std::move(root)) {}
    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return read_entry_file(path_in(m_root, entry), out, limit, diags);
    }

private:
    std::string m_root;
};

class FolderTree final : public Tree {
public:
    explicit FolderTree(std::string root) : m_root(std::move(root)) {
        while (m_root.size() > 1 && m_root.back() == '/') m_root.pop_back();
    }

    const std::vector<TreeEntry>& entries() override {
        if (m_listed) return m_entries;
        m_listed = true;
        const int root = ::open(m_root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (root < 0) throw Error(fmt::format("{}: cannot list folder: {}", m_root, std::strerror(errno)));
        // readdir itself, not std::filesystem: its iterator builds and splits a path object per entry, about
        // half of a listing's CPU over 73,000 day files (the rest is the kernel's). Sizes stay unknown (0):
        // reading enforces the limit; a stat per file would cost as much as a small read.
        std::string relative;
        list_folder(root, relative);
        std::sort(m_entries.begin(), m_entries.end(),
                  [](const TreeEntry& x, const TreeEntry& y) { return x.path < y.path; });
        for (std::size_t i = 0; i < m_entries.size(); ++i) m_entries[i].index = static_cast<std::int64_t>(i);
        return m_entries;
    }

    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return read_entry_file(path_in(m_root, entry), out, limit, diags);
    }

    std::unique_ptr<EntryReader> open_reader() override { return std::make_unique<FolderReader>(m_root); }

    std::string damage() const override { return m_damage; }

    std::unique_ptr<ByteStream> open(const TreeEntry& entry) override { return open_file(path_in(m_root, entry)); }

    // File names are bytes: shown as UTF-8, bad bytes as U+FFFD.
    std::string display(const TreeEntry& entry) const override { return repair_utf8(path_in(m_root, entry)); }

private:
    // Adds the regular files below the open folder `fd` (which it closes), their paths prefixed with
    // `relative` ("" or "a/b/"). Links to files count as files; links to folders are not followed (no
    // cycles). A folder that cannot be read is reported as damage (a diagnostic) and the rest goes on.
    void list_folder(int fd, std::string& relative) {
        DIR* dir = ::fdopendir(fd);
        if (!dir) {
            add_damage(relative, errno);
            ::close(fd);
            return;
        }
        const std::size_t prefix = relative.size();
        for (;;) {
            errno = 0;
            const dirent* e = ::readdir(dir);
            if (!e) {
                if (errno != 0) add_damage(relative, errno);
                break;
            }
            const std::string_view name = e->d_name;
            if (name == "." || name == "..") continue;
            unsigned char type = e->d_type;
            if (type == DT_UNKNOWN || type == DT_LNK) type = type_of(::dirfd(dir), e->d_name);
            relative.append(name);
            if (type == DT_REG) {
                m_entries.push_back(TreeEntry{relative, 0, -1});
            } else if (type == DT_DIR) {
                const int child = ::openat(::dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
                relative.push_back('/');
                if (child >= 0)
                    list_folder(child, relative);
                else
                    add_damage(relative, errno);
            }
            relative.resize(prefix);
        }
        ::closedir(dir);
    }

    // DT_REG for a file or a link to one, DT_DIR for a folder (not a link to one), else DT_UNKNOWN.
    static unsigned char type_of(int dir, const char* name) {
        struct stat st;
        if (::fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return DT_UNKNOWN;
        if (S_ISDIR(st.st_mode)) return DT_DIR;
        if (S_ISLNK(st.st_mode) && ::fstatat(dir, name, &st, 0) != 0) return DT_UNKNOWN;
        return S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
    }

    void add_damage(std::string_view folder, int error) {
        if (!m_damage.empty()) m_damage += "; ";
        m_damage += fmt::format("cannot read folder {}: {}", repair_utf8(path_in(m_root, TreeEntry{std::string(folder), 0, -1})),
                                std::strerror(error));
    }

    std::string m_root;
    std::vector<TreeEntry> m_entries;
    std::string m_damage;  // folders that could not be read
    bool m_listed = false;
};

}  // namespace

std::unique_ptr<Tree> open_folder_tree(const std::string& path) { return std::make_unique<FolderTree>(path); }

namespace {

std::string file_type_name(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    return "not a regular file";
}

bool is_inside(const std::string& path, const std::string& root) {
    return root == "/" || path == root || (path.starts_with(root) && path[root.size()] == '/');
}

// Sets `child.skip` from its type: lstat first, then, for a link, where it leads.
void classify(Child& child, const std::string& root) {
    struct stat st {};
    if (::lstat(child.path.c_str(), &st) != 0) {
        child.skip = Child::Skip::unreadable;
        child.detail = std::strerror(errno);
        return;
    }
    child.is_folder = S_ISDIR(st.st_mode);
    if (S_ISLNK(st.st_mode)) {
        std::error_code ec;
        const std::string target = fs::read_symlink(child.path, ec).string();
        if (::stat(child.path.c_str(), &st) != 0) {
            child.skip = errno == ELOOP ? Child::Skip::link_loop : Child::Skip::dangling_link;
            child.detail = errno == ELOOP || errno == ENOENT ? target : target + ": " + std::strerror(errno);
            return;
        }
        const std::string resolved = fs::canonical(child.path, ec).string();
        if (S_ISDIR(st.st_mode) || ec || !is_inside(resolved, root)) {
            child.skip = Child::Skip::link_not_followed;
            child.detail = target + (S_ISDIR(st.st_mode) ? ", a folder" : ", outside the case folder");
            return;
        }
    }
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        child.skip = Child::Skip::not_a_file;
        child.detail = file_type_name(st.st_mode);
    } else if (::access(child.path.c_str(), S_ISDIR(st.st_mode) ? R_OK | X_OK : R_OK) != 0) {
        child.skip = Child::Skip::unreadable;
        child.detail = std::strerror(errno);
    }
}

}  // namespace

std::vector<Child> list_children(const std::string& path, const std::string& root) {
    std::vector<Child> out;
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        Child child{it->path().string()};
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.')
            child.skip = Child::Skip::hidden;
        else
            classify(child, root);
        out.push_back(std::move(child));
    }
    if (ec) throw Error(fmt::format("{}: cannot list folder: {}", path, ec.message()));
    std::sort(out.begin(), out.end(), [](const Child& a, const Child& b) { return a.path < b.path; });
    return out;
}

bool is_directory(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

}  // namespace retro::io
