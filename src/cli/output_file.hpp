// Where a command writes its result: stdout or `-o FILE`, buffered, with write errors thrown.
#pragma once

#include <cstdio>
#include <string>

namespace retro::cli {

class OutputFile {
public:
    // Empty path or "-": stdout. A file is replaced only when `force` or when it does not exist yet
    // (`may_replace` false makes an existing file a usage error).
    explicit OutputFile(const std::string& path, bool may_replace = true);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Appends to the buffer; flushes in large blocks.
    void write(std::string_view text);
    std::string& buffer() { return m_buffer; }
    void flush_if_large();
    void close();

private:
    std::FILE* m_file = nullptr;
    bool m_owned = false;
    std::string m_path;
    std::string m_buffer;
};

}  // namespace retro::cli
