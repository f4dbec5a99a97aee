// UTF-8 helpers: validation, repair, and small text utilities shared by the parsers.
#pragma once

#include <string>
#include <string_view>

namespace retro {

// True when `text` is valid UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with every invalid sequence replaced by U+FFFD and NUL bytes removed.
std::string repair_utf8(std::string_view text);

// A letter of ASCII, `a`-`z` or `A`-`Z` (no locale).
inline bool is_ascii_letter(unsigned char c) {
    return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}

// `text` safe to print on a terminal, as `ls -b` and git quote names: C0 and C1 control characters as C
// escapes (`\n`, `\r`, `\t`, `\x1b`, `\u009b`), so no escape sequence reaches the terminal raw and no line
// break can forge a line of its own; invalid UTF-8 as U+FFFD, as the JSON forms write it.
std::string escape_controls(std::string_view text);

// Appends the UTF-8 encoding of `code_point`.
void append_utf8(std::string& out, char32_t code_point);

// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

// Where a chat short code (":x:", ":white_check_mark:", ":+1:") that starts at `at` ends (one past its closing
// colon), or `at` when none starts there.
std::size_t short_code_end(std::string_view text, std::size_t at);
// `text` trimmed and without the short codes it opens with (":x: Updown alert DOWN" → "Updown alert DOWN").
std::string_view without_leading_short_codes(std::string_view text);

// ASCII lower case.
std::string to_lower_ascii(std::string_view text);

bool iequals_ascii(std::string_view a, std::string_view b);
bool starts_with_icase(std::string_view text, std::string_view prefix);

// Glob match with `*` and `?` (for --channel and include/exclude lists).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace retro
