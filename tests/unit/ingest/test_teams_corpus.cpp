// The real Teams samples under ../shared/corpus/third-party/teams/ (SOURCES.md says what each holds), read
// through detection; the expectations were worked out by reading the files, not from retro's output.
#include <catch2/catch.hpp>

#include "change_json_test_support.hpp"

using namespace retro;

namespace {

std::string teams_sample(std::string_view name) {
    return test::corpus_path("third-party/teams/" + std::string(name));
}

constexpr std::string_view graph_channel = "19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2";

std::vector<std::string> actor_names(const test::AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(e.actor.name.str());
    return out;
}

}  // namespace

TEST_CASE("teams corpus: Graph's top-3 page is a mention, two hosted images and a team description change",
          "[teams]") {
    const auto run = test::run_sources({teams_sample("graph-docs-channel-list-messages-top3.json")});
    CHECK(run.diagnostics.empty());
    CHECK(run.dropped.empty());
    CHECK(test::times(run) == std::vector<std::string>{"2021-03-28T03:50:10.266000Z", "2021-03-28T20:29:37.068000Z",
                                                       "2021-03-28T21:11:12.395000Z"});
    const std::string prefix = "teams:" + std::string(graph_channel) + "/";
    CHECK(test::ids(run) == std::vector<std::string>{prefix + "1616883610266", prefix + "1616963377068",
                                                     prefix + "1616965872395"});
    for (const Event& e : run.events) {
        CHECK(e.source.kind == "teams");
        CHECK(e.source.medium == Medium::chat);
        CHECK(e.kind == EventKind::message);
        CHECK(e.channel == graph_channel);
        REQUIRE(e.links.size() == 1);
        CHECK(e.links[0].starts_with("https://teams.microsoft.com/l/message/"));
    }
    // `from: null`, messageType unknownFutureValue: Teams' own message, told by its eventDetail.
    const Event& system = run.events[0];
    CHECK(system.flags.system == SystemMessage::topic);
    CHECK(system.text == "changed the team description to: Team for Microsoft Teams members");
    CHECK(system.actor.id == "1fb8890f-423e-4154-8fbf-db6809bc8756");  // the initiator, named nowhere in the file
    CHECK(system.actor.name.empty());
    CHECK(system.thread.empty());
    // Two pasted images: Graph's hostedContents need a token, so their lines carry no URL.
    const Event& images = run.events[1];
    CHECK(images.actor == Actor{"8ea0e38b-efb3-4757-924a-5f94061cf8c2", "Robin Kline", "RK", ""});
    CHECK(images.text == "image\nimage");
    CHECK(images.spans == std::vector<Span>{{0, 5, SpanType::attachment, ""}, {6, 11, SpanType::attachment, ""}});
    CHECK(images.flags.system == SystemMessage::none);
    const Event& mention = run.events[2];
    CHECK(mention.text == "Hello World @Jane Smith");
    CHECK(mention.spans == std::vector<Span>{{12, 23, SpanType::mention, ""}});
    CHECK(mention.thread == "1616965872395");  // a channel post starts its own conversation
}

TEST_CASE("teams corpus: $expand=replies is one root and its three replies, one thread", "[teams]") {
    const auto run = test::run_sources({teams_sample("graph-docs-channel-list-messages-expand-replies.json")});
    CHECK(run.diagnostics.empty());
    CHECK(run.events.size() == 4);
    CHECK(test::times(run) == std::vector<std::string>{"2021-03-28T20:29:37.068000Z", "2021-03-29T03:49:07.416000Z",
                                                       "2021-03-29T03:49:10.004000Z", "2021-03-29T03:49:13.153000Z"});
    CHECK(test::texts_of(run) == std::vector<std::string>{"image\nimage", "Reply1", "Reply2", "Reply3"});
    for (const Event& e : run.events) {
        CHECK(e.thread == "1616963377068");  // the root too: a channel post starts a conversation
        CHECK(e.actor.name == "Robin Kline");
    }
    CHECK(run.events[1].id == "teams:" + std::string(graph_channel) + "/1616989747416");
    // Each reply stands at its own line of the file.
    CHECK(run.events[0].source.line == 6);
    CHECK(run.events[1].source.line == 122);  // Reply1, the last of the replies as Graph lists them
    CHECK(run.events[3].source.line == 46);
}

