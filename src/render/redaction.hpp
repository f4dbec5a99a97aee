// Redaction of secrets and personal data in rendered text, with the detector lint's RETRO012/RETRO013 use
// (src/core/secrets.hpp), so a redacted draft is lint-clean on those rules.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "retro/event.hpp"
#include "retro/people.hpp"

namespace retro::render {

// What was redacted, by detector kind name ("email", "slack-token"…).
struct RedactionCounts {
    std::map<std::string, std::uint64_t> by_kind;
    std::uint64_t total() const;
};

struct RedactedText {
    std::string text;
    std::vector<Span> spans;  // moved with the text; a link span's URL redacted as well
};

// `text` with each finding replaced by `[redacted: KIND]`; a personal e-mail address by the person's name
// when `people` knows it. Team and role mailboxes (`support@…`) are kept, as lint keeps them. Spans are
// shifted; a span cut by a replacement keeps its outer bounds.
RedactedText redact_text(std::string_view text, const std::vector<Span>& spans, const People& people,
                         RedactionCounts& counts);

// Plain text only (titles, channel names).
std::string redact_plain(std::string_view text, const People& people, RedactionCounts& counts);

// "retro: redacted 3 items (2 email, 1 slack-token); --no-redact keeps them", or empty when nothing was.
std::string redaction_summary(const RedactionCounts& counts);

}  // namespace retro::render
