// Where `-o FILE` really writes, decided before a command reads or writes anything: stdout, a file that is
// not a regular file (written directly), or a regular file published by renaming a temporary file over it.
#pragma once

#include <string>
#include <vector>

namespace retro::cli {

struct OutputRequest {
    std::string path;                  // "" or "-": stdout
    bool may_replace = false;          // --force, or --update writing the draft back in place
    std::vector<std::string> sources;  // the command's SOURCE arguments (KIND:PATH allowed), "-" for stdin
};

struct OutputTarget {
    enum class Kind { standard_output, direct, regular_file };
    Kind kind = Kind::standard_output;
    std::string shown;     // the path as the user wrote it, for messages
    std::string resolved;  // regular_file: the path after symbolic links; direct: the path to open
    unsigned mode = 0666;  // regular_file: permission bits to give the new file (the old file's, else by umask)
};

// Resolves `request.path`. Throws retro::Error (exit 2) when the target exists and may not be replaced,
// is a folder, or is the same file (device and inode: hard and symbolic links count) as one the sources
// would read: a file SOURCE, or a regular file inside a folder SOURCE that is not hidden and does not carry
// the draft marker (`retro draft` never reads its own drafts).
OutputTarget resolve_output_target(const OutputRequest& request);

}  // namespace retro::cli
