// The incident's title (issue 18 item 7): what the draft's `# Incident retro - <title>` names, in words a
// person chose. In order: the status page incident (what the team told users), else the first report in the
// window by a person that says what users see, else the alert whose key reads most like words, else the
// discussion channel's topic; none of them: no title (the draft names the date). Internal to src/correlate/:
// name_incident() in steps.hpp runs the rule; these are its parts, tested on their own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "retro/event.hpp"

namespace retro::correlation {

// The longest title, in characters (code points).
inline constexpr std::size_t title_max_chars = 80;

// Does `text` say what users see: can't, cannot, unable, down, outage, error(s), failing, broken, slow,
// missing, not available, not working, timing out, 404, 5xx… (lower-cased, on word boundaries)?
bool says_impact(std::string_view text);

// The first sentence of `text` (lines, then `. `, `! `, `? `, `; `) that says_impact(), or "" for none.
std::string_view impact_sentence(std::string_view text);

// How many words of an alert key look like ids (hold a digit, `-`, `_`, `.`, `/` or `=`):
// "catalogue-api-prod-5xx-alarm" 1, "Catalogue API errors" 0.
std::size_t id_like_words(std::string_view key);

// `text` with the bytes of its mention spans made blanks (offsets kept): "@Sam Brown" is no word of a title.
std::string blank_mentions(std::string_view text, const std::vector<Span>& spans);

// `text` as a title: URLs, @-mentions ("@here" too), emoji and their short codes left out, then a leading
// `[tag]` or greeting ("hi all"); blanks collapsed; cut to title_max_chars at a sentence end, else a clause
// break (`, `, `; `, `: `, ` – `), else a word boundary, never mid-word and with no "…".
std::string title_from(std::string_view text);

}  // namespace retro::correlation
