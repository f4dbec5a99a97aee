// Fuzz target: bytes → the Slack Web API reader (conversations.history/replies, JSON Lines, Events API
// envelopes) and the slackdump reader. Every event must pass fuzz::check_event.
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/slack/api_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = retro::fuzz::as_text(data, size);
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    {
        retro::fuzz::CheckingSink sink;
        retro::Input input = retro::fuzz::memory_input(bytes, "C0123ABCD.json");
        retro::ingest::slack::ingest_slack_api(input, {options, diags, sink});
    }
    {
        retro::fuzz::CheckingSink sink;
        retro::Input input = retro::fuzz::memory_input(bytes, "fuzz.json");
        retro::ingest::slack::ingest_slackdump(input, {options, diags, sink});
    }
    return 0;
}
