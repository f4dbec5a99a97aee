#include "temp_folder.hpp"

#include <fstream>
#include <stdexcept>

#include <unistd.h>

namespace retro::test {

TempFolder::TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "retro-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temp folder");
    root = pattern;
}

TempFolder::~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
}

void TempFolder::file(const std::string& relative, const std::string& text) const {
    std::filesystem::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << text;
}

}  // namespace retro::test
