// Walking folders for `retro lint` on io's folder listing (io::list_children): the children, links and
// hidden names a case folder has, chosen by lint's own rule: `*.md` files, and only a dangling `.md` link
// (or a loop) said out loud; unreadable folders, other files, FIFOs and links to folders pass in silence.
#include "lint/lint_targets.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "io/folder_tree.hpp"
#include "retro/error.hpp"

namespace retro::lint {
namespace {

std::string_view base_name(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_markdown_name(std::string_view name) {
    return name.size() > 3 && iequals_ascii(name.substr(name.size() - 3), ".md");
}

// Adds the `*.md` files below `folder` to `found`, `relative` ("" or "a/b/") naming `folder` below the
// folder the walk started from. Links to files are followed wherever they lead (root "/"), as a file
// named on the command line would be read; an unreadable `.md` file stays a target and reports when read.
void walk(const std::string& folder, const std::string& relative, std::vector<LintTarget>& found,
          Diagnostics& diags) {
    using Skip = io::Child::Skip;
    for (const io::Child& child : io::list_children(folder, "/")) {
        const std::string name(base_name(child.path));
        if (child.skip == Skip::hidden) continue;
        if (child.is_folder) {
            if (child.skip == Skip::none) walk(child.path, relative + name + "/", found, diags);
            continue;
        }
        if (!is_markdown_name(name)) continue;
        if (child.skip == Skip::dangling_link) {
            diags.warning("ingest.dangling-link", Location{child.path},
                          fmt::format("symbolic link to {}, which does not exist; not linted", child.detail));
        } else if (child.skip == Skip::link_loop) {
            diags.warning("ingest.link-loop", Location{child.path},
                          fmt::format("symbolic link loop (to {}); not linted", child.detail));
        } else if (child.skip == Skip::none || child.skip == Skip::unreadable) {
            found.push_back({child.path, relative + name, true});
        }
    }
}

bool matches_any(const std::vector<std::string>& globs, const LintTarget& target) {
    const std::string_view base = base_name(target.relative);
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
        return glob_match(glob, target.relative) || glob_match(glob, base);
    });
}

}  // namespace

std::vector<LintTarget> find_lint_targets(const std::vector<std::string>& paths, Diagnostics& diags,
                                          std::vector<std::string>& unreadable) {
    std::vector<LintTarget> out;
    for (const std::string& path : paths) {
        if (path == "-") {
            out.push_back({path, path, false});
            continue;
        }
        if (!io::exists(path)) {
            unreadable.push_back(fmt::format("{}: no such file or folder", path));
            continue;
        }
        if (!io::is_directory(path)) {
            out.push_back({path, std::string(base_name(path)), false});
            continue;
        }
        // Sorted by the whole path, as the paths are reported ("a.md" before "a/b.md"), not level by level.
        std::vector<LintTarget> found;
        try {
            walk(path, "", found, diags);
        } catch (const Error& e) {  // the folder itself cannot be listed (its unreadable subfolders pass)
            unreadable.push_back(e.what());
            continue;
        }
        std::sort(found.begin(), found.end(),
                  [](const LintTarget& a, const LintTarget& b) { return a.path < b.path; });
        out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return out;
}

bool is_selected(const LintTarget& target, const LintConfig& config) {
    if (!target.is_walked) return true;
    if (!config.include.empty() && !matches_any(config.include, target)) return false;
    return !matches_any(config.exclude, target);
}

}  // namespace retro::lint
