// The GMime 3 adapter: parses one RFC 5322/MIME message (RFC 2045–2047) from memory into MailMessage.
// GMime objects are held by small RAII handles and never leave this file.
#include "ingest/email/mime_message.hpp"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <gmime/gmime.h>

#include "core/text_utf8.hpp"

namespace retro::ingest::email {
namespace {

// g_mime_init() once per process, from whichever thread gets here first.
void ensure_gmime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
    void operator()(void* object) const {
        if (object) g_object_unref(object);
    }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
    void operator()(void* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFree>;

struct ReferencesFree {
    void operator()(GMimeReferences* r) const {
        if (r) g_mime_references_free(r);
    }
};

struct OptionsFree {
    void operator()(GMimeParserOptions* o) const {
        if (o) g_mime_parser_options_free(o);
    }
};

struct IconvHandle {
    iconv_t cd;
    explicit IconvHandle(iconv_t c) : cd(c) {}
    ~IconvHandle() {
        if (cd != reinterpret_cast<iconv_t>(-1)) g_mime_iconv_close(cd);
    }
    IconvHandle(const IconvHandle&) = delete;
    IconvHandle& operator=(const IconvHandle&) = delete;
    bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
};

// The first fatal complaint of the parser, to say why a message could not be parsed.
struct ParseWatch {
    std::string first_critical;
    std::size_t offset = 0;
};

// `text` for a diagnostic: valid UTF-8, control characters as `\xNN`, at most 80 bytes.
std::string printable(std::string_view text) {
    std::string out;
    for (char c : repair_utf8(text.substr(0, 80))) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(c));
            out.append(hex);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void on_parser_warning(gint64 offset, GMimeParserWarning code, const gchar* item, gpointer user_data) {
    auto* watch = static_cast<ParseWatch*>(user_data);
    if (code == GMIME_CRIT_INVALID_HEADER_NAME && watch->first_critical.empty()) {
        watch->first_critical = "invalid header line \"" + printable(item ? item : "") + "\"";
        watch->offset = offset > 0 ? static_cast<std::size_t>(offset) : 0;
    }
}

std::string unfold(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value)
        if (c != '\r' && c != '\n') out.push_back(c);
    return std::string(trim(out));
}

MailAddress to_address(InternetAddress* address) {
    MailAddress out;
    if (const char* name = internet_address_get_name(address)) out.name = repair_utf8(trim(name));
    if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
        if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)))
            out.address = repair_utf8(addr);
    }
    return out;
}

std::vector<MailAddress> addresses(InternetAddressList* list) {
    std::vector<MailAddress> out;
    if (!list) return out;
    for (int i = 0; i < internet_address_list_length(list); ++i) {
        InternetAddress* address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            auto inner = addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
            out.insert(out.end(), inner.begin(), inner.end());
        } else {
            out.push_back(to_address(address));
        }
    }
    return out;
}

bool is_text_part(GMimeObject* object, const char* subtype) {
    if (!GMIME_IS_PART(object)) return false;
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (!type || !g_mime_content_type_is_type(type, "text", subtype)) return false;
    return !g_mime_part_is_attachment(GMIME_PART(object));
}

// Depth first through multiparts (not into attached messages): the first non-attachment text/<subtype>.
GMimePart* find_text_part(GMimeObject* object, const char* subtype) {
    if (!object) return nullptr;
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* multipart = GMIME_MULTIPART(object);
        for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
            if (GMimePart* found = find_text_part(g_mime_multipart_get_part(multipart, i), subtype)) return found;
        return nullptr;
    }
    return is_text_part(object, subtype) ? GMIME_PART(object) : nullptr;
}

GMimeMessagePart* find_message_part(GMimeObject* object) {
    if (!object) return nullptr;
    if (GMIME_IS_MESSAGE_PART(object)) return GMIME_MESSAGE_PART(object);
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* multipart = GMIME_MULTIPART(object);
        for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
            if (GMimeMessagePart* found = find_message_part(g_mime_multipart_get_part(multipart, i))) return found;
    }
    return nullptr;
}

}  // namespace

