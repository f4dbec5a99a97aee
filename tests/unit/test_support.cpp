#include "test_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace retro::test {

std::string corpus_path(std::string_view relative) { return std::string(RETRO_CORPUS_DIR) + "/" + std::string(relative); }
std::string seed_path(std::string_view relative) { return std::string(RETRO_SEED_DIR) + "/" + std::string(relative); }
std::string source_path(std::string_view relative) { return std::string(RETRO_SOURCE_DIR) + "/" + std::string(relative); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read test file " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Diagnostics quiet_diagnostics() { return Diagnostics([](const std::string&) {}, Diagnostics::Format::text, SIZE_MAX); }

std::vector<std::string> texts(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) out.push_back(format_text(d));
    return out;
}

}  // namespace retro::test
