// Every real Mattermost export under ../shared/corpus/third-party/mattermost/ (Zulip's importer fixtures),
// read through detection to the events it holds; expectations worked out by reading the files
// (third-party/SOURCES.md), and no other corpus file claimed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "change_json_test_support.hpp"

using namespace retro;
using test::by_id;
using test::names_of;

namespace {

std::string sample(std::string_view name) {
    return test::corpus_path("third-party/mattermost/" + std::string(name));
}

IngestOptions with_private() {
    IngestOptions options;
    options.include_private = true;
    return options;
}

}  // namespace

TEST_CASE("mattermost corpus: export.jsonl, 20 posts and a reply, the private channel behind --include-private",
          "[mattermost]") {
    const std::string path = sample("zulip-mattermost-export.jsonl");
    // snape's post names team gryffindor with slytherin's channel (line 33, `"channel"` at column 44).
    const std::string team_warning = path +
                                     ":33:44: warning: post names team `gryffindor` but channel "
                                     "`slytherin-quidditch-team` is in team `slytherin`; read in that channel "
                                     "[mattermost.channel-team]";

    const auto closed = test::run_sources({path});
    CHECK(closed.events.size() == 16);  // dumbledores-army (type P): 4 posts and 1 reply left out
    CHECK(closed.diagnostics ==
          std::vector<std::string>{team_warning, path + ": note: 1 private channel or direct message left out; "
                                                        "--include-private reads them [mattermost.private-skipped]"});

    const auto run = test::run_sources({path}, with_private());
    CHECK(run.diagnostics == std::vector<std::string>{team_warning});
    CHECK(run.dropped.empty());
    REQUIRE(run.events.size() == 21);
    const Event& first = run.events.front();
    CHECK(format_utc(first.time) == "2019-03-21T10:45:41.670000Z");
    CHECK(first.id == "mattermost:gryffindor/gryffindor-quidditch-team/harry/1553165141670");
    CHECK(first.actor == Actor{"harry", "Harry Potter", "HP", "harry@zulip.com"});
    CHECK(first.channel == "Gryffindor quidditch team");
    CHECK(first.text == "harry joined the team.");
    CHECK(first.flags.system == SystemMessage::membership);
    CHECK(format_utc(run.events.back().time) == "2019-03-21T11:15:16.448000Z");
    CHECK(run.events.back().text == ":rofl: 4");
    CHECK(names_of(run) == std::set<std::string>{"Harry Potter", "Ron Weasley", "Severus Snape", "malfoy"});

    // The reply is 72 s older than its post: each keeps its own time, both in the post's thread.
    const std::string root_id = "mattermost:gryffindor/dumbledores-army/harry/1553166657086";
    const Event& root = by_id(run, root_id);
    const Event& reply = by_id(run, "mattermost:gryffindor/dumbledores-army/ron/1553166584976");
    CHECK(format_utc(reply.time) == "2019-03-21T11:09:44.976000Z");
    CHECK(format_utc(root.time) == "2019-03-21T11:10:57.086000Z");
    CHECK(reply.text == "The weather is so hot!");
    CHECK(reply.thread == root_id);
    CHECK(root.thread == root_id);
    CHECK(root.channel == "Dumbledores army");
    CHECK(root.source.line == 14);

    const Event& snape = by_id(run, "mattermost:slytherin/slytherin-quidditch-team/snape/1553166740759");
    CHECK(snape.channel == "Slytherin quidditch team");
    const Event& hello = by_id(run, "mattermost:gryffindor/gryffindor-quidditch-team/harry/1553165193242");
    CHECK(hello.flags.reactions == std::vector<std::string>{"tick", "smile", "world_map"});
    CHECK(hello.flags.system == SystemMessage::none);
    const Event& added = by_id(run, "mattermost:gryffindor/dumbledores-army/harry/1553166681045");
    CHECK(added.text == "ron added to the channel by harry.");
    CHECK(added.flags.system == SystemMessage::membership);
    const Event& welcome = by_id(run, "mattermost:gryffindor/gryffindor-quidditch-team/harry/1553166519726");
    CHECK(welcome.spans == std::vector<Span>{{0, 4, SpanType::mention, ""}});
}

