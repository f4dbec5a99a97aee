// The markers around a draft's machine-written regions, written and read in one place:
//     <!-- retro:begin NAME base=RECORD -->
//     …the region…
//     <!-- retro:end NAME -->
// RECORD is the region's text as the machine last wrote it (the base of `--update`'s 3-way merge), deflated
// (zlib) and in base64. Base64's alphabet (A–Z a–z 0–9 + / =) has neither '-' nor '>', so the record can never
// end the HTML comment: on GitHub, and for `retro lint`, the marker is one comment that renders as nothing.
// Drafts written before the record existed have begin markers without `base=`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace retro::render {

// The begin marker line (with its '\n') of region `name` whose text is `body`. Deterministic.
std::string format_begin_marker(std::string_view name, std::string_view body);
// The end marker line (with its '\n').
std::string format_end_marker(std::string_view name);

struct RegionMarker {
    bool is_begin = false;
    std::string name;
    std::optional<std::string> base;  // begin markers: the RECORD as written, when there is one
};

// The marker `line` is (indented at most 3 spaces, as an HTML block may be), or nullopt.
std::optional<RegionMarker> parse_region_marker(std::string_view line);

// The text a RECORD holds; nullopt when it is not base64 of one whole zlib stream, or inflates past 1 GiB.
std::optional<std::string> decode_region_base(std::string_view record);

}  // namespace retro::render
