// The files `retro lint PATH…` checks (DESIGN.md "Lint"): paths as given, folders walked for `*.md`, and
// the `[lint]` include/exclude globs that choose among the files a walk found.
#pragma once

#include <string>
#include <vector>

#include "core/config.hpp"
#include "retro/diagnostic.hpp"

namespace retro::lint {

struct LintTarget {
    std::string path;        // as reported: as given, or the folder as given joined with the path below it
    std::string relative;    // below the walked folder ("2024/x.md", what globs match); else the file name
    bool is_walked = false;  // found by walking a folder: `[lint]` include/exclude apply
};

// The targets of `paths`, in order: `-` (stdin) and files as given; for a folder, the `*.md` files (any
// case) below it, sorted by path, hidden entries skipped, links to files followed and to folders not. A
// `.md` link that leads nowhere is an `ingest.dangling-link` warning (a loop, `ingest.link-loop`), not a
// target. A path that names nothing, or a folder that cannot be listed, is left out and its message
// ("x.md: no such file or folder") appended to `unreadable`: the other paths are still linted.
std::vector<LintTarget> find_lint_targets(const std::vector<std::string>& paths, Diagnostics& diags,
                                          std::vector<std::string>& unreadable);

// Whether the `[lint]` include and exclude globs keep `target`; a file named on the command line is kept.
// A glob matches the path below the walked folder or the file name.
bool is_selected(const LintTarget& target, const LintConfig& config);

}  // namespace retro::lint
