// Fuzz target: bytes → the Slack export day-file parser (mrkdwn, blocks, attachments, alerts). Every event
// must pass fuzz::check_event. (API JSON and slackdump: slack_api.cpp.)
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "ingest/slack/day_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::ingest::slack::Directory directory;
    retro::People people;
    retro::ingest::slack::MessageConverter converter(directory, people, "slack");
    converter.set_workspace("fuzz");
    retro::ingest::slack::SeenMessages seen;
    std::vector<retro::Event> events;
    retro::ingest::slack::parse_slack_day(retro::fuzz::as_text(data, size), {"fuzz"}, {"C1", "general"}, converter,
                                          seen, diags, events);
    for (const retro::Event& e : events) retro::fuzz::check_event(e);
    return 0;
}
