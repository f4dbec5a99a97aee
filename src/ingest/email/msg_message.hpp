// An Outlook .msg message's MAPI properties ([MS-OXPROPS]) as the MailMessage an .eml of it would give:
// the transport headers (PR_TRANSPORT_MESSAGE_HEADERS, 0x007D), when the message came in by SMTP, parsed
// by the MIME code for Date, Message-ID, From and the thread headers; subject, sender and body from the
// properties. The times Outlook stores (client submit, delivery) become the envelope's stored times.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/email/email_event.hpp"
#include "ingest/email/mime_message.hpp"
#include "ingest/email/msg_compound.hpp"

namespace retro::ingest::email {

struct MsgMail {
    MailMessage message;                    // problems: `msg.*` and the header parser's `email.*` warnings
    std::vector<StoredMailTime> stored_times;  // client submit time, then delivery time, those present
};

// The mail of `properties`. Never fails: a message with nothing readable is an empty MailMessage (the
// event code then reports the missing time).
MsgMail read_msg_mail(const MsgProperties& properties);

// UTF-16LE → UTF-8: unpaired surrogates become U+FFFD, trailing NULs are dropped.
std::string utf16le_to_utf8(std::string_view bytes);

// A FILETIME (100 ns ticks since 1601-01-01 UTC) as an instant; std::nullopt for 0, the "never" value
// 0x7FFFFFFFFFFFFFFF and anything after 9999.
std::optional<Instant> filetime_to_instant(std::uint64_t ticks);

// The iconv name of a Windows code page (PR_INTERNET_CPID): 65001 → `UTF-8`, 28591 → `ISO-8859-1`,
// 1252 → `CP1252`.
std::string code_page_charset(std::uint32_t code_page);

}  // namespace retro::ingest::email
