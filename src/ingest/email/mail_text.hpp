// Text of a mail for the event: subject normalisation for threading, HTML to plain text, and the first
// meaningful lines of a body (greetings, quoted replies and signatures left out).
#pragma once

#include <string>
#include <string_view>

namespace retro::ingest::email {

// The subject without reply/forward prefixes (`Re:`, `RE[2]:`, `Fwd:`, `FW:`, `AW:`, `SV:`, `R:`, `I:`,
// `WG:`, `TR:`, `VS:`, `Antw:`) and `[EXTERNAL]`-style tags, inner whitespace collapsed.
std::string normalize_subject(std::string_view subject);

// HTML as plain text: tags removed, block ends as line breaks, character references decoded, `<script>`,
// `<style>`, `<head>` and `<blockquote>` (quoted replies) left out.
std::string html_to_text(std::string_view html);

// The first meaningful paragraphs of a plain-text body, each paragraph's lines joined with spaces and
// paragraphs with '\n': greetings skipped; stops at a quoted reply, an `On … wrote:` or Outlook quote
// header, a signature delimiter or a sign-off. At most `max_bytes` (cut at a character boundary, `…`).
std::string summarize_body(std::string_view body, std::size_t max_paragraphs = 2, std::size_t max_bytes = 600);

}  // namespace retro::ingest::email