bool convert_charset(std::string_view raw, const char* charset, std::string& out, bool& replaced) {
    ensure_gmime();
    IconvHandle cd(g_mime_iconv_open("UTF-8", charset));
    if (!cd.ok()) return false;
    std::string input(raw);
    char* in = input.data();
    std::size_t in_left = input.size();
    std::string buffer(4096, '\0');
    while (in_left > 0) {
        char* o = buffer.data();
        std::size_t o_left = buffer.size();
        std::size_t rc = iconv(cd.cd, &in, &in_left, &o, &o_left);
        out.append(buffer.data(), buffer.size() - o_left);
        if (rc == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) continue;
            // EILSEQ or EINVAL (a truncated sequence at the end): replace one byte and go on.
            append_utf8(out, U'\uFFFD');
            replaced = true;
            ++in;
            --in_left;
            iconv(cd.cd, nullptr, nullptr, nullptr, nullptr);
        }
    }
    char* o = buffer.data();
    std::size_t o_left = buffer.size();
    iconv(cd.cd, nullptr, nullptr, &o, &o_left);  // flush shift states (ISO-2022-JP)
    out.append(buffer.data(), buffer.size() - o_left);
    return true;
}

namespace {

// Where a part's headers start in the message (0 when it has none).
std::size_t part_offset(GMimeObject* object) {
    GMimeHeaderList* list = g_mime_object_get_header_list(object);
    if (!list || g_mime_header_list_get_count(list) == 0) return 0;
    gint64 offset = g_mime_header_get_offset(g_mime_header_list_get_header_at(list, 0));
    return offset > 0 ? static_cast<std::size_t>(offset) : 0;
}

std::string decode_part_text(GMimePart* part, std::vector<MailProblem>& problems) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (!content) return {};
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    std::string_view raw(reinterpret_cast<const char*>(bytes->data), bytes->len);

    const char* charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    std::size_t offset = part_offset(GMIME_OBJECT(part));
    if (!charset || iequals_ascii(charset, "utf-8") || iequals_ascii(charset, "us-ascii")) {
        if (!is_valid_utf8(raw) && charset)
            problems.push_back({"email.bad-charset",
                                "text is not valid " + std::string(charset) + "; invalid bytes replaced with U+FFFD",
                                offset});
        return repair_utf8(raw);
    }
    std::string out;
    bool replaced = false;
    if (!convert_charset(raw, charset, out, replaced)) {
        problems.push_back({"email.unknown-charset",
                            "unknown charset \"" + repair_utf8(charset) + "\"; text read as UTF-8 with replacements",
                            offset});
        return repair_utf8(raw);
    }
    if (replaced)
        problems.push_back({"email.bad-charset",
                            "text is not valid " + repair_utf8(charset) + "; invalid bytes replaced with U+FFFD",
                            offset});
    return repair_utf8(out);
}

std::string decode_message_id(const char* value) {
    if (!value) return {};
    GString_ id(g_mime_utils_decode_message_id(value));
    return id ? repair_utf8(id.get()) : std::string();
}

// The body text: the first text/plain, else the first text/html; when the message has neither (a digest, a
// forwarded message as its only part), the same search inside its first attached message.
constexpr int max_forward_depth = 3;

void choose_body(GMimeObject* body, MailMessage& out, int depth) {
    if (GMimePart* plain = find_text_part(body, "plain")) {
        out.body = decode_part_text(plain, out.problems);
        return;
    }
    if (GMimePart* html = find_text_part(body, "html")) {
        out.body = decode_part_text(html, out.problems);
        out.body_is_html = true;
        return;
    }
    if (body && GMIME_IS_PART(body) && !g_mime_part_is_attachment(GMIME_PART(body)) &&
        g_mime_content_type_is_type(g_mime_object_get_content_type(body), "text", "*")) {
        out.body = decode_part_text(GMIME_PART(body), out.problems);  // text/enriched and other text types
        return;
    }
    if (GMimeMessagePart* attached = find_message_part(body)) {
        GMimeMessage* inner = g_mime_message_part_get_message(attached);
        if (!inner) return;
        if (depth < max_forward_depth) {
            choose_body(g_mime_message_get_mime_part(inner), out, depth + 1);
        } else {
            out.problems.push_back({"email.nested-too-deep",
                                    fmt::format("attached messages nest deeper than {}; the body inside is not read",
                                                max_forward_depth),
                                    part_offset(GMIME_OBJECT(attached)), Severity::error});
        }
    }
}

