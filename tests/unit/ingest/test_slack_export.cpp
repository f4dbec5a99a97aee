// The Slack export as a folder and as a ZIP (read in place), selection, the window, damage; the real
// slackdump corpus (../shared/corpus/slack/slackdump). Counts are worked out from the files with jq,
// never copied from the parser's output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/line_collector.hpp"
#include "ingest/slack/export_reader.hpp"
#include "io/folder_tree.hpp"
#include "io/zip_tree.hpp"
#include "retro/event_json.hpp"
#include "retro/ingest.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

class CollectSink final : public EventSink {
public:
    void add(Event&& e) override { events.push_back(std::move(e)); }
    void drop(std::string_view reason, std::uint64_t n) override { drops[std::string(reason)] += n; }
    std::vector<Event> events;
    std::map<std::string, std::uint64_t> drops;
};

struct Run {
    std::vector<Event> events;
    std::vector<std::string> diagnostics;
};

Run read_export(Input& input, const IngestOptions& options) {
    Diagnostics diags = test::quiet_diagnostics();
    CollectSink sink;
    IngestContext context{options, diags, sink};
    ingest::slack::ingest_slack_export(input, context);
    return Run{std::move(sink.events), test::texts(diags)};
}

Run ingest_tree(std::unique_ptr<Tree> tree, const std::string& name, const IngestOptions& options = {}) {
    Input input;
    input.name = name;
    input.tree = std::move(tree);
    return read_export(input, options);
}

// ---- A tiny ZIP writer (stored entries) so tests can build archives, damaged ones included ----

std::uint32_t crc32_of(std::string_view data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string out, central;
    for (const auto& [name, data] : files) {
        std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        std::uint32_t crc = crc32_of(data);
        put32(out, 0x04034b50);
        put16(out, 10);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0x21);
        put32(out, crc);
        put32(out, static_cast<std::uint32_t>(data.size()));
        put32(out, static_cast<std::uint32_t>(data.size()));
        put16(out, static_cast<std::uint32_t>(name.size()));
        put16(out, 0);
        out += name;
        out += data;
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 10);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0x21);
        put32(central, crc);
        put32(central, static_cast<std::uint32_t>(data.size()));
        put32(central, static_cast<std::uint32_t>(data.size()));
        put16(central, static_cast<std::uint32_t>(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += name;
    }
    std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(files.size()));
    put16(out, static_cast<std::uint32_t>(files.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, cd_offset);
    put16(out, 0);
    return out;
}

const char* const channels_json =
    R"([{"id":"C01FBFSDLUA","name":"wc-digital-platform"},{"id":"C02ALERTS0","name":"wc-platform-alerts"}])";
const char* const groups_json = R"([{"id":"G0SECRET1","name":"hr-private","is_private":true}])";
const char* const dms_json = R"([{"id":"D0DM000001","members":["U1","U2"]}])";
const char* const users_json =
    R"([{"id":"U1","name":"rc","profile":{"real_name":"Rachel Cooper","display_name":"Rachel"}}])";

std::string day(std::string_view ts, std::string_view text) {
    return "[\n  {\"type\": \"message\", \"user\": \"U1\", \"text\": \"" + std::string(text) + "\", \"ts\": \"" +
           std::string(ts) + "\"}\n]\n";
}

// 2024-07-25T10:36:00Z = 1721903760; the day before and after are 86400 s apart.
std::vector<std::pair<std::string, std::string>> small_export() {
    return {
        {"channels.json", channels_json},
        {"groups.json", groups_json},
        {"dms.json", dms_json},
        {"users.json", users_json},
        {"wc-digital-platform/", ""},
        {"wc-digital-platform/2024-07-24.json", day("1721817360.000100", "day before")},
        {"wc-digital-platform/2024-07-25.json",
         "[{\"type\": \"message\", \"user\": \"U1\", \"text\": \"logging in is down\", \"ts\": \"1721903760.000200\","
         " \"files\": [{\"name\": \"a.png\", \"permalink\": "
         "\"https:\\/\\/wellcome.slack.com\\/files\\/U1\\/F1\\/a.png\"}]}]"},
        {"wc-digital-platform/2024-07-26.json", day("1721990160.000300", "day after")},
        {"wc-platform-alerts/2024-07-25.json", day("1721903700.000001", "alarm")},
        {"hr-private/2024-07-25.json", day("1721903761.000001", "private")},
        {"D0DM000001/2024-07-25.json", day("1721903762.000001", "dm")},
        {"wc-digital-platform/attachments/F1-x.json", "not a day file"},
    };
}

