// Opening SOURCEs: stdin, files (gzip decoded on the fly), folders. The first bytes are read ahead for
// content detection and handed on in Input::head.
#include "io/open_input.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include "io/byte_streams.hpp"
#include "io/folder_tree.hpp"
#include "io/gzip_stream.hpp"
#include "io/zip_tree.hpp"
#include "retro/error.hpp"

namespace retro::io {

namespace {

std::string read_head(ByteStream& stream) {
    std::string head(head_size, '\0');
    std::size_t filled = 0;
    while (filled < head.size()) {
        const std::size_t n = stream.read(head.data() + filled, head.size() - filled);
        if (n == 0) break;
        filled += n;
    }
    head.resize(filled);
    return head;
}

// Wraps a raw stream: decodes gzip, and fills Input::head.
void finish_stream(Input& input, std::unique_ptr<ByteStream> raw) {
    std::string head = read_head(*raw);
    if (is_gzip(head)) {
        auto decoded = make_gzip_stream(std::move(raw), std::move(head));
        input.head = read_head(*decoded);
        input.stream = std::move(decoded);
        return;
    }
    input.head = std::move(head);
    input.stream = std::move(raw);
}

}  // namespace

bool is_gzip(std::string_view head) { return head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b'; }
bool is_zip(std::string_view head) { return head.size() >= 4 && head.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

namespace {

// A stream that cannot be read in place (stdin, memory): a ZIP is held in memory and read through its
// central directory (or streamed when it is truncated); anything else stays a stream.
Input open_unseekable(std::string name, std::unique_ptr<ByteStream> raw) {
    Input input;
    input.name = std::move(name);
    finish_stream(input, std::move(raw));
    if (is_zip(input.head)) {
        std::string bytes = std::move(input.head);
        char buffer[64 * 1024];
        for (std::size_t n; (n = input.stream->read(buffer, sizeof buffer)) > 0;) bytes.append(buffer, n);
        input.stream.reset();
        input.head.clear();
        input.tree = open_zip_tree_in_memory(std::move(bytes), input.name);
    }
    return input;
}

}  // namespace

Input open_bytes(std::string name, std::string bytes) {
    return open_unseekable(std::move(name), std::make_unique<MemoryStream>(std::move(bytes)));
}

Input open_input(std::string_view path_text) {
    if (path_text == "-") return open_unseekable("<stdin>", std::make_unique<FileStream>(0, "<stdin>", false));
    Input input;
    const std::string path(path_text);
    input.name = path;
    input.path = path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) {
        input.tree = open_folder_tree(path);
        return input;
    }
    // A regular file is opened without waiting: should it have become a FIFO since the stat, the open
    // does not hang for a writer. A FIFO named on purpose (`<(cmd)`) is opened as usual.
    const int nonblock = S_ISREG(st.st_mode) ? O_NONBLOCK : 0;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | nonblock);
    if (fd < 0) throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    if (nonblock != 0) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    finish_stream(input, std::make_unique<FileStream>(fd, path, true));
    if (is_zip(input.head)) {
        // A ZIP file is a tree read in place through its central directory, never unpacked.
        input.stream.reset();
        input.head.clear();
        input.tree = open_zip_tree(path, input.name);
    }
    return input;
}

Input open_tree_entry(Tree& tree, const TreeEntry& entry) {
    Input input;
    input.name = tree.display(entry);
    input.path = input.name;
    finish_stream(input, tree.open(entry));
    return input;
}

}  // namespace retro::io
