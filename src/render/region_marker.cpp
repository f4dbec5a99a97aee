// Region markers and their base record: zlib (already linked for .gz input) keeps a timeline's record to about
// a quarter of its text, and its Adler-32 check makes a damaged record fail to decode instead of merging
// against wrong lines. Base64 (RFC 4648 §4, with padding) keeps it inside an HTML comment.
#include "render/region_marker.hpp"

#include <array>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "io/zlib_bytes.hpp"

namespace retro::render {
namespace {

constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t max_base_bytes = std::size_t{1} << 30;  // cmark-gfm's own limit for a whole document

std::string encode_base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k) out += k <= n ? alphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

std::optional<std::string> decode_base64(std::string_view text) {
    static const std::array<int, 256> values = [] {
        std::array<int, 256> v{};
        v.fill(-1);
        for (std::size_t i = 0; i < alphabet.size(); ++i)
            v[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
        return v;
    }();
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const std::size_t pad = last ? (text[i + 3] == '=') + (text[i + 2] == '=') : 0;
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const int d = k >= 4 - pad ? 0 : values[static_cast<unsigned char>(text[i + k])];
            if (d < 0) return std::nullopt;
            v = v << 6 | static_cast<std::uint32_t>(d);
        }
        for (std::size_t k = 0; k < 3 - pad; ++k) out += static_cast<char>((v >> (16 - 8 * k)) & 0xff);
    }
    return out;
}

}  // namespace

std::string format_begin_marker(std::string_view name, std::string_view body) {
    return fmt::format("<!-- retro:begin {} base={} -->\n", name, encode_base64(io::deflate_bytes(body)));
}

std::string format_end_marker(std::string_view name) {
    return fmt::format("<!-- retro:end {} -->\n", name);
}

std::optional<RegionMarker> parse_region_marker(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    if (indent > 3) return std::nullopt;  // four spaces make an indented code block
    line = trim(line);
    for (const auto& [prefix, is_begin] : {std::pair<std::string_view, bool>{"<!-- retro:begin ", true},
                                           std::pair<std::string_view, bool>{"<!-- retro:end ", false}}) {
        if (!line.starts_with(prefix) || !line.ends_with(" -->")) continue;
        std::string_view words = trim(line.substr(prefix.size(), line.size() - prefix.size() - 4));
        const std::size_t space = words.find(' ');
        RegionMarker marker{is_begin, std::string(words.substr(0, space)), std::nullopt};
        if (space != std::string_view::npos) {
            const std::string_view rest = trim(words.substr(space));
            if (!is_begin || !rest.starts_with("base=") || rest.find(' ') != std::string_view::npos)
                return std::nullopt;
            marker.base = std::string(rest.substr(5));
        }
        if (marker.name.empty()) return std::nullopt;
        return marker;
    }
    return std::nullopt;
}

std::optional<std::string> decode_region_base(std::string_view record) {
    const std::optional<std::string> deflated = decode_base64(record);
    if (!deflated) return std::nullopt;
    return io::inflate_bytes(*deflated, max_base_bytes);
}

}  // namespace retro::render
