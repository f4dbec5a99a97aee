// A fresh folder under the temp directory for tests that walk real folders (io, lint).
#pragma once

#include <filesystem>
#include <string>

namespace retro::test {

// Made on construction, removed with everything in it when the object goes.
struct TempFolder {
    std::filesystem::path root;
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    // Writes `text` to root/relative, making the folders on the way.
    void file(const std::string& relative, const std::string& text = "x") const;
};

}  // namespace retro::test
