// Slack `ts` values ("1721903759.248609": epoch seconds and a six-digit per-channel sequence) and
// permalinks (input-formats.md §1.8). A ts is parsed as two integers, never through a double.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "retro/event.hpp"
#include "retro/time.hpp"

namespace retro::ingest::slack {

// The instant of a ts: "<digits>.<1 to 6 digits>" or "<digits>"; std::nullopt for anything else.
std::optional<Instant> parse_ts(std::string_view ts);

// The ts a JSON number holds, as Slack writes it ("1721901600.000100"), or std::nullopt when the number
// cannot be read exactly: more than six decimals, an exponent or a value past 2^32 s. Below 2^32 a double's
// spacing is under half a microsecond, so a number written with at most six decimals is recovered exactly
// (`1721901600.000100` keeps its microseconds though the double holds 1721901600.0001000…).
std::optional<std::string> ts_of_number(double value);

// `https://<workspace>.slack.com/archives/<channel>/p<ts without the dot>`, with
// `?thread_ts=<thread>&cid=<channel>` for a reply (thread non-empty and different from ts).
// A workspace holding a dot ("acme.enterprise.slack.com") is used as the host as it is.
std::string permalink(std::string_view workspace, std::string_view channel_id, std::string_view ts,
                      std::string_view thread_ts);

// Puts the permalink of message event `e` (its ts is `e.time_raw`, its thread `e.thread`) in `channel_id`
// first among its links: the one place a Slack event gets its link, later stages read it from there.
void add_permalink(Event& e, std::string_view workspace, std::string_view channel_id);

// The workspace in a file permalink (`https://acme.slack.com/files/…` → "acme"), or "".
std::string workspace_from_url(std::string_view url);

// The workspace of the first file permalink in raw JSON text (`https:\/\/acme.slack.com\/files\/…`
// with or without escaped slashes), or "".
std::string find_workspace(std::string_view json_text);

}  // namespace retro::ingest::slack
