// MAPI properties → MailMessage ([MS-OXPROPS], [MS-OXCMAIL] for how they map to RFC 5322). Precedence,
// so that a .msg reads as the .eml of the same message would: the transport headers (0x007D) give Date,
// Message-ID, From, To, In-Reply-To and References when the message came in over SMTP; PR_SUBJECT is the
// subject; the sender properties stand in for a missing From; PR_BODY (else PR_HTML) is the body. Strings
// are UTF-16LE (type 001F) or 8-bit in the message's code page (001E, PR_INTERNET_CPID, else
// PR_MESSAGE_CODEPAGE, else Windows-1252).
#include "ingest/email/msg_message.hpp"

#include <fmt/format.h>

#include "core/text_utf8.hpp"

namespace retro::ingest::email {
namespace {

// Property ids ([MS-OXPROPS]).
constexpr std::uint16_t pr_subject = 0x0037;
constexpr std::uint16_t pr_client_submit_time = 0x0039;
constexpr std::uint16_t pr_sent_representing_name = 0x0042;
constexpr std::uint16_t pr_sent_representing_address_type = 0x0064;
constexpr std::uint16_t pr_sent_representing_email = 0x0065;
constexpr std::uint16_t pr_transport_message_headers = 0x007D;
constexpr std::uint16_t pr_sender_name = 0x0C1A;
constexpr std::uint16_t pr_sender_address_type = 0x0C1E;
constexpr std::uint16_t pr_sender_email = 0x0C1F;
constexpr std::uint16_t pr_message_delivery_time = 0x0E06;
constexpr std::uint16_t pr_body = 0x1000;
constexpr std::uint16_t pr_rtf_compressed = 0x1009;
constexpr std::uint16_t pr_html = 0x1013;
constexpr std::uint16_t pr_internet_message_id = 0x1035;
constexpr std::uint16_t pr_internet_references = 0x1039;
constexpr std::uint16_t pr_in_reply_to_id = 0x1042;
constexpr std::uint16_t pr_internet_cpid = 0x3FDE;
constexpr std::uint16_t pr_message_codepage = 0x3FFD;
constexpr std::uint16_t pr_sender_smtp_address = 0x5D01;
constexpr std::uint16_t pr_sent_representing_smtp_address = 0x5D02;

std::uint64_t little_endian(std::string_view bytes, std::size_t size) {
    std::uint64_t v = 0;
    for (std::size_t i = std::min(size, bytes.size()); i > 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[i - 1]);
    return v;
}

class PropertyReader {
public:
    PropertyReader(const MsgProperties& properties, std::vector<MailProblem>& problems)
        : m_properties(properties), m_problems(problems) {
        std::uint32_t code_page = 1252;
        if (auto cp = integer(pr_internet_cpid))
            code_page = static_cast<std::uint32_t>(*cp);
        else if (auto cp2 = integer(pr_message_codepage))
            code_page = static_cast<std::uint32_t>(*cp2);
        m_charset = code_page_charset(code_page);
    }

    const MapiValue* find(std::uint16_t id) const {
        auto it = m_properties.values.find(id);
        return it == m_properties.values.end() ? nullptr : &it->second;
    }

    // A string property (001F or 001E; 0102 bytes in the code page for PR_HTML), trimmed of NULs.
    std::string text(std::uint16_t id) {
        const MapiValue* value = find(id);
        if (!value) return {};
        if (value->type == static_cast<std::uint16_t>(MapiType::unicode)) return utf16le_to_utf8(value->bytes);
        if (value->type != static_cast<std::uint16_t>(MapiType::string8) &&
            value->type != static_cast<std::uint16_t>(MapiType::binary))
            return {};
        std::string_view raw = value->bytes;
        while (!raw.empty() && raw.back() == '\0') raw.remove_suffix(1);
        std::string out;
        bool replaced = false;
        if (!convert_charset(raw, m_charset.c_str(), out, replaced)) {
            if (!m_reported_charset)
                m_problems.push_back({"msg.unknown-charset",
                                      fmt::format("code page `{}` is unknown to iconv; 8-bit text read as UTF-8 with "
                                                  "undecodable bytes replaced",
                                                  m_charset)});
            m_reported_charset = true;
            return repair_utf8(raw);
        }
        return out;
    }

