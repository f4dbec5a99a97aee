// A folder read as a Tree: every regular file below it, recursively, sorted by path.
#pragma once

#include <memory>
#include <string>

#include "retro/source.hpp"

namespace retro::io {

std::unique_ptr<Tree> open_folder_tree(const std::string& path);

}  // namespace retro::io
