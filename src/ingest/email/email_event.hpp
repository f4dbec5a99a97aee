// One e-mail message → one `retro.event/1` (DESIGN.md, "What becomes an event"): kind `email`, or
// `status` for Statuspage notifications.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retro/diagnostic.hpp"
#include "retro/event.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::email {

// What the container knows about a message besides its bytes.
struct MailEnvelope {
    std::string source_kind;        // `eml`, `mbox` or `maildir`
    std::string channel;            // the mailbox name
    std::string mbox_from;          // the mbox `From ` line after "From " (time fallback)
    std::string maildir_name;       // the Maildir file name (time fallback: its leading epoch seconds)
    std::uint64_t record_line = 0;  // where the record starts when before the bytes (the mbox `From ` line)
};

// What one mailbox remembers across its messages: thread roots by normalised subject (for messages without
// References/In-Reply-To) and the Message-IDs seen, so a different message reusing one gets `#2`.
class MailboxIndex {
public:
    // The root id already known for `subject`, else records `id` as its root and returns it.
    std::string root_for(const std::string& normalized_subject, const std::string& id);
    // `id` for its first message (and for exact copies of it, which the collector merges); `id#N` for the
    // Nth different message carrying it. `fingerprint` identifies the message's bytes.
    std::string unique_id(const std::string& id, const std::string& fingerprint);

private:
    std::map<std::string, std::string, std::less<>> m_roots;
    std::map<std::string, std::vector<std::string>, std::less<>> m_ids;
};

// Parses one message. Returns the event, or std::nullopt after reporting why (`email.unparsable`: GMime
// found no header block; `email.no-time`: no Date, Received, envelope or file-name time). Warnings:
// `email.no-date`/`email.bad-date` (a fallback time was used), `email.unknown-charset`, `email.bad-charset`,
// `email.ambiguous-zone`, `email.duplicate-message-id`. On failure `drop_reason` (when given) names the ledger reason.
std::optional<Event> parse_email_message(std::string_view bytes, const Origin& origin, const MailEnvelope& envelope,
                                         MailboxIndex& threads, const IngestOptions& options, Diagnostics& diags,
                                         std::string* drop_reason = nullptr);

// parse_email_message, with the event added to the sink or the failure counted in its ledger.
void ingest_email_message(std::string_view bytes, const Origin& origin, const MailEnvelope& envelope,
                          MailboxIndex& threads, const IngestContext& context);

}  // namespace retro::ingest::email
