// The sentences of what a person wrote (an e-mail's body, a chat message), for quoting them and for the gist
// of an e-mail.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace retro {

struct Sentence {
    std::string text;                // collapse_whitespace() of its bytes
    std::size_t start = 0, end = 0;  // its bytes in the text split: [start, end)
};

// The sentences of `text`, in order, with where each is. Only the writer's own words (message_lines.hpp):
// greeting lines before the first words are skipped, quoted lines ("> …") left out, and nothing after a quote
// header ("On … wrote:"), a signature delimiter or a sign-off is read.
// A sentence ends at `.`, `!`, `?` or `…` (with the quotes and brackets that close it) before a space or the
// line's end, but not after an abbreviation ("e.g.", "Dr.") or an initial; nothing ends inside a URL or a
// number ("1.5", "11.24"). A blank line, a bullet, a line opening with a capital letter and a colon before a
// quotation (`the supplier: "…"`) end one too. Any bytes are accepted.
std::vector<Sentence> split_sentences(std::string_view text);

// `text` trimmed, each run of ASCII whitespace (line breaks too) as one space.
std::string collapse_whitespace(std::string_view text);

// A sentence's words as a quote shows them: collapse_whitespace(), without the quotation marks around all of
// it (`"D&T … change."` → `D&T … change.`).
std::string quotable(std::string_view sentence);

// `text` when it holds at most `max_bytes`; else its words up to `max_bytes` and "…" (a first word longer
// than that cut at a UTF-8 character boundary).
std::string cut_at_word(std::string_view text, std::size_t max_bytes);

}  // namespace retro
