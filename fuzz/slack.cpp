// Fuzz target: bytes → the Slack day-file parser (mrkdwn, blocks, attachments, alerts) and the API/slackdump
// reader. Every event written must be valid UTF-8 with spans inside its text.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "core/text_utf8.hpp"
#include "ingest/slack/api_reader.hpp"
#include "ingest/slack/day_file.hpp"
#include "retro/event_json.hpp"

namespace {

class CheckingSink final : public retro::EventSink {
public:
    void add(retro::Event&& e) override { check(e); }
    void drop(std::string_view, std::uint64_t) override {}
    static void check(const retro::Event& e) {
        if (!retro::is_valid_utf8(e.text)) std::abort();
        for (const auto& s : e.spans)
            if (s.start > s.end || s.end > e.text.size()) std::abort();
        if (!retro::is_valid_utf8(retro::to_json_line(e))) std::abort();
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    retro::Diagnostics diags([](const std::string&) {});
    retro::ingest::slack::Directory directory;
    retro::People people;
    retro::ingest::slack::MessageConverter converter(directory, people, "slack");
    converter.set_workspace("fuzz");
    std::set<std::string> seen;
    std::vector<retro::Event> events;
    retro::ingest::slack::parse_slack_day(bytes, {"fuzz"}, {"C1", "general"}, converter, seen, diags, events);
    for (const auto& e : events) CheckingSink::check(e);

    retro::IngestOptions options;
    CheckingSink sink;
    retro::IngestContext context{options, diags, sink};
    retro::Input input;
    input.name = "fuzz";
    input.head = std::string(bytes);
    retro::ingest::slack::ingest_slack_api(input, context);
    return 0;
}
