// E-mail → event (DESIGN.md; input-formats.md §5.1–5.2 and 5.5). Time: `Date`, else the topmost
// `Received` header's date, else the mbox `From ` line, else the Maildir file name's epoch (a container's
// stored times, Outlook's, come before `Received`), the fallback recorded in provenance.time_fallback with
// a warning. Id: `email:<Message-ID>` (brackets kept), else
// `email:hash-<16 hex>` of Date, From, Subject and body.
#include "ingest/email/email_event.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/text_utf8.hpp"
#include "ingest/email/automated_mail.hpp"
#include "ingest/email/mail_text.hpp"
#include "ingest/email/mime_message.hpp"
#include "ingest/email/statuspage_mail.hpp"

namespace retro::ingest::email {
namespace {

struct TimeChoice {
    Instant instant{};
    std::string raw;
    std::string fallback;  // empty when `Date` gave the time
    bool zone_missing = false;
    bool zone_ambiguous = false;
    std::string described;  // the fallback, for the warning
};

std::optional<TimeChoice> from_rfc5322(std::string_view text, const IngestOptions& options) {
    auto parsed = parse_rfc5322_date(text, options.assume_tz);
    if (!parsed) return std::nullopt;
    return TimeChoice{parsed->instant, std::string(text), {}, parsed->zone_missing, parsed->zone_ambiguous};
}

// `Received: from … by …; Wed, 15 Nov 2017 14:16:14 +0000`: the date follows the last ';'.
std::optional<TimeChoice> from_received(const MailMessage& message, const IngestOptions& options) {
    const MailHeader* received = message.header("Received");
    if (!received) return std::nullopt;
    auto semi = received->value.rfind(';');
    if (semi == std::string::npos) return std::nullopt;
    std::string date = std::string(trim(received->value.substr(semi + 1)));
    for (char& c : date)
        if (c == '\t') c = ' ';
    auto choice = from_rfc5322(date, options);
    if (choice) {
        choice->fallback = "received";
        choice->described = "the first Received header";
    }
    return choice;
}

// `MAILER-DAEMON Fri Jul  8 12:08:34 2011`, `- Mon Jun  3 12:50:27 1996`, Gmail's `id@xxx Mon Nov 06
// 04:42:58 +0000 2017`: the date follows the sender; a classic date has no zone (assume_tz applies).
std::optional<TimeChoice> from_envelope(std::string_view envelope, const IngestOptions& options) {
    envelope = trim(envelope);
    auto space = envelope.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    std::string_view date = trim(envelope.substr(space));
    if (auto remote = date.find(" remote from "); remote != std::string_view::npos) date = date.substr(0, remote);
    auto parsed = parse_asctime(date, options.assume_tz);
    if (!parsed) return std::nullopt;
    return TimeChoice{parsed->instant, std::string(date), "mbox-from", parsed->zone_missing, false,
                      "the mbox From line"};
}

// `1721903759.M1234P567.host,S=2048:2,S`: the delivery time in epoch seconds.
std::optional<TimeChoice> from_maildir_name(std::string_view name) {
    std::size_t digits = 0;
    while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
    if (digits == 0 || digits > 11) return std::nullopt;
    auto instant = parse_epoch(name.substr(0, digits), EpochUnit::seconds);
    if (!instant) return std::nullopt;
    return TimeChoice{*instant, std::string(name.substr(0, digits)), "maildir-name", false, false,
                      "the Maildir file name"};
}

std::string fnv1a_hex(std::initializer_list<std::string_view> parts) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (auto part : parts) {
        for (unsigned char c : part) {
            hash ^= c;
            hash *= 0x100000001b3ull;
        }
        hash ^= 0xff;  // separator, so ("ab","c") and ("a","bc") differ
        hash *= 0x100000001b3ull;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

Actor make_actor(const MailMessage& message, const IngestOptions& options) {
    Actor actor;
    if (!message.from) return actor;
    actor.name = message.from->name;
    actor.email = message.from->address;
    std::optional<Person> person;
    if (!actor.email.empty()) person = options.people.find(actor.email);
    if (!person && !actor.name.empty()) person = options.people.find(actor.name);
    if (person) {
        if (!person->name.empty()) actor.name = person->name;
        actor.initials = person->initials.empty() ? initials_of(actor.name) : person->initials;
        return actor;
    }
    if (!actor.name.empty())
        actor.initials = initials_of(actor.name);
    else if (!actor.email.empty())
        actor.initials = initials_of(actor.email.view().substr(0, actor.email.view().find('@')));
    return actor;
}

Location where_in(const Origin& origin, std::string_view bytes, std::size_t offset) {
    return locate(origin, bytes, std::min(offset, bytes.size()));
}

}  // namespace

Location MailBytes::at(std::size_t offset) const {
    return has_lines ? where_in(origin, bytes, offset) : Location{origin.name};
}

std::string MailboxIndex::unique_id(const std::string& id, const std::string& fingerprint) {
    auto& seen = m_ids[id];
    auto it = std::find(seen.begin(), seen.end(), fingerprint);
    std::size_t n = static_cast<std::size_t>(it - seen.begin());
    if (it == seen.end()) seen.push_back(fingerprint);
    return n == 0 ? id : id + "#" + std::to_string(n + 1);
}

std::string MailboxIndex::root_for(const std::string& normalized_subject, const std::string& id) {
    auto [it, inserted] = m_roots.try_emplace(normalized_subject, id);
    return it->second;
}

std::optional<Event> parse_email_message(std::string_view bytes, const Origin& origin, const MailEnvelope& envelope,
                                         MailboxIndex& threads, const IngestOptions& options, Diagnostics& diags,
                                         std::string* drop_reason) {
    std::string failure;
    std::size_t failure_offset = 0;
    auto parsed = parse_mime_message(bytes, failure, failure_offset);
    if (!parsed) {
        diags.error("email.unparsable", where_in(origin, bytes, failure_offset),
                    "cannot parse message: " + failure + "; skipped");
        if (drop_reason) *drop_reason = "damaged record";
        return std::nullopt;
    }
    return make_email_event(*parsed, MailBytes{bytes, origin}, envelope, threads, options, diags, drop_reason);
}

std::optional<Event> make_email_event(const MailMessage& message, const MailBytes& source,
                                      const MailEnvelope& envelope, MailboxIndex& threads,
                                      const IngestOptions& options, Diagnostics& diags, std::string* drop_reason) {
    const std::string_view bytes = source.bytes;
    const Origin& origin = source.origin;
    for (const auto& problem : message.problems)
        diags.report({problem.severity, problem.code, source.at(problem.offset), problem.message});

    // Time, with its fallbacks.
    const MailHeader* date = message.header("Date");
    std::optional<TimeChoice> time;
    if (date) time = from_rfc5322(date->value, options);
    if (!time) {
        std::string why = date ? "unparsable Date \"" + date->value + "\"" : std::string("no Date header");
        std::string code = date ? "email.bad-date" : "email.no-date";
        Location at = source.at(date ? date->offset : 0);
        if (!envelope.stored_times.empty()) {
            const StoredMailTime& stored = envelope.stored_times.front();
            time = TimeChoice{stored.instant, stored.raw, stored.fallback, false, false, stored.described};
        }
        if (!time) time = from_received(message, options);
        if (!time && !envelope.mbox_from.empty()) time = from_envelope(envelope.mbox_from, options);
        if (!time && !envelope.maildir_name.empty()) time = from_maildir_name(envelope.maildir_name);
        if (!time) {
            diags.error("email.no-time", at, why + " and no Received, mbox or Maildir time; message skipped");
            if (drop_reason) *drop_reason = "no usable time";
            return std::nullopt;
        }
        diags.warning(code, at, why + "; time taken from " + time->described);
    }
    if (time->zone_ambiguous && date)
        diags.warning("email.ambiguous-zone", source.at(date->offset),
                      "ambiguous zone abbreviation in Date \"" + date->value + "\"");

    Event event;
    event.kind = EventKind::email;
    event.time = time->instant;
    event.time_raw = time->raw;
    event.precision = Precision::exact;
    event.source =
        SourceRef{envelope.source_kind, {}, Medium::mail, origin.name,
                  envelope.record_line ? envelope.record_line : origin.line};
    event.channel = envelope.channel;
    event.actor = make_actor(message, options);
    if (time->zone_missing) event.provenance.ensure().tz_assumed = options.assume_tz.name();
    if (!time->fallback.empty()) event.provenance.ensure().time_fallback = time->fallback;

    const MailHeader* from = message.header("From");
    std::string body = message.body_is_html ? html_to_text(message.body) : message.body;
    // Ids and threads keep the Message-ID as written in the header, angle brackets included.
    if (!message.message_id.empty()) {
        event.id = "email:<" + message.message_id + ">";
        std::string unique = threads.unique_id(event.id, fnv1a_hex({bytes}));
        if (unique != event.id) {
            const MailHeader* id_header = message.header("Message-ID");
            diags.warning("email.duplicate-message-id", source.at(id_header ? id_header->offset : 0),
                          "Message-ID <" + message.message_id +
                              "> already names a different message in this "
                              "mailbox; this one is " +
                              unique);
            event.id = unique;
        }
    } else {
        event.id = "email:hash-" +
                   fnv1a_hex({date ? std::string_view(date->value) : std::string_view(),
                              from ? std::string_view(from->value) : std::string_view(), message.subject, body});
    }

    // Thread: the root of References, else the parent, else an earlier message with the same subject.
    std::string normalized = normalize_subject(message.subject);
    std::string own = message.message_id.empty() ? event.id.substr(6) : "<" + message.message_id + ">";
    if (!message.references.empty())
        event.thread = "<" + message.references.front() + ">";
    else if (!message.in_reply_to.empty())
        event.thread = "<" + message.in_reply_to + ">";
    else if (!normalized.empty())
        event.thread = threads.root_for(normalized, own);
    else
        event.thread = own;
    if (!normalized.empty() && event.thread != own) threads.root_for(normalized, event.thread.str());

    std::string subject = message.subject;
    if (auto status = detect_statuspage_mail(subject, message.from ? message.from->name : "",
                                             message.from ? message.from->address : "", body)) {
        event.kind = EventKind::status;
        event.status = StatusInfo{status->page, status->state};
        event.flags.bot = true;
        std::string label(status->state);
        if (!label.empty()) label[0] = static_cast<char>(label[0] - 'a' + 'A');
        event.text = "[" + status->page + "] " + status->incident + "\n" + label;
        if (!status->update.empty()) event.text += " - " + status->update;
        if (!status->url.empty()) event.links.push_back(status->url);
    } else {
        event.flags.bot = is_automated_mail(message);
        event.text = subject;
        std::string summary = summarize_body(body);
        if (!summary.empty()) event.text += (event.text.empty() ? "" : "\n") + summary;
    }
    event.text = repair_utf8(event.text);
    return event;
}

void ingest_email_message(std::string_view bytes, const Origin& origin, const MailEnvelope& envelope,
                          MailboxIndex& threads, const IngestContext& context) {
    std::string drop_reason;
    auto event = parse_email_message(bytes, origin, envelope, threads, context.options, context.diags, &drop_reason);
    if (event)
        context.sink.add(std::move(*event));
    else
        context.sink.drop(drop_reason);
}

}  // namespace retro::ingest::email
