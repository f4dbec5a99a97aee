// Shared by the e-mail tests: a collecting sink, UTC instants, and one-call parsing of a message.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "ingest/email/email_event.hpp"
#include "retro/ingest.hpp"

namespace retro::test::email {

struct CollectSink final : EventSink {
    std::vector<Event> events;
    std::map<std::string, std::uint64_t> dropped;
    void add(Event&& event) override { events.push_back(std::move(event)); }
    void drop(std::string_view reason, std::uint64_t count) override { dropped[std::string(reason)] += count; }
};

inline Instant utc(int y, unsigned mo, unsigned d, int h, int mi, int s) {
    using namespace std::chrono;
    return Instant(sys_days(year(y) / month(mo) / day(d)) + hours(h) + minutes(mi) + seconds(s));
}

// Parses `bytes` as one message of an mbox named `name` (or of `envelope` when given).
inline std::optional<Event> parse(std::string_view bytes, Diagnostics& diags,
                                  ingest::email::MailEnvelope envelope = {"eml", {}, {}, {}},
                                  const IngestOptions& options = IngestOptions{}) {
    ingest::email::MailboxIndex threads;
    return ingest::email::parse_email_message(bytes, Origin{"m.eml", 1, 1}, envelope, threads, options, diags);
}

}  // namespace retro::test::email
