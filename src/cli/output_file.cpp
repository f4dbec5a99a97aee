#include "cli/output_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "retro/error.hpp"

namespace retro::cli {

OutputFile::OutputFile(const std::string& path, bool may_replace) : m_path(path) {
    if (path.empty() || path == "-") {
        m_file = stdout;
        m_path = "<stdout>";
        return;
    }
    std::error_code ec;
    if (!may_replace && std::filesystem::exists(path, ec))
        throw Error(fmt::format("{}: already exists; use --force to replace it", path));
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file) throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    m_owned = true;
}

OutputFile::~OutputFile() {
    if (m_owned && m_file) std::fclose(m_file);
}

void OutputFile::write(std::string_view text) {
    m_buffer.append(text);
    flush_if_large();
}

void OutputFile::flush_if_large() {
    if (m_buffer.size() < (1u << 20)) return;
    if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
        throw Error(fmt::format("{}: write failed: {}", m_path, std::strerror(errno)), 1);
    m_buffer.clear();
}

void OutputFile::close() {
    if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
        throw Error(fmt::format("{}: write failed: {}", m_path, std::strerror(errno)), 1);
    m_buffer.clear();
    if (std::fflush(m_file) != 0) throw Error(fmt::format("{}: write failed: {}", m_path, std::strerror(errno)), 1);
    if (m_owned) {
        std::fclose(m_file);
        m_file = nullptr;
        m_owned = false;
    }
}

}  // namespace retro::cli
