// One e-mail message as retro needs it, parsed by GMime 3 (the adapter keeps GMime's types inside
// mime_message.cpp). RFC 5322 headers, RFC 2047 encoded words, MIME structure, transfer encodings and
// charsets are GMime's job; nothing here decodes MIME by hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retro/diagnostic.hpp"

namespace retro::ingest::email {

struct MailHeader {
    std::string name;
    std::string value;       // unfolded, not decoded (what Date, Received and Message-ID parsing want)
    std::size_t offset = 0;  // byte offset of the header line in the message
};

struct MailAddress {
    std::string name;     // display name, RFC 2047 decoded, UTF-8
    std::string address;  // addr-spec
};

// Something wrong but survivable in a message (an unknown charset): reported as a warning.
struct MailProblem {
    std::string code;  // `email.unknown-charset`
    std::string message;
    std::size_t offset = 0;  // byte offset in the message
    Severity severity = Severity::warning;  // error: part of the message was not read
};

struct MailMessage {
    std::vector<MailHeader> headers;  // in order
    std::string subject;              // decoded, UTF-8
    std::optional<MailAddress> from;
    std::vector<MailAddress> to;
    std::string message_id;  // without angle brackets
    std::string in_reply_to;
    std::vector<std::string> references;  // oldest (the thread root) first
    std::string body;                     // the chosen text part, transfer- and charset-decoded, UTF-8
    bool body_is_html = false;            // true when no text/plain part was found and body is HTML
    std::vector<MailProblem> problems;

    // The first header named `name` (case-insensitive), or null.
    const MailHeader* header(std::string_view name) const;
};

// Parses one message from memory. Returns std::nullopt when GMime cannot parse it at all (no header
// block); `failure` then says why and `failure_offset` where.
std::optional<MailMessage> parse_mime_message(std::string_view bytes, std::string& failure,
                                              std::size_t& failure_offset);

// Converts `raw` from `charset` to UTF-8 with iconv (through GMime's charset-name mapping, so `CP1252`
// and `windows-1252` both work), replacing undecodable bytes with U+FFFD (`replaced` is then set).
// Returns false when the charset is unknown.
bool convert_charset(std::string_view raw, const char* charset, std::string& out, bool& replaced);

}  // namespace retro::ingest::email