// RFC 2047 words naming a charset iconv does not know: GMime falls back to another charset silently.
void check_encoded_word_charsets(const MailHeader& header, std::vector<MailProblem>& problems) {
    std::string_view value = header.value;
    std::size_t at = 0;
    while ((at = value.find("=?", at)) != std::string_view::npos) {
        std::size_t end = value.find('?', at + 2);
        if (end == std::string_view::npos) return;
        std::string charset(value.substr(at + 2, end - at - 2));
        at = end + 1;
        if (auto star = charset.find('*'); star != std::string::npos) charset.resize(star);  // RFC 2231 language
        if (charset.empty() || charset.size() > 40) continue;
        IconvHandle cd(g_mime_iconv_open("UTF-8", charset.c_str()));
        if (cd.ok()) continue;
        problems.push_back(
            {"email.unknown-charset",
             "unknown charset \"" + repair_utf8(charset) + "\" in " + header.name + "; decoded with a fallback charset",
             header.offset});
        return;
    }
}

}  // namespace

const MailHeader* MailMessage::header(std::string_view name) const {
    for (const auto& h : headers)
        if (iequals_ascii(h.name, name)) return &h;
    return nullptr;
}

std::optional<MailMessage> parse_mime_message(std::string_view bytes, std::string& failure,
                                              std::size_t& failure_offset) {
    ensure_gmime();
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    g_mime_parser_set_respect_content_length(parser.get(), FALSE);
    std::unique_ptr<GMimeParserOptions, OptionsFree> options(g_mime_parser_options_new());
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_allow_addresses_without_domain(options.get(), TRUE);
    ParseWatch watch;
    g_mime_parser_options_set_warning_callback(options.get(), on_parser_warning, &watch);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    GMimeHeaderList* list = message ? g_mime_object_get_header_list(GMIME_OBJECT(message.get())) : nullptr;
    if (!message || !list || g_mime_header_list_get_count(list) == 0) {
        failure = watch.first_critical.empty() ? "no header block" : watch.first_critical;
        failure_offset = watch.offset;
        return std::nullopt;
    }

    MailMessage out;
    for (int i = 0; i < g_mime_header_list_get_count(list); ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(list, i);
        const char* raw = g_mime_header_get_raw_value(header);
        gint64 offset = g_mime_header_get_offset(header);
        out.headers.push_back({repair_utf8(g_mime_header_get_name(header)), repair_utf8(unfold(raw ? raw : "")),
                               offset > 0 ? static_cast<std::size_t>(offset) : 0});
    }
    if (const char* subject = g_mime_message_get_subject(message.get())) out.subject = repair_utf8(trim(subject));
    auto from = addresses(g_mime_message_get_from(message.get()));
    if (!from.empty()) out.from = from.front();
    out.to = addresses(g_mime_message_get_to(message.get()));
    if (const char* id = g_mime_message_get_message_id(message.get())) out.message_id = repair_utf8(trim(id));
    if (const auto* h = out.header("In-Reply-To")) out.in_reply_to = decode_message_id(h->value.c_str());
    if (const auto* h = out.header("References")) {
        std::unique_ptr<GMimeReferences, ReferencesFree> refs(g_mime_references_parse(options.get(), h->value.c_str()));
        if (refs) {
            for (int i = 0; i < g_mime_references_length(refs.get()); ++i)
                out.references.push_back(repair_utf8(g_mime_references_get_message_id(refs.get(), i)));
        }
    }

    choose_body(g_mime_message_get_mime_part(message.get()), out, 0);
    for (const char* name : {"Subject", "From", "To"})
        if (const auto* h = out.header(name)) check_encoded_word_charsets(*h, out.problems);
    return out;
}

}  // namespace retro::ingest::email
