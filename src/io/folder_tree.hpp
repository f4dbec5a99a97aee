// A folder read as a Tree: every regular file below it, recursively, sorted by path.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "retro/source.hpp"

namespace retro::io {

std::unique_ptr<Tree> open_folder_tree(const std::string& path);

// The immediate children of a folder (files and folders), sorted, without hidden `.names`: for walking
// case folders level by level, so that a Slack export or Maildir inside one is seen whole.
std::vector<std::string> list_children(const std::string& path);
bool is_directory(const std::string& path);

}  // namespace retro::io
