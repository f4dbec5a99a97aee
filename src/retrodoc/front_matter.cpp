// Front matter fences and the page title in them.
#include "retrodoc/front_matter.hpp"

#include "core/text_utf8.hpp"

namespace retro::retrodoc {
namespace {

std::string unquoted(std::string_view value) {
    value = trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
}

}  // namespace

FrontMatter read_front_matter(const std::vector<std::string_view>& lines) {
    FrontMatter fm;
    if (lines.empty()) return fm;
    std::string_view first = lines[0];
    if (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);
    first = trim(first);
    if (first != "---" && first != "+++") return fm;
    const bool toml = first == "+++";
    for (std::size_t i = 1; i < lines.size() && i <= 200; ++i) {
        const std::string_view line = trim(lines[i]);
        if (line == first || (!toml && line == "...")) {
            fm.line_count = static_cast<std::uint32_t>(i + 1);
            return fm;
        }
        const std::size_t sep = line.find(toml ? '=' : ':');
        if (fm.title.empty() && sep != std::string_view::npos && trim(line.substr(0, sep)) == "title") {
            fm.title = unquoted(line.substr(sep + 1));
        }
    }
    return FrontMatter{};
}

}  // namespace retro::retrodoc
