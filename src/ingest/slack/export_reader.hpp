// The official Slack workspace export (input-formats.md §1.1–1.2), as a folder or a ZIP read in place
// through retro::Tree: metadata files, then one folder of `YYYY-MM-DD.json` day files per conversation.
#pragma once

#include <optional>
#include <string_view>

#include "retro/ingest.hpp"
#include "retro/time.hpp"

namespace retro::ingest::slack {

// 0 unless `probe` is a tree holding day files: 95 with channels.json or users.json beside them,
// 60 with day files alone.
int detect_slack_export(const Probe& probe);

// Reads an export tree. Private channels, DMs and group DMs only with `include_private`; `channel_globs`
// select conversations by name (or id); day files that cannot hold an instant in [from, until) are not
// read at all. A stream (a day file forced with `slack:`) is read as one day file of the channel named
// by --slack-channel, else by its folder.
void ingest_slack_export(Input& input, const IngestContext& context);

// The UTC range a day file named for the Pacific date `date` ("2024-07-25") can hold, with a margin for
// either offset (PST/PDT); std::nullopt when the name is no date.
struct DayRange {
    Instant begin, end;
};
std::optional<DayRange> day_file_range(std::string_view date);

}  // namespace retro::ingest::slack
