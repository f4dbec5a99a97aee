// Fuzz target: bytes → mbox splitting → GMime message parsing → e-mail events, checking that every event
// has valid UTF-8 text and survives the retro.event/1 round trip.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text_utf8.hpp"
#include "ingest/email/email_event.hpp"
#include "io/mbox_splitter.hpp"
#include "retro/event_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    retro::Diagnostics diags([](const std::string&) {});
    retro::IngestOptions options;
    retro::io::MboxSplitter splitter("fuzz", bytes, nullptr, 1 << 20, diags);
    retro::ingest::email::MailboxIndex mailbox;
    retro::io::MboxMessage message;
    while (splitter.next(message)) {
        retro::ingest::email::MailEnvelope envelope{"mbox", "fuzz", message.envelope, {}, message.envelope_line};
        auto event =
            retro::ingest::email::parse_email_message(message.bytes, message.origin, envelope, mailbox, options, diags);
        if (!event) continue;
        if (!retro::is_valid_utf8(event->text) || !retro::is_valid_utf8(event->actor.name)) std::abort();
        const std::string line = retro::to_json_line(*event);
        retro::Event again;
        if (!retro::read_event_json(line, {"again"}, diags, again) || retro::to_json_line(again) != line) std::abort();
    }
    return 0;
}