TEST_CASE("mattermost corpus: guestExport.jsonl, the same workspace with a guest and snape in his own team",
          "[mattermost]") {
    const std::string path = sample("zulip-mattermost-guestExport.jsonl");
    const auto run = test::run_sources({path}, with_private());
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 21);
    CHECK(format_utc(run.events.front().time) == "2019-03-21T10:45:41.670000Z");
    CHECK(run.events.back().text == ":rofl:4");
    CHECK(by_id(run, "mattermost:gryffindor/gryffindor-quidditch-team/snape/1553166740759").channel ==
          "Gryffindor quidditch team");
    CHECK(names_of(run) == std::set<std::string>{"Harry Potter", "Ron Weasley", "Severus Snape", "malfoy"});
    CHECK(test::run_sources({path}).events.size() == 16);
}

TEST_CASE("mattermost corpus: direct_channel export, 4 posts and 7 direct posts out of time order",
          "[mattermost]") {
    const std::string path = sample("zulip-mattermost-direct_channel-export.jsonl");
    const auto closed = test::run_sources({path});
    CHECK(closed.events.size() == 4);
    CHECK(closed.diagnostics == std::vector<std::string>{
                                    path + ": note: 3 private channels or direct messages left out; "
                                           "--include-private reads them [mattermost.private-skipped]"});

    const auto run = test::run_sources({path}, with_private());
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 11);
    CHECK(format_utc(run.events.front().time) == "2019-03-21T11:08:32.493000Z");
    CHECK(run.events.front().text == "ron joined the channel.");
    const Event& last = run.events.back();
    CHECK(format_utc(last.time) == "2019-08-21T08:31:58.579000Z");
    CHECK(last.id == "mattermost:@harry,voldemort/harry/1566376318579");
    CHECK(last.text == "Ahh. Here we go again.");
    // voldemort's user line has `"teams":null`: still a person with a name.
    CHECK(by_id(run, "mattermost:@harry,voldemort/voldemort/1566376318569").actor.name == "Tom Riddle");
    CHECK(last.channel == "Harry Potter, Tom Riddle");
    // Written out of order in the file (harry's "I am going." before ron's reply): read by time.
    std::vector<std::string> group;
    for (const Event& e : run.events)
        if (e.channel == "Ginny Weasley, Harry Potter, Ron Weasley") group.push_back(e.text);
    CHECK(group == std::vector<std::string>{"Who is going to Hogsmeade this weekend?", "I am going as well", "I am going."});
    const Event& file_post = by_id(run, "mattermost:gryffindor/gryffindor-common-room/harry/1553166567370");
    CHECK(file_post.text == "Looks like this channel is empty\nfile: this is a file");
    CHECK(file_post.spans == std::vector<Span>{{39, 53, SpanType::attachment, ""}});
    CHECK(file_post.flags.reactions == std::vector<std::string>{"rocket"});
    CHECK(by_id(run, "mattermost:@harry,ron/ron/1566376137676").text == "hey harry\nfile: harry-ron.jpg");
    CHECK(names_of(run) == std::set<std::string>{"Ginny Weasley", "Harry Potter", "Ron Weasley", "Tom Riddle"});
}

TEST_CASE("mattermost detection claims its three samples and no other corpus file", "[mattermost]") {
    CHECK(test::own_scores("mattermost", "third-party/mattermost") == std::vector<int>{100, 100, 100});
    CHECK(test::foreign_files_claimed("mattermost", "/mattermost/").empty());
    // Nor retro's own NDJSON or anything else of the samples and the golden cases (but this row's own case).
    std::size_t seen = 0;
    for (std::string_view dir : {"samples", "tests/golden"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_path(dir))) {
            if (!entry.is_regular_file() || entry.path().string().find("mattermost") != std::string::npos) continue;
            INFO(entry.path().string());
            CHECK(test::detect_score(entry.path().string(), "mattermost") == 0);
            ++seen;
        }
    }
    CHECK(seen > 100);
}