    std::optional<std::int64_t> integer(std::uint16_t id) const {
        const MapiValue* value = find(id);
        if (!value || value->type != static_cast<std::uint16_t>(MapiType::int32) || value->bytes.size() < 4)
            return std::nullopt;
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(little_endian(value->bytes, 4)));
    }

    // A PT_SYSTIME as a stored time.
    std::optional<StoredMailTime> time(std::uint16_t id, std::string_view fallback, std::string_view described) const {
        const MapiValue* value = find(id);
        if (!value || value->type != static_cast<std::uint16_t>(MapiType::systime) || value->bytes.size() < 8)
            return std::nullopt;
        const std::uint64_t ticks = little_endian(value->bytes, 8);
        auto instant = filetime_to_instant(ticks);
        if (!instant) return std::nullopt;
        return StoredMailTime{*instant, fmt::format("FILETIME {}", ticks), std::string(fallback),
                              std::string(described)};
    }

private:
    const MsgProperties& m_properties;
    std::vector<MailProblem>& m_problems;
    std::string m_charset;
    bool m_reported_charset = false;
};

// `<a@b> <c@d>` (PR_INTERNET_REFERENCES) → {"a@b", "c@d"}; a single id loses its brackets.
std::vector<std::string> message_ids(std::string_view text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = text.find('<', at)) != std::string_view::npos) {
        const std::size_t close = text.find('>', at);
        if (close == std::string_view::npos) break;
        if (close > at + 1) out.emplace_back(text.substr(at + 1, close - at - 1));
        at = close + 1;
    }
    if (out.empty() && !trim(text).empty()) out.emplace_back(trim(text));
    return out;
}

// The SMTP address of a sender: its SMTP property, else its address when the address type is SMTP (an
// Exchange `EX` address is an X.500 path, no mail address).
std::string smtp_address(PropertyReader& p, std::uint16_t smtp, std::uint16_t email, std::uint16_t type) {
    std::string address = p.text(smtp);
    if (!address.empty()) return address;
    const std::string address_type = p.text(type);
    address = p.text(email);
    if ((address_type.empty() || iequals_ascii(address_type, "SMTP")) && address.find('@') != std::string::npos)
        return address;
    return {};
}

// The transport headers parsed as a message of headers alone; std::nullopt when they hold none.
std::optional<MailMessage> parse_transport_headers(std::string headers, std::vector<MailProblem>& problems) {
    if (trim(headers).empty()) return std::nullopt;
    // A header block ends at an empty line; the body (there is none) would follow it.
    while (!headers.empty() && (headers.back() == '\n' || headers.back() == '\r')) headers.pop_back();
    headers += "\r\n\r\n";
    std::string failure;
    std::size_t offset = 0;
    auto parsed = parse_mime_message(headers, failure, offset);
    if (!parsed) {
        problems.push_back({"msg.bad-headers",
                            fmt::format("transport headers (0x007D) do not parse: {}; read from the message "
                                        "properties alone",
                                        failure)});
        return std::nullopt;
    }
    parsed->body.clear();
    parsed->body_is_html = false;
    return parsed;
}

}  // namespace

std::string utf16le_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() / 2);
    const auto unit = [&](std::size_t i) {
        return static_cast<char16_t>(static_cast<unsigned char>(bytes[2 * i]) |
                                     (static_cast<unsigned char>(bytes[2 * i + 1]) << 8));
    };
    const std::size_t units = bytes.size() / 2;
    for (std::size_t i = 0; i < units; ++i) {
        const char16_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (unit(i + 1) - 0xDC00));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            append_utf8(out, U'\uFFFD');
        } else {
            append_utf8(out, u);
        }
    }
    while (!out.empty() && out.back() == '\0') out.pop_back();
    return out;
}

