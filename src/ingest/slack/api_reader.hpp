// Slack Web API JSON (`conversations.history` / `.replies`, input-formats.md §1.12) and slackdump's
// legacy per-channel dump (`{"channel_id","name","messages":[… "slackdump_thread_replies" …]}`, §1.11).
#pragma once

#include "retro/ingest.hpp"

namespace retro::ingest::slack {

// 90 for `{"ok":…,"messages":…}` or an `ok:false` response, 70 for an Events API envelope, 50 for a bare
// array of message objects; 0 otherwise. Looks at the stream head only.
int detect_slack_api(const Probe& probe);

// 95 for a slackdump dump object (`channel_id` and `messages`); 0 otherwise.
int detect_slackdump(const Probe& probe);

// Reads API responses: one document, concatenated documents, JSON Lines, or an array of responses or of
// messages. The channel comes from --slack-channel ID[:NAME], else the envelope, else a file named by a
// channel id; otherwise a `slack.no-channel` warning. `ok:false` is a `slack.api-error` error.
void ingest_slack_api(Input& input, const IngestContext& context);

// Reads slackdump dump objects, nested thread replies included (each reply once).
void ingest_slackdump(Input& input, const IngestContext& context);

}  // namespace retro::ingest::slack
