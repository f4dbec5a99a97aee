// The `msg` registry row: an Outlook .msg file (a message dragged out of Outlook), one OLE2 compound
// document holding one message's MAPI properties. libgsf reads the compound document
// (msg_compound.cpp), msg_message.cpp maps the properties to a MailMessage, and make_email_event makes
// the event an .eml of the same message would give (source.kind `msg`). A binary file has no lines:
// diagnostics name the file alone.
#include "ingest/email/msg_ingester.hpp"

#include "core/text_utf8.hpp"
#include "ingest/email/email_event.hpp"
#include "ingest/email/msg_compound.hpp"
#include "ingest/email/msg_message.hpp"
#include "ingest/registry_rows.hpp"
#include "io/byte_streams.hpp"

namespace retro::ingest::email {
namespace {

// `__substg1.0_` as the compound document's directory spells names (UTF-16LE): a message's property
// stream, when the directory sits in the head (it usually follows the header sector).
constexpr std::string_view property_stream_utf16{"_\0_\0s\0u\0b\0s\0t\0g\0\x31\0.\0\x30\0_\0", 24};

bool has_msg_extension(std::string_view name) {
    return name.size() > 4 && iequals_ascii(name.substr(name.size() - 4), ".msg");
}

}  // namespace

int detect_msg(const Probe& probe) {
    if (probe.tree || !probe.head.starts_with(ole_magic)) return 0;
    if (has_msg_extension(probe.name)) return 90;
    return probe.head.find(property_stream_utf16) != std::string_view::npos ? 85 : 0;
}

void ingest_msg(Input& input, const IngestContext& context) {
    std::string bytes;
    if (!io::read_all(input, bytes, context.options.limits.max_record_bytes, context.diags)) {
        context.sink.drop("damaged record");
        return;
    }
    const Location file{input.name};
    if (!std::string_view(bytes).starts_with(ole_magic)) {
        context.diags.error("msg.not-compound", file,
                            "not an Outlook .msg: an OLE2 compound document starts with D0 CF 11 E0 A1 B1 1A E1; "
                            "skipped");
        context.sink.drop("damaged record");
        return;
    }
    MsgRead read = read_msg_properties(bytes);
    if (read.status == MsgReadStatus::not_compound) {
        context.diags.error("msg.damaged", file,
                            "the compound document cannot be read (" + read.failure + "); skipped");
        context.sink.drop("damaged record");
        return;
    }
    if (read.status == MsgReadStatus::not_message) {
        context.diags.error("msg.not-a-message", file,
                            "an OLE2 compound document without MAPI message properties (a Word, Excel or PowerPoint "
                            "file?), not an Outlook message; skipped");
        context.sink.drop("not a message");
        return;
    }
    MsgMail mail = read_msg_mail(read.properties);
    MailEnvelope envelope{"msg", {}, {}, {}, 0, std::move(mail.stored_times)};
    MailboxIndex threads;
    std::string drop_reason;
    auto event = make_email_event(mail.message, MailBytes{bytes, Origin{input.name, 1, 1}, false}, envelope, threads,
                                  context.options, context.diags, &drop_reason);
    if (event)
        context.sink.add(std::move(*event));
    else
        context.sink.drop(drop_reason);
}

}  // namespace retro::ingest::email

namespace retro::ingest {

const Ingester msg_ingester{"msg", email::detect_msg, email::ingest_msg};

}  // namespace retro::ingest
