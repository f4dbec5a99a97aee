// Mail a machine sent: a mailing list, a notification robot (GitHub, CI), an auto-reply. The mail ingester
// marks it `flags.bot`; the correlator leaves it out of the timeline (noise rule `robot-mail`).
#pragma once

#include "ingest/email/mime_message.hpp"

namespace retro::ingest::email {

// True when the headers say so (RFC 3834 `Auto-Submitted` other than `no`, RFC 2369/2919 `List-Id` or
// `List-Unsubscribe`, `Precedence: bulk|list|junk`, GitHub's `X-GitHub-Reason`) or the sender's local part is
// a robot's (`noreply`, `no-reply`, `donotreply`, `notifications`, `mailer-daemon`, `builds`…), or the subject
// carries a list's tag: `[NAME] …` sent to NAME@… (Mailman's subject prefix, kept where a list's headers were not).
bool is_automated_mail(const MailMessage& message);

}  // namespace retro::ingest::email