std::vector<std::string> ids(const Run& run) {
    std::vector<std::string> out;
    for (const Event& e : run.events) out.push_back(e.id);
    return out;
}

}  // namespace

TEST_CASE("slackdump's official-layout export: folder and ZIP give the same ids and times", "[slack][export][corpus]") {
    // jq 'length' over source_export_dir/B75B4C7/*.json: 2 + 11 + 1 + 2 = 16 messages, 16 distinct ts
    // (`jq -r '.[].ts' … | sort | uniq -d` prints nothing). channels.json maps folder B75B4C7 to CO69735E8A.
    Run dir = ingest_tree(io::open_folder_tree(test::corpus_path("slack/slackdump/source_export_dir")), "dir");
    Run zip = ingest_tree(io::open_zip_tree(test::corpus_path("slack/slackdump/source_export.zip"), "export.zip"),
                          "export.zip");
    // No file permalink names a workspace (they are files.slack.com or anonymised): no links, one note.
    const std::vector<std::string> note{
        "export.zip: note: no workspace found in the export's file permalinks: events carry no permalinks "
        "(--slack-workspace NAME or `slack_workspace` in retro.toml adds them) [slack.no-workspace]"};
    CHECK(zip.diagnostics == note);
    CHECK(dir.diagnostics.size() == 1);
    REQUIRE(dir.events.size() == 16);
    REQUIRE(zip.events.size() == 16);
    for (std::size_t i = 0; i < 16; ++i) {
        CHECK(dir.events[i].id == zip.events[i].id);
        CHECK(dir.events[i].time == zip.events[i].time);
    }
    // The first message of 2025-01-10.json: ts 1736478514.897649; `date -u -d @1736478514` is
    // 2025-01-10 03:08:34 UTC. The file's second element starts on line 30 (`grep -n '^  {'`).
    CHECK(zip.events[0].id == "slack:CO69735E8A/1736478514.897649");
    CHECK(format_utc(zip.events[0].time) == "2025-01-10T03:08:34.897649Z");
    CHECK(zip.events[0].source.origin == "export.zip!/B75B4C7/2025-01-10.json");
    CHECK(zip.events[1].source.line == 30);
    CHECK(zip.events[0].channel == "B75B4C7");
    // users.json: UOF82F39AE has no display name and profile.real_name "WgO268Xc0KtFylJ".
    CHECK(zip.events[0].actor.name == "WgO268Xc0KtFylJ");
    CHECK(zip.events[0].actor.initials == "W");
    // `jq '[.[] | select(.thread_ts)] | length'` summed over the day files: 7.
    std::size_t threaded = 0;
    for (const Event& e : zip.events) threaded += e.thread.empty() ? 0 : 1;
    CHECK(threaded == 7);
    for (const Event& e : zip.events) CHECK(e.links.empty());
}

TEST_CASE("the same export from a ZIP in memory (stdin) and with a workspace", "[slack][export][corpus]") {
    IngestOptions options;
    options.slack_workspace = "acme";
    Run run = ingest_tree(
        io::open_zip_tree_in_memory(test::read_file(test::corpus_path("slack/slackdump/source_export.zip")), "<stdin>"),
        "<stdin>", options);
    REQUIRE(run.events.size() == 16);
    CHECK(run.events[0].source.origin == "<stdin>!/B75B4C7/2025-01-10.json");
    CHECK(run.events[0].links ==
          std::vector<std::string>{"https://acme.slack.com/archives/CO69735E8A/p1736478514897649"});
}

