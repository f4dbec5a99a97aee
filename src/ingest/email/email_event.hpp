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

// A time the container records for a message (Outlook's client submit and delivery times).
struct StoredMailTime {
    Instant instant{};
    std::string raw;        // as the event's time_raw
    std::string fallback;   // provenance.time_fallback: `client-submit-time`
    std::string described;  // for the warning: "the client submit time (PR_CLIENT_SUBMIT_TIME)"
};

// What the container knows about a message besides its bytes.
struct MailEnvelope {
    std::string source_kind;        // `eml`, `mbox`, `maildir` or `msg`
    std::string channel;            // the mailbox name
    std::string mbox_from;          // the mbox `From ` line after "From " (time fallback)
    std::string maildir_name;       // the Maildir file name (time fallback: its leading epoch seconds)
    std::uint64_t record_line = 0;  // where the record starts when before the bytes (the mbox `From ` line)
    // Times the container stores, tried in order after `Date` and before `Received`.
    std::vector<StoredMailTime> stored_times;
};

struct MailMessage;

// The message's bytes as read: hashed for duplicate Message-IDs and, when `has_lines`, located for
// diagnostics (header offsets). A binary container (an Outlook .msg) has no lines: diagnostics name the file.
struct MailBytes {
    std::string_view bytes;
    Origin origin;
    bool has_lines = true;

    Location at(std::size_t offset) const;
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

// The event of an already parsed message (parse_email_message after GMime; the .msg reader, whose
// MailMessage comes from MAPI properties). Same diagnostics, bar `email.unparsable`.
std::optional<Event> make_email_event(const MailMessage& message, const MailBytes& source,
                                      const MailEnvelope& envelope, MailboxIndex& threads,
                                      const IngestOptions& options, Diagnostics& diags,
                                      std::string* drop_reason = nullptr);

// parse_email_message, with the event added to the sink or the failure counted in its ledger.
void ingest_email_message(std::string_view bytes, const Origin& origin, const MailEnvelope& envelope,
                          MailboxIndex& threads, const IngestContext& context);

}  // namespace retro::ingest::email
