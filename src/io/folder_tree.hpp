// A folder read as a Tree: every regular file below it, recursively, sorted by path.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "retro/source.hpp"

namespace retro::io {

std::unique_ptr<Tree> open_folder_tree(const std::string& path);

// A child of a case folder, with why it is not read when it is not. Its type is taken with lstat/stat,
// never by opening it (opening a FIFO would wait for a writer forever).
struct Child {
    enum class Skip { none, hidden, dangling_link, link_loop, link_not_followed, not_a_file, unreadable };
    std::string path;
    Skip skip = Skip::none;
    std::string detail;  // for a skipped child: what it is (a link's target, "a FIFO", strerror)
    bool is_folder = false;  // a folder itself, not a link to one (hidden children: not looked at)
};

// The immediate children of a folder, sorted, every one of them (hidden `.names` and what cannot be read
// marked as skipped): for walking case folders level by level, so that a Slack export or Maildir inside one
// is seen whole. A symbolic link is followed only to a regular file inside `root` (a resolved path);
// links to folders are not followed (no cycles). Throws retro::Error when the folder cannot be listed.
std::vector<Child> list_children(const std::string& path, const std::string& root);
bool is_directory(const std::string& path);
// True when `path` names something (for a link, what it leads to).
bool exists(const std::string& path);

}  // namespace retro::io
