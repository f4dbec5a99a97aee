// Atlassian Statuspage subscriber notifications recognised among e-mails (input-formats.md §5.5; the
// format is documented as unverified, so detection is tolerant and heuristic).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace retro::ingest::email {

struct StatusMail {
    std::string page;      // `Wellcome Collection` from `[Wellcome Collection] Login problems`
    std::string incident;  // `Login problems`
    std::string state;     // investigating | identified | monitoring | resolved
    std::string update;    // the latest update's text (`This incident has been resolved.`)
    std::string url;       // the incident page or shortlink, when the body has one
};

// A Statuspage notification: a subject `[<Page>] <Incident>` (reply prefixes allowed) or a
// statuspage.io sender, and a body whose latest update starts with a status word
// (`Resolved - …`, `Investigating: …`, or the word alone on its line). std::nullopt otherwise.
// `body` is plain text (HTML already converted).
std::optional<StatusMail> detect_statuspage_mail(std::string_view subject, std::string_view from_name,
                                                 std::string_view from_address, std::string_view body);

}  // namespace retro::ingest::email
