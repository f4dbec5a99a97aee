// The registry rows for e-mail: `eml` (one message), `mbox` (a mailbox file) and `maildir` (a folder
// with cur/ and new/). Each message becomes one event through parse_email_message.
#pragma once

#include "retro/ingest.hpp"

namespace retro::ingest::email {

// Detection scores (0 = not mine): a header block of mail headers; an mbox `From ` line first; a tree
// whose files all sit in Maildir `cur/`, `new/` or `tmp/` folders.
int detect_eml(const Probe& probe);
int detect_mbox(const Probe& probe);
int detect_maildir(const Probe& probe);

// Read the whole input; damaged messages are reported and skipped, the rest still become events.
void ingest_eml(Input& input, const IngestContext& context);
void ingest_mbox(Input& input, const IngestContext& context);
void ingest_maildir(Input& input, const IngestContext& context);

}  // namespace retro::ingest::email
