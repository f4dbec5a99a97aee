// Where a command writes its result: stdout or `-o FILE`. A regular file is written to a temporary file
// beside it (`.NAME.retro-tmp-XXXXXX`), flushed and fsynced, and published by renaming it into place only
// when the command succeeds, so an error, a signal or a full disk leave the old file as it was. Without
// may_replace the rename refuses to replace a file (renameat2 RENAME_NOREPLACE): of two runs racing for one
// new file, the later fails. A closed pipe ends the process quietly (cli/broken_pipe.hpp: exit 141); any
// other write failure throws retro::Error (exit 2).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cli/output_target.hpp"

namespace retro::cli {

class OutputFile {
public:
    // Resolves the target (see resolve_output_target: may throw) and opens the temporary file.
    explicit OutputFile(const OutputRequest& request);
    // Removes the temporary file when close() was not reached.
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Appends to the buffer; written out in large blocks.
    void write(std::string_view text);
    std::string& buffer() { return m_buffer; }
    void flush_if_large();
    // Writes what is buffered, then `pieces` one after the other, straight from where they are (writev: no
    // copy into the buffer).
    void write_gathered(std::span<const std::string_view> pieces);
    // Writes what is left and publishes the file.
    void close();

private:
    void write_out(std::string_view bytes);
    void publish();

    OutputTarget m_target;
    bool m_may_replace = false;
    int m_fd = -1;
    bool m_owned = false;
    std::string m_temp;  // regular_file: the temporary file until published
    int m_temp_slot = -1;
    std::string m_buffer;
};

// Flushes stdout at the end of a command that printed with stdio (help, --explain): a closed pipe ends
// quietly, another failure throws retro::Error (exit 2).
void close_standard_output();

}  // namespace retro::cli