TEST_CASE("teams corpus: the Teams data export (PascalCase) gives all seven records, system events included",
          "[teams]") {
    const auto run = test::run_sources({teams_sample("zulip-teams-export-channel-messages_7c050abd.json")});
    CHECK(run.diagnostics.empty());
    CHECK(run.dropped.empty());
    CHECK(test::times(run) == std::vector<std::string>{
                                  "2025-08-14T10:27:40.484000Z", "2025-08-14T10:28:04.801000Z",
                                  "2025-08-14T17:26:09.203000Z", "2025-08-14T17:26:35.975000Z",
                                  "2025-10-09T12:55:54.307000Z", "2025-10-09T12:59:42.392000Z",
                                  "2025-10-09T13:12:04.547000Z"});
    // The system events name their initiator by id only; the file names that person elsewhere.
    CHECK(actor_names(run) == std::vector<std::string>{"Pieter K", "Pieter K", "Alya Abbott", "Alya Abbott",
                                                       "Pieter K", "Will Begon", ""});
    std::vector<SystemMessage> systems;
    for (const Event& e : run.events) systems.push_back(e.flags.system);
    using S = SystemMessage;
    CHECK(systems == std::vector<S>{S::other, S::none, S::none, S::none, S::other, S::none, S::other});
    CHECK(run.events[0].text.empty());  // EventDetail names no kind: every member null
    // An app's system event: a bot.
    CHECK(run.events[6].actor.id == "62b732f7-fc71-40bc-b27d-35efcb0509de");
    CHECK(run.events[6].flags.bot);
    // The root: its subject, then the quoted paragraph; `&nbsp;` paragraphs leave no empty line.
    const Event& root = run.events[1];
    CHECK(root.text ==
          "private channel message\nI question the need for interrupts. For example, many algorithms improve unstable "
          "algorithms. Indeed, online algorithms and lambda calculus have a long history of collaborating in this "
          "manner.");
    CHECK(root.thread == "1755167284801");
    CHECK(root.time_raw == "2025-08-14T10:28:04.801+00:00");
    CHECK(run.events[2].text == "Good question! I dunno");
    CHECK(run.events[2].thread == "1755167284801");
    // A code block: its text as written, a pre span.
    CHECK(run.events[3].text == "print(\"hi\")");
    CHECK(run.events[3].spans == std::vector<Span>{{0, 11, SpanType::pre, ""}});
    // An emoji element is its alt text; a reaction in MessageHistory is no edit.
    const Event& ghost = run.events[5];
    CHECK(ghost.text == "Message from a deactivated user!\xF0\x9F\x91\xBB");
    CHECK(ghost.flags.reactions == std::vector<std::string>{"\xF0\x9F\x91\x8D"});
    CHECK_FALSE(ghost.flags.edited);
    for (const Event& e : run.events) CHECK(e.channel == "19:---2pcguZ0vbfte2wmk0y31xdnjlFv2C1k7nyYXUc7A1@thread.tacv2");
}

TEST_CASE("teams detection claims no other corpus file (Slack API JSON, alerts, mail, chat exports)", "[teams]") {
    CHECK(test::foreign_files_claimed("teams", "/teams/").empty());
    for (std::string_view name : {"graph-docs-channel-list-messages-top3.json",
                                  "graph-docs-channel-list-messages-expand-replies.json"})
        CHECK(test::detect_score(teams_sample(name), "teams") == 95);
    CHECK(test::detect_score(teams_sample("zulip-teams-export-channel-messages_7c050abd.json"), "teams") == 90);
}
