// The lines of something a person wrote (an e-mail body, a chat message): greetings, sign-offs, quoted
// replies, and the lines after which the writer's own words end (a quote header, a signature). Shared by the
// mail summary (ingest) and the sentence splitter (sentences.hpp).
#pragma once

#include <string_view>

namespace retro {

// "Hi all,", "Dear colleagues,", "Good morning!": a greeting on a line of its own (trimmed), at most 60 bytes.
bool is_greeting_line(std::string_view line);

// "Thanks,", "Kind regards": a line that is a sign-off and nothing else (trimmed).
bool is_sign_off_line(std::string_view line);

// "> …" (indented or not): a line of a quoted reply.
bool is_quoted_line(std::string_view line);

// "---------- Forwarded message ---------", "Begin forwarded message:": the line that opens a forward.
bool is_forward_header_line(std::string_view line);

// True when the writer's own words end at `line` (as read, untrimmed): a quoted reply, its `On … wrote:` or
// Outlook `-----Original Message-----` header, a `-- ` signature delimiter or a rule of underscores; once
// `have_content`, an Outlook `From: ` header, `Sent from my …` or a sign-off.
bool ends_own_words(std::string_view line, bool have_content);

}  // namespace retro