TEST_CASE("private channels and DMs stay out unless asked for, channel globs select", "[slack][export]") {
    std::string zip = make_zip(small_export());
    Run plain = ingest_tree(io::open_zip_tree_in_memory(zip, "e.zip"), "e.zip");
    CHECK(ids(plain) ==
          std::vector<std::string>{"slack:C01FBFSDLUA/1721817360.000100", "slack:C01FBFSDLUA/1721903760.000200",
                                   "slack:C01FBFSDLUA/1721990160.000300", "slack:C02ALERTS0/1721903700.000001"});
    CHECK(plain.diagnostics ==
          std::vector<std::string>{
              "e.zip: note: 2 private channels or direct messages left out; --include-private reads them "
              "[slack.private-skipped]"});
    CHECK(plain.events[1].actor == Actor{"U1", "Rachel", "RC", ""});
    // The workspace comes from the file permalink in the second file read; the first file's event,
    // held back until then, gets its link too.
    CHECK(plain.events[0].links ==
          std::vector<std::string>{"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721817360000100"});
    CHECK(plain.events[3].links ==
          std::vector<std::string>{"https://wellcome.slack.com/archives/C02ALERTS0/p1721903700000001"});
    CHECK(plain.events[1].text == "logging in is down\nfile: a.png");

    IngestOptions with_private;
    with_private.include_private = true;
    Run all = ingest_tree(io::open_zip_tree_in_memory(zip, "e.zip"), "e.zip", with_private);
    CHECK(all.events.size() == 6);
    CHECK(all.diagnostics.empty());

    IngestOptions globbed;
    globbed.channel_globs = {"#wc-platform-*"};
    Run alerts = ingest_tree(io::open_zip_tree_in_memory(zip, "e.zip"), "e.zip", globbed);
    CHECK(ids(alerts) == std::vector<std::string>{"slack:C02ALERTS0/1721903700.000001"});
}

TEST_CASE("the window (from/until) skips day files outside the window without reading them", "[slack][export]") {
    auto files = small_export();
    // A damaged file for a day far outside the window: read, it would give a diagnostic.
    files.push_back({"wc-digital-platform/2023-01-01.json", "[{broken"});
    std::string zip = make_zip(files);
    IngestOptions window;
    window.from = *parse_iso8601("2024-07-25T10:00:00Z");
    window.until = *parse_iso8601("2024-07-25T12:00:00Z");
    Run run = ingest_tree(io::open_zip_tree_in_memory(zip, "e.zip"), "e.zip", window);
    CHECK(run.diagnostics.size() == 1);  // only the private-channels note
    // The neighbouring days' files may hold window instants (Pacific split), so they are read; the
    // command filters events to the window afterwards.
    CHECK(run.events.size() == 4);

    Run unwindowed = ingest_tree(io::open_zip_tree_in_memory(zip, "e.zip"), "e.zip");
    CHECK(unwindowed.diagnostics.size() == 2);
    CHECK(unwindowed.diagnostics[0].starts_with("e.zip!/wc-digital-platform/2023-01-01.json:1:"));

    // A Pacific day file spans 07:00/08:00 UTC to the next day's; the range allows any zone.
    auto range = ingest::slack::day_file_range("2024-07-25");
    REQUIRE(range);
    CHECK(format_utc(range->begin) == "2024-07-24T10:00:00.000000Z");
    CHECK(format_utc(range->end) == "2024-07-26T12:00:00.000000Z");
    CHECK_FALSE(ingest::slack::day_file_range("general"));
}

