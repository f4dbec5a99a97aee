// `retro draft --update`: each machine-written region of an existing draft is merged, as git merges, from
// three versions: the base (the region as the machine last wrote it, recorded in its begin marker), ours (the
// region as people left it) and theirs (the same region of a fresh draft). A region whose marker records no
// base (a draft written before the record existed) is replaced whole. Every byte outside the regions, and
// every region the fresh draft lacks, stays as people left it. Markers are looked for outside fenced code
// only: a message quoting a marker in a code block is code, not a region (CommonMark 0.30 §4.5).
#include <map>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "render/draft.hpp"
#include "render/line_merge.hpp"
#include "render/region_marker.hpp"

namespace retro::render {
namespace {

struct Region {
    std::size_t begin_line = 0;                // 1-based line of the begin marker
    std::size_t marker_start = 0;              // byte where the begin marker's line starts
    std::size_t body_start = 0, body_end = 0;  // bytes between the begin line's end and the end line's start
    std::optional<std::string> base;           // the begin marker's record
    std::size_t after_end = 0;                 // byte after the end marker's line
};

// Follows fenced code blocks line by line: an opening fence is 3 or more backticks or tildes indented at most
// 3 spaces (a backtick fence's info string holds no backtick); the closing fence is the same character at least
// as many times with nothing after it but spaces. An unclosed fence runs to the end, as on GitHub.
class FenceTracker {
public:
    // Whether `line` is a fence or inside a fenced block.
    bool is_code(std::string_view line) {
        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ') ++indent;
        if (indent > 3) return m_fence != 0;
        const std::string_view rest = line.substr(indent);
        const char c = rest.empty() ? '\0' : rest.front();
        std::size_t run = 0;
        while (run < rest.size() && rest[run] == c) ++run;
        if (m_fence) {
            if (c == m_fence && run >= m_length && trim(rest.substr(run)).empty()) m_fence = 0;
            return true;
        }
        if ((c == '`' || c == '~') && run >= 3 && (c == '~' || rest.find('`', run) == std::string_view::npos)) {
            m_fence = c;
            m_length = run;
            return true;
        }
        return false;
    }

private:
    char m_fence = 0;
    std::size_t m_length = 0;
};

// The regions of `text` by name, or an error naming the line of the first unbalanced marker.
std::map<std::string, Region> find_regions(std::string_view text, std::string& error) {
    std::map<std::string, Region> regions;
    std::optional<std::pair<std::string, Region>> open;
    FenceTracker fences;
    std::size_t line_no = 0, pos = 0;
    while (pos < text.size()) {
        ++line_no;
        const std::size_t nl = text.find('\n', pos);
        const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
        const std::string_view line = text.substr(pos, next - pos);
        const std::optional<RegionMarker> m = fences.is_code(line) ? std::nullopt : parse_region_marker(line);
        if (m && m->is_begin) {
            if (open || regions.count(m->name)) {
                error = fmt::format("line {}: region '{}' begins inside another or twice", line_no, m->name);
                return {};
            }
            open = std::pair{m->name, Region{line_no, pos, next, next, m->base}};
        } else if (m) {
            if (!open || open->first != m->name) {
                error = fmt::format("line {}: 'retro:end {}' without its 'retro:begin'", line_no, m->name);
                return {};
            }
            open->second.body_end = pos;
            open->second.after_end = next;
            regions[m->name] = std::move(open->second);
            open.reset();
        }
        pos = next;
    }
    if (open) {
        error = fmt::format("line {}: region '{}' has no 'retro:end {}'", open->second.begin_line, open->first,
                            open->first);
    }
    return regions;
}

std::string_view body(std::string_view text, const Region& r) {
    return text.substr(r.body_start, r.body_end - r.body_start);
}

std::size_t count_lines(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The optional regions of `fresh` that `existing` lacks, each under the name of the region it goes before: the
// next region of `fresh` that `existing` has (none: it stays out).
std::map<std::string, std::vector<std::string>> regions_to_add(const std::map<std::string, Region>& old_regions,
                                                               const std::map<std::string, Region>& new_regions) {
    const std::vector<std::string_view>& always = draft_region_names();
    std::vector<std::pair<std::string, Region>> fresh(new_regions.begin(), new_regions.end());
    std::sort(fresh.begin(), fresh.end(),
              [](const auto& a, const auto& b) { return a.second.body_start < b.second.body_start; });
    std::map<std::string, std::vector<std::string>> before;
    std::vector<std::string> waiting;
    for (const auto& [name, region] : fresh) {
        if (old_regions.count(name)) {
            if (!waiting.empty()) before[name] = std::move(waiting);
            waiting.clear();
        } else if (std::find(always.begin(), always.end(), name) == always.end()) {
            waiting.push_back(name);
        }
    }
    return before;
}

}  // namespace

bool has_draft_region(std::string_view text, std::string_view name) {
    std::string error;
    const std::map<std::string, Region> regions = find_regions(text, error);
    return error.empty() && regions.count(std::string(name));
}

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
    // Merge in document order of the existing draft.
    std::vector<std::pair<std::string, Region>> ordered(old_regions.begin(), old_regions.end());
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.second.body_start < b.second.body_start; });
    const std::map<std::string, std::vector<std::string>> to_add = regions_to_add(old_regions, new_regions);
    std::string& out = result.text;
    std::size_t pos = 0, out_lines = 0;  // out_lines: lines of `out` so far (it always ends a line here)
    for (const auto& [name, region] : ordered) {
        auto it = new_regions.find(name);
        if (it == new_regions.end()) continue;
        const Region& fresh_region = it->second;
        std::string merged;
        std::vector<std::size_t> conflicts;
        if (region.base) {
            const std::optional<std::string> base = decode_region_base(*region.base);
            if (!base) {
                result = DraftUpdate{};
                result.error = fmt::format(
                    "the draft to update: line {}: the base record of region '{}' is damaged; delete ' base=…' from "
                    "its begin marker to have the region rewritten whole",
                    region.begin_line, name);
                return result;
            }
            LineMerge m = merge_lines(*base, body(existing, region), body(fresh, fresh_region), "yours", "retro draft");
            merged = std::move(m.text);
            conflicts = std::move(m.conflicts);
            result.merged.push_back(name);
        } else {
            merged = std::string(body(fresh, fresh_region));
            result.rewritten.push_back({name, region.begin_line});
        }
        const std::string_view before = existing.substr(pos, region.marker_start - pos);
        out += before;
        out_lines += count_lines(before);
        if (auto added = to_add.find(name); added != to_add.end()) {
            for (const std::string& a : added->second) {
                // The fresh region whole, its markers and a blank line after it, as render_draft writes it.
                const Region& r = new_regions.at(a);
                const std::string inserted =
                    std::string(fresh.substr(r.marker_start, r.after_end - r.marker_start)) + "\n";
                out += inserted;
                out_lines += count_lines(inserted);
                result.added.push_back(a);
            }
        }
        // The fresh begin marker records the fresh region: the base of the next update.
        out += fresh.substr(fresh_region.marker_start, fresh_region.body_start - fresh_region.marker_start);
        out_lines += 1;
        for (const std::size_t c : conflicts) result.conflicts.push_back({name, out_lines + c + 1});
        out += merged;
        out_lines += count_lines(merged);
        pos = region.body_end;
    }
    out += existing.substr(pos);
    for (const std::string_view name : draft_region_names()) {
        if (new_regions.count(std::string(name)) && !old_regions.count(std::string(name))) {
            result.absent.emplace_back(name);
        }
    }
    return result;
}

}  // namespace retro::render