std::optional<Instant> filetime_to_instant(std::uint64_t ticks) {
    // 1601-01-01 → 1970-01-01 is 11644473600 s; 9999-12-31T23:59:59Z is 253402300799 s after 1970.
    constexpr std::uint64_t epoch_offset_us = 11644473600ull * 1000000ull;
    constexpr std::uint64_t last_us = (11644473600ull + 253402300799ull) * 1000000ull;
    const std::uint64_t us = ticks / 10;
    if (ticks == 0 || us > last_us) return std::nullopt;
    return Instant{std::chrono::microseconds{static_cast<std::int64_t>(us) - static_cast<std::int64_t>(epoch_offset_us)}};
}

std::string code_page_charset(std::uint32_t code_page) {
    if (code_page == 65001) return "UTF-8";
    if (code_page == 20127) return "US-ASCII";
    if (code_page >= 28591 && code_page <= 28606) return fmt::format("ISO-8859-{}", code_page - 28590);
    if (code_page == 20866) return "KOI8-R";
    if (code_page == 21866) return "KOI8-U";
    if (code_page == 50220 || code_page == 50221 || code_page == 50222) return "ISO-2022-JP";
    if (code_page == 51932) return "EUC-JP";
    if (code_page == 51949) return "EUC-KR";
    if (code_page == 52936) return "HZ-GB-2312";
    if (code_page == 54936) return "GB18030";
    return fmt::format("CP{}", code_page);
}

MsgMail read_msg_mail(const MsgProperties& properties) {
    MsgMail mail;
    std::vector<MailProblem> problems;
    PropertyReader p(properties, problems);
    for (const auto& [id, name] : properties.unreadable)
        problems.push_back({"msg.unreadable-property",
                            fmt::format("property stream {} cannot be read (the file is cut short or damaged); read "
                                        "without it",
                                        name),
                            0, Severity::warning});

    MailMessage& m = mail.message;
    if (auto parsed = parse_transport_headers(p.text(pr_transport_message_headers), problems)) m = std::move(*parsed);
    problems.insert(problems.begin(), m.problems.begin(), m.problems.end());
    m.problems.clear();

    if (std::string subject = std::string(trim(p.text(pr_subject))); !subject.empty()) m.subject = std::move(subject);
    if (!m.from) {
        MailAddress from{p.text(pr_sender_name),
                         smtp_address(p, pr_sender_smtp_address, pr_sender_email, pr_sender_address_type)};
        if (from.name.empty() && from.address.empty())
            from = {p.text(pr_sent_representing_name),
                    smtp_address(p, pr_sent_representing_smtp_address, pr_sent_representing_email,
                                 pr_sent_representing_address_type)};
        // Outlook names an SMTP-only sender by the address itself: no display name then, as in From.
        if (from.name == from.address) from.name.clear();
        if (!from.name.empty() || !from.address.empty()) m.from = std::move(from);
    }
    if (m.message_id.empty()) {
        auto ids = message_ids(p.text(pr_internet_message_id));
        if (!ids.empty()) m.message_id = ids.front();
    }
    if (m.in_reply_to.empty()) {
        auto ids = message_ids(p.text(pr_in_reply_to_id));
        if (!ids.empty()) m.in_reply_to = ids.front();
    }
    if (m.references.empty()) m.references = message_ids(p.text(pr_internet_references));

    m.body = p.text(pr_body);
    m.body_is_html = false;
    if (m.body.empty()) {
        m.body = p.text(pr_html);
        m.body_is_html = !m.body.empty();
    }
    if (m.body.empty() && p.find(pr_rtf_compressed))
        problems.push_back({"msg.rtf-body",
                            "the body is stored only as compressed RTF (PR_RTF_COMPRESSED), which is not read; the "
                            "event has the subject alone",
                            0, Severity::warning});

    if (auto t = p.time(pr_client_submit_time, "client-submit-time", "the client submit time (PR_CLIENT_SUBMIT_TIME)"))
        mail.stored_times.push_back(std::move(*t));
    if (auto t = p.time(pr_message_delivery_time, "delivery-time", "the delivery time (PR_MESSAGE_DELIVERY_TIME)"))
        mail.stored_times.push_back(std::move(*t));
    m.problems = std::move(problems);
    return mail;
}

}  // namespace retro::ingest::email