TEST_CASE("a missing users.json keeps ids and warns once", "[slack][export]") {
    auto files = small_export();
    std::erase_if(files, [](const auto& f) { return f.first == "users.json"; });
    Run run = ingest_tree(io::open_zip_tree_in_memory(make_zip(files), "e.zip"), "e.zip");
    REQUIRE(run.events.size() == 4);
    CHECK(run.events[0].actor == Actor{"U1", "", "", ""});
    CHECK(run.diagnostics.at(0) ==
          "e.zip: warning: export has no users.json: actors and mentions keep their user ids [slack.no-users]");
}

TEST_CASE("a corrupt day file names its entry and the rest goes on", "[slack][export]") {
    auto files = small_export();
    files[7].second = "[\n  {\"type\": \"message\",\n   \"ts\": }\n]";
    Run run = ingest_tree(io::open_zip_tree_in_memory(make_zip(files), "export.zip"), "export.zip");
    CHECK(run.events.size() == 3);
    REQUIRE(run.diagnostics.size() == 2);
    CHECK(run.diagnostics[0].starts_with("export.zip!/wc-digital-platform/2024-07-26.json:3:"));
    CHECK(run.diagnostics[0].ends_with("[slack.bad-json]"));
}

TEST_CASE("a truncated ZIP keeps every entry before the damage and says where it stopped", "[slack][export][zip]") {
    std::string zip = make_zip(small_export());
    // Cut inside the alerts channel's day file (entries are stored in the order listed): the central
    // directory and everything after are gone.
    std::size_t cut = zip.find("alarm") + 2;
    REQUIRE(cut > 2);
    Input input;
    input.name = "export.zip";
    input.tree = io::open_zip_tree_in_memory(zip.substr(0, cut), "export.zip");
    Run run = read_export(input, {});
    // The three wc-digital-platform days come before the cut.
    CHECK(ids(run) == std::vector<std::string>{"slack:C01FBFSDLUA/1721817360.000100",
                                               "slack:C01FBFSDLUA/1721903760.000200",
                                               "slack:C01FBFSDLUA/1721990160.000300"});
    // The tree says where it stopped; read_sources reports it for whichever ingester read the tree
    // (tests/hostile/test_archives.py checks the message end to end).
    CHECK(input.tree->damage().starts_with("ZIP is truncated or damaged: reading stopped after"));
}

TEST_CASE("ZIP entries: a zip bomb is refused, names leading outside are refused", "[slack][export][zip]") {
    auto files = small_export();
    files.push_back({"../evil/2024-07-25.json", day("1721903763.000001", "evil")});
    files.push_back({"/abs/2024-07-25.json", day("1721903764.000001", "abs")});
    std::string zip = make_zip(files);
    auto tree = io::open_zip_tree_in_memory(zip, "export.zip");
    for (const TreeEntry& e : tree->entries()) CHECK(e.path.find("..") == std::string::npos);
    CHECK(tree->refused_entries() == std::vector<std::string>{"../evil/2024-07-25.json", "/abs/2024-07-25.json"});
    CHECK(tree->damage().empty());

    // An entry inflating past the limit (every other entry is under 200 bytes).
    auto bomb = small_export();
    bomb.push_back({"wc-digital-platform/2024-07-27.json", "[" + std::string(5000, ' ') + "]"});
    IngestOptions small;
    small.limits.max_entry_bytes = 1000;
    Run run = ingest_tree(io::open_zip_tree_in_memory(make_zip(bomb), "export.zip"), "export.zip", small);
    CHECK(run.events.size() == 4);
    CHECK(run.diagnostics.at(0) ==
          "export.zip!/wc-digital-platform/2024-07-27.json: error: entry inflates past "
          "1000 bytes (the [ingest] max_entry_bytes limit): refused [ingest.entry-too-large]");

    CHECK(io::is_safe_entry_name("general/2024-07-25.json"));
    CHECK(io::is_safe_entry_name("a..b/x.json"));
    CHECK_FALSE(io::is_safe_entry_name("../x.json"));
    CHECK_FALSE(io::is_safe_entry_name("a/../../x.json"));
    CHECK_FALSE(io::is_safe_entry_name("/etc/passwd"));
    CHECK_FALSE(io::is_safe_entry_name("C:\\x.json"));
    CHECK_FALSE(io::is_safe_entry_name("a\\..\\x"));
}

