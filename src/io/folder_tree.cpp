// A folder as a Tree: regular files below it, recursively, sorted by path. Symbolic links to folders are
// not followed (no cycles); unreadable subfolders are skipped.
#include "io/folder_tree.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
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

bool read_file(const std::string& path, std::string& out, std::uint64_t limit, Diagnostics& diags) {
    Input input;
    input.name = repair_utf8(path);  // shown in diagnostics
    input.path = path;               // lets read_all refuse an over-limit file before reading it
    input.stream = open_file(path);
    return read_all(input, out, limit, diags);
}

// Files open independently, so any number of readers may work at once.
class FolderReader final : public EntryReader {
public:
    explicit FolderReader(std::string root) : m_root(std::move(root)) {}
    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return read_file(path_in(m_root, entry), out, limit, diags);
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
        std::error_code ec;
        fs::recursive_directory_iterator it(m_root, fs::directory_options::skip_permission_denied, ec);
        if (ec) throw Error(fmt::format("{}: cannot list folder: {}", m_root, ec.message()));
        // Paths below the root are cut from the iterator's own (which start with the root and a slash):
        // fs::relative would resolve every path through the file system, a readlink per component per file.
        // Sizes stay unknown (0): reading enforces the limit; a stat per file would cost as much as a small read.
        const std::size_t prefix = m_root == "/" ? 1 : m_root.size() + 1;
        for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
            if (ec) break;
            std::error_code type_ec;
            if (!it->is_regular_file(type_ec)) continue;
            const std::string& full = it->path().native();
            if (full.size() <= prefix) continue;
            m_entries.push_back(TreeEntry{full.substr(prefix), 0, -1});
        }
        std::sort(m_entries.begin(), m_entries.end(),
                  [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; });
        for (std::size_t i = 0; i < m_entries.size(); ++i) m_entries[i].index = static_cast<std::int64_t>(i);
        return m_entries;
    }

    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return read_file(path_in(m_root, entry), out, limit, diags);
    }

    std::unique_ptr<EntryReader> open_reader() override { return std::make_unique<FolderReader>(m_root); }

    std::unique_ptr<ByteStream> open(const TreeEntry& entry) override { return open_file(path_in(m_root, entry)); }

    // File names are bytes: shown as UTF-8, bad bytes as U+FFFD.
    std::string display(const TreeEntry& entry) const override { return repair_utf8(path_in(m_root, entry)); }

private:

    std::string m_root;
    std::vector<TreeEntry> m_entries;
    bool m_listed = false;
};

}  // namespace

std::unique_ptr<Tree> open_folder_tree(const std::string& path) { return std::make_unique<FolderTree>(path); }

std::vector<std::string> list_children(const std::string& path) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        out.push_back(it->path().string());
    }
    if (ec) throw Error(fmt::format("{}: cannot list folder: {}", path, ec.message()));
    std::sort(out.begin(), out.end());
    return out;
}

bool is_directory(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

}  // namespace retro::io
