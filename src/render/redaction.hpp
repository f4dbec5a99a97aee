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
#include "retro/timeline.hpp"

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

// A cause quote's words redacted with the whole text it was said in as context (`said_in`: its event's text),
// so a secret known by what stands around it (a `SessionToken` value, a key block's lines) is found. Counts
// nothing: rendering that text counts what it holds. Without its bytes in `said_in`, the quote's text alone.
std::string redact_quote(const CauseQuote& quote, std::string_view said_in, const People& people);

// The event with every field a person reads redacted: text (spans moved), channel, actor name and e-mail,
// alert key, status page, links. Ids, times and the source are kept. For `retro events --format timesketch`;
// the retro.event/1 NDJSON stays the unredacted data.
Event redact_event(Event event, const People& people, RedactionCounts& counts);

// The timeline with the same fields of every entry (and continuation) redacted, and the alert groups' keys and
// channels, participants' names, the title hint, the discussion link and the cause quotes. For `retro timeline`.
Timeline redact_timeline(Timeline timeline, const People& people, RedactionCounts& counts);

// "retro: redacted 3 items (2 email, 1 slack-token); --no-redact keeps them", or empty when nothing was.
std::string redaction_summary(const RedactionCounts& counts);

}  // namespace retro::render