TEST_CASE("detection: an export tree, day files alone, or not Slack", "[slack][export]") {
    auto with_meta = io::open_zip_tree_in_memory(make_zip(small_export()), "e.zip");
    CHECK(ingest::slack::detect_slack_export(Probe{"e.zip", "", with_meta.get()}) == 95);
    auto days_only =
        io::open_zip_tree_in_memory(make_zip({{"general/2024-07-25.json", day("1.000001", "x")}}), "d.zip");
    CHECK(ingest::slack::detect_slack_export(Probe{"d.zip", "", days_only.get()}) == 60);
    auto other = io::open_zip_tree_in_memory(make_zip({{"notes.md", "# x"}}), "o.zip");
    CHECK(ingest::slack::detect_slack_export(Probe{"o.zip", "", other.get()}) == 0);
    CHECK(ingest::slack::detect_slack_export(Probe{"x.json", "[]", nullptr}) == 0);
    // A case folder holding an export folder beside other sources is not itself an export.
    auto files = small_export();
    for (auto& f : files) f.first = "slack/" + f.first;
    files.push_back({"alarm-history.json", "{}"});
    auto case_folder = io::open_zip_tree_in_memory(make_zip(files), "c.zip");
    CHECK(ingest::slack::detect_slack_export(Probe{"c.zip", "", case_folder.get()}) == 0);
    // A whole export zipped with its folder is one.
    files.pop_back();
    auto wrapped = io::open_zip_tree_in_memory(make_zip(files), "w.zip");
    CHECK(ingest::slack::detect_slack_export(Probe{"w.zip", "", wrapped.get()}) == 95);
    // Day files beside other files, no metadata: not an export.
    auto mixed = io::open_zip_tree_in_memory(
        make_zip({{"general/2024-07-25.json", day("1.000001", "x")}, {"notes.md", "# x"}}), "m.zip");
    CHECK(ingest::slack::detect_slack_export(Probe{"m.zip", "", mixed.get()}) == 0);
}

namespace {

// The same tree, refusing readers for other threads: the export is then read on one thread.
class OneThreadTree final : public Tree {
public:
    explicit OneThreadTree(std::unique_ptr<Tree> tree) : m_tree(std::move(tree)) {}
    const std::vector<TreeEntry>& entries() override { return m_tree->entries(); }
    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return m_tree->read(entry, out, limit, diags);
    }
    std::unique_ptr<ByteStream> open(const TreeEntry& entry) override { return m_tree->open(entry); }
    std::string display(const TreeEntry& entry) const override { return m_tree->display(entry); }

private:
    std::unique_ptr<Tree> m_tree;
};

std::vector<std::string> json_lines(const Run& run) {
    std::vector<std::string> out;
    for (const Event& e : run.events) out.push_back(to_json_line(e));
    return out;
}

}  // namespace

