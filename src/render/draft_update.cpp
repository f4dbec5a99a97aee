// `retro draft --update`: the machine-written regions of an existing draft (`<!-- retro:begin NAME -->` …
// `<!-- retro:end NAME -->`, each marker alone on its line) are replaced by the same regions of a fresh
// draft; every byte outside them, and every region the fresh draft lacks, stays as people left it.
#include <map>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "render/draft.hpp"

namespace retro::render {
namespace {

struct Region {
    std::size_t body_start = 0, body_end = 0;  // bytes between the begin line's end and the end line's start
};

struct Marker {
    bool is_begin = false;
    std::string name;
};

std::optional<Marker> parse_marker(std::string_view line) {
    line = trim(line);
    for (const auto& [prefix, is_begin] : {std::pair<std::string_view, bool>{"<!-- retro:begin ", true},
                                           std::pair<std::string_view, bool>{"<!-- retro:end ", false}}) {
        if (line.starts_with(prefix) && line.ends_with(" -->")) {
            std::string name(trim(line.substr(prefix.size(), line.size() - prefix.size() - 4)));
            if (!name.empty() && name.find(' ') == std::string::npos) return Marker{is_begin, std::move(name)};
        }
    }
    return std::nullopt;
}

// The regions of `text` by name, or an error naming the line of the first unbalanced marker.
std::map<std::string, Region> find_regions(std::string_view text, std::string& error) {
    std::map<std::string, Region> regions;
    std::optional<std::pair<std::string, std::size_t>> open;  // name, body start
    std::size_t open_line = 0, line_no = 0, pos = 0;
    while (pos < text.size()) {
        ++line_no;
        std::size_t nl = text.find('\n', pos);
        const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
        const std::optional<Marker> m = parse_marker(text.substr(pos, next - pos));
        if (m && m->is_begin) {
            if (open || regions.count(m->name)) {
                error = fmt::format("line {}: region '{}' begins inside another or twice", line_no, m->name);
                return {};
            }
            open = std::pair{m->name, next};
            open_line = line_no;
        } else if (m) {
            if (!open || open->first != m->name) {
                error = fmt::format("line {}: 'retro:end {}' without its 'retro:begin'", line_no, m->name);
                return {};
            }
            regions[m->name] = Region{open->second, pos};
            open.reset();
        }
        pos = next;
    }
    if (open) error = fmt::format("line {}: region '{}' has no 'retro:end {}'", open_line, open->first, open->first);
    return regions;
}

}  // namespace

DraftUpdate update_draft(std::string_view existing, std::string_view fresh) {
    DraftUpdate result;
    std::string error;
    const std::map<std::string, Region> old_regions = find_regions(existing, error);
    if (!error.empty()) {
        result.error = "the draft to update: " + error;
        return result;
    }
    const std::map<std::string, Region> new_regions = find_regions(fresh, error);
    if (!error.empty()) {
        result.error = "the new draft: " + error;
        return result;
    }
    // Replace in document order of the existing draft.
    std::vector<std::pair<std::string, Region>> ordered(old_regions.begin(), old_regions.end());
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.second.body_start < b.second.body_start; });
    std::size_t pos = 0;
    for (const auto& [name, region] : ordered) {
        auto it = new_regions.find(name);
        if (it == new_regions.end()) continue;
        result.text.append(existing.substr(pos, region.body_start - pos));
        result.text.append(fresh.substr(it->second.body_start, it->second.body_end - it->second.body_start));
        pos = region.body_end;
        result.replaced.push_back(name);
    }
    result.text.append(existing.substr(pos));
    for (const std::string_view name : draft_region_names()) {
        if (new_regions.count(std::string(name)) && !old_regions.count(std::string(name))) {
            result.absent.emplace_back(name);
        }
    }
    return result;
}

}  // namespace retro::render
