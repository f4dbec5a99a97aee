// Raw Markdown lines as the retro readers take them apart: line splitting as CommonMark counts lines,
// indentation, hard-break markers and list markers.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace retro::retrodoc {

// Lines end at LF, CRLF or a lone CR, as in CommonMark (so line numbers agree with cmark-gfm's and a file
// saved with old Mac line ends is not read as one long line). Views into `bytes`, without their endings.
std::vector<std::string_view> split_lines(std::string_view bytes);

// Spaces and tabs at the start of `s`.
std::size_t leading_spaces(std::string_view s);

// `s` without a hard-break marker (`\`, `<br>`, `<br/>`) and trailing spaces at its end.
std::string_view strip_line_end(std::string_view s);

// A list marker (`- `, `* `, `+ `, `12. `, `3) `) at the start of `s`: its length including the spaces
// after it, else 0 (`**bold**` is no marker).
std::size_t list_marker_length(std::string_view s);

}  // namespace retro::retrodoc