TEST_CASE("an export read on several threads gives the events and diagnostics of a one-thread read",
          "[slack][export][parallel]") {
    // Twelve channels, damage in some, folders missing from channels.json, a reply listed in two day
    // files, and the workspace's first file permalink only in the ninth channel.
    std::vector<std::pair<std::string, std::string>> files = {{"users.json", users_json}};
    std::string channels = "[";
    for (int c = 0; c < 12; ++c) {
        const std::string name = fmt::format("ch{:02d}", c);
        if (c % 4 != 3) channels += fmt::format("{}{{\"id\":\"C{:08d}\",\"name\":\"{}\"}}", c ? "," : "", c, name);
        for (int d = 24; d <= 26; ++d) {
            const std::string ts = fmt::format("{}.{:06d}", 1721800000 + d * 86400, c);
            std::string body = day(ts, fmt::format("channel {} day {}", c, d));
            if (c % 5 == 2 && d == 25) body = "[{\"ts\": }]";
            if (c == 8 && d == 26)
                body = "[{\"type\":\"message\",\"user\":\"U1\",\"text\":\"x\",\"ts\":\"" + ts +
                       "\",\"files\":[{\"permalink\":\"https:\\/\\/acme.slack.com\\/files\\/U1\\/F1\\/a\"}]}]";
            if (d == 26 && c != 8) body = "[" + body.substr(1, body.size() - 4) + "," + body.substr(1);
            files.push_back({fmt::format("{}/2024-07-{}.json", name, d), body});
        }
    }
    files.push_back({"channels.json", channels + "]"});
    const std::string zip = make_zip(files);

    Run parallel = ingest_tree(io::open_zip_tree_in_memory(zip, "e.zip"), "e.zip");
    Run one_thread =
        ingest_tree(std::make_unique<OneThreadTree>(io::open_zip_tree_in_memory(zip, "e.zip")), "e.zip");
    CHECK(json_lines(parallel) == json_lines(one_thread));
    CHECK(parallel.diagnostics == one_thread.diagnostics);
    // Every channel's files but the two damaged ones, a message listed twice kept once.
    CHECK(parallel.events.size() == 12 * 3 - 2);
    CHECK(parallel.diagnostics.size() == 2 + 3);  // two bad files, three unknown folders
    for (const Event& e : parallel.events) {
        REQUIRE_FALSE(e.links.empty());
        CHECK(e.links.front().starts_with("https://acme.slack.com/archives/"));
    }

    // Through `retro events`' collector, whose lines the workers write once the workspace search is over.
    auto lines_of = [](std::unique_ptr<Tree> tree) {
        Diagnostics diags = test::quiet_diagnostics();
        ingest::LineCollector collector([](const Event& e, std::string& out) { write_event_json(e, out); },
                                        std::nullopt, std::nullopt);
        Input input;
        input.name = "e.zip";
        input.tree = std::move(tree);
        IngestOptions options;
        ingest::slack::ingest_slack_export(input, {options, diags, collector});
        std::string out;
        collector.write_sorted([&](std::span<const std::string_view> lines) {
            for (std::string_view line : lines) out += line;
        });
        return out;
    };
    const std::string parallel_lines = lines_of(io::open_zip_tree_in_memory(zip, "e.zip"));
    CHECK(parallel_lines ==
          lines_of(std::make_unique<OneThreadTree>(io::open_zip_tree_in_memory(zip, "e.zip"))));
    CHECK(std::count(parallel_lines.begin(), parallel_lines.end(), '\n') == 12 * 3 - 2);
    CHECK(parallel_lines.find("\"links\":[\"https://acme.slack.com/archives/C00000010/") != std::string::npos);
}

TEST_CASE("a conversation folder whose name is not UTF-8 gives text ids, channels and origins (fuzz_pipeline find)") {
    // libzip reads a name without the UTF-8 flag as CP437 (the ZIP rule); libarchive's streaming reader, used
    // when the central directory is lost, hands the raw bytes on, which are then repaired (U+FFFD).
    const std::string folder = "wc-digital-platfor\xFF";
    const std::string zip = make_zip({{folder + "/2024-07-26.json", day("1721984700.944029", "retro booked")}});
    const std::string cut = zip.substr(0, zip.find("PK\x01\x02"));  // local entries only
    for (const std::string& bytes : {zip, cut}) {
        Run run = ingest_tree(io::open_zip_tree_in_memory(bytes, "e.zip"), "e.zip");
        REQUIRE(run.events.size() == 1);
        const Event& e = run.events.front();
        CHECK(e.channel.view().starts_with("wc-digital-platfor"));
        CHECK(is_valid_utf8(e.channel));
        CHECK(is_valid_utf8(e.id));
        CHECK(is_valid_utf8(e.source.origin));
        for (const std::string& d : run.diagnostics) CHECK(is_valid_utf8(d));
    }
}
