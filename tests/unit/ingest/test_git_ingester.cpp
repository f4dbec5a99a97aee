// The git source on real repositories, made in a temp folder by the git command with fixed dates.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "ingest/event_collector.hpp"
#include "io/open_input.hpp"
#include "retro/error.hpp"
#include "retro/ingest.hpp"
#include "temp_folder.hpp"
#include "test_support.hpp"

using namespace retro;
namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs git in `dir` as `who` (name <email>) at `date` (author and committer alike unless `committer` says
// otherwise), with no user or system configuration.
struct GitMaker {
    fs::path dir;
    void run(const std::string& args, const std::string& date = "2024-07-20T09:00:00+01:00",
             const std::string& author = "Ann Lee <ann@example.org>", const std::string& committer = "") const {
        const auto name = [](const std::string& who) { return who.substr(0, who.find(" <")); };
        const auto email = [](const std::string& who) {
            return who.substr(who.find('<') + 1, who.find('>') - who.find('<') - 1);
        };
        const std::string by = committer.empty() ? author : committer;
        const std::string command =
            "cd " + quoted(dir.string()) + " && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=" +
            quoted(name(author)) + " GIT_AUTHOR_EMAIL=" + quoted(email(author)) + " GIT_COMMITTER_NAME=" +
            quoted(name(by)) + " GIT_COMMITTER_EMAIL=" + quoted(email(by)) + " GIT_AUTHOR_DATE=" + quoted(date) +
            " GIT_COMMITTER_DATE=" + quoted(date) + " git -c init.defaultBranch=main -c commit.gpgsign=false " + args +
            " >/dev/null 2>&1";
        REQUIRE(std::system(command.c_str()) == 0);
    }
};

// A repository `shop` with a direct commit, a GitHub merge, a squash merge and a commit on a branch that
// only the merge brings in (not first-parent).
fs::path make_shop(const fs::path& parent) {
    const fs::path dir = parent / "shop";
    fs::create_directories(dir);
    GitMaker git{dir};
    git.run("init -q");
    git.run("commit -q --allow-empty -m 'Initial commit'", "2024-07-20T09:00:00+01:00");
    git.run("checkout -q -b cart");
    git.run("commit -q --allow-empty -m 'Add cart page'", "2024-07-21T09:00:00+01:00", "Bob Hall <bob@example.org>");
    git.run("checkout -q main");
    git.run("commit -q --allow-empty -m 'Fix typo'", "2024-07-22T09:00:00+01:00");
    git.run("merge -q --no-ff cart -m 'Merge pull request #12 from acme/cart' -m 'Add a cart page'",
            "2024-07-25T11:42:31+01:00", "Rachel Cooper <1234+rcooper@users.noreply.github.com>",
            "GitHub <noreply@github.com>");
    git.run("commit -q --allow-empty -m 'Revert the login change (#13)' -m '* squashed'", "2024-07-25T12:25:00+01:00",
            "Bob Hall <bob@example.org>", "GitHub <noreply@github.com>");
    git.run("remote add origin git@github.com:acme/shop.git");
    return dir;
}

std::vector<Event> read(const std::vector<std::string>& sources, const IngestOptions& options, Diagnostics& diags) {
    ingest::EventCollector sink;
    read_sources(sources, {options, diags, sink});
    return sink.take_sorted();
}

std::vector<std::string> texts_of(const std::vector<Event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.time_raw.str() + " " + e.text);
    return out;
}

}  // namespace

TEST_CASE("a working tree: the first-parent history of HEAD", "[git]") {
    test::TempFolder temp;
    const fs::path shop = make_shop(temp.root);
    auto diags = test::quiet_diagnostics();
    const auto events = read({shop.string()}, IngestOptions{}, diags);
    CHECK(test::texts(diags).empty());
    CHECK(texts_of(events) == std::vector<std::string>{
                                  "2024-07-20T09:00:00+01:00 committed to shop main: Initial commit",
                                  "2024-07-22T09:00:00+01:00 committed to shop main: Fix typo",
                                  "2024-07-25T11:42:31+01:00 merged shop#12: Add a cart page",
                                  "2024-07-25T12:25:00+01:00 merged shop#13: Revert the login change",
                              });
    REQUIRE(events.size() == 4);
    const Event& merge = events[2];
    CHECK(merge.kind == EventKind::change);
    CHECK(merge.source.kind == "git");
    CHECK(merge.source.medium == Medium::change);
    CHECK(merge.source.origin == shop.string());
    CHECK(merge.actor == Actor{"rcooper", "Rachel Cooper", "RC", "1234+rcooper@users.noreply.github.com"});
    CHECK(merge.time == *parse_iso8601("2024-07-25T10:42:31Z"));
    REQUIRE(merge.change);
    CHECK(merge.change->repo == "acme/shop");
    CHECK(merge.change->ref == "main");
    CHECK(merge.change->number == 12);
    CHECK(merge.change->url == "https://github.com/acme/shop/pull/12");
    CHECK(merge.change->commit.size() == 40);
    CHECK(merge.id == "git:" + merge.change->commit + "#merged");
    CHECK(events[3].actor.name == "Bob Hall");  // a squash merge's actor is its author
    CHECK(events[1].change->url == "https://github.com/acme/shop/commit/" + events[1].change->commit);
}

TEST_CASE("a ref (--git-ref), a bare clone, and a window", "[git]") {
    test::TempFolder temp;
    const fs::path shop = make_shop(temp.root);
    GitMaker{temp.root}.run("clone -q --bare shop shop.git");
    auto diags = test::quiet_diagnostics();
    IngestOptions options;
    options.git_ref = "cart";
    auto events = read({shop.string()}, options, diags);
    CHECK(texts_of(events) == std::vector<std::string>{
                                  "2024-07-20T09:00:00+01:00 committed to shop cart: Initial commit",
                                  "2024-07-21T09:00:00+01:00 committed to shop cart: Add cart page",
                              });
    // A bare clone: its origin is the local folder, so the repository is named after the clone's folder.
    events = read({(temp.root / "shop.git").string()}, IngestOptions{}, diags);
    REQUIRE(events.size() == 4);
    CHECK(events[2].change->repo == "shop");
    CHECK(events[2].change->url.empty());
    options = {};
    options.from = parse_iso8601("2024-07-22T08:00:00Z");
    options.until = parse_iso8601("2024-07-25T11:00:00Z");
    events = read({"git:" + (temp.root / "shop.git").string()}, options, diags);
    CHECK(texts_of(events) == std::vector<std::string>{
                                  "2024-07-22T09:00:00+01:00 committed to shop main: Fix typo",
                                  "2024-07-25T11:42:31+01:00 merged shop#12: Add a cart page",
                              });
    options.history_from = parse_iso8601("2024-07-20T08:00:00Z");  // timeline's lead-up reaches further back
    CHECK(read({shop.string()}, options, diags).size() == 3);
    CHECK(test::texts(diags).empty());
    options = {};
    options.git_ref = "no-such-branch";
    CHECK_THROWS_WITH(read({shop.string()}, options, diags),
                      Catch::StartsWith(shop.string() + ": --git-ref no-such-branch: no such branch, tag or commit"));
}

TEST_CASE("detection: .git without retro.toml, bare repositories, case folders holding repositories", "[git]") {
    test::TempFolder temp;
    const fs::path shop = make_shop(temp.root / "case");
    GitMaker{temp.root / "case"}.run("clone -q --bare shop api.git");
    temp.file("case/retro.toml", "tz = \"UTC\"\n");
    temp.file("case/notes.ndjson",
              R"({"schema":"retro.event/1","id":"x:1","time":"2024-07-25T10:00:00Z","kind":"note","source":{"kind":"retro"},"text":"t"})"
              "\n");
    // The case folder is itself a repository: with retro.toml it stays a case folder, its .git skipped.
    GitMaker{temp.root / "case"}.run("init -q");
    auto diags = test::quiet_diagnostics();
    const auto events = read({(temp.root / "case").string()}, IngestOptions{}, diags);
    std::size_t from_shop = 0, from_api = 0, notes = 0;
    for (const auto& e : events) {
        from_shop += e.source.origin == shop.string();
        from_api += e.source.origin == (temp.root / "case" / "api.git").string();
        notes += e.id == "x:1";
    }
    CHECK(from_shop == 4);
    CHECK(from_api == 4);
    CHECK(notes == 1);
    CHECK(test::texts(diags) == std::vector<std::string>{(temp.root / "case" / ".git").string() +
                                                         ": note: hidden entry skipped [ingest.hidden-skipped]"});
}

TEST_CASE("a repository that cannot be opened is an error naming it, an empty one a warning", "[git]") {
    test::TempFolder temp;
    temp.file("broken/.git", "not a gitdir line\n");
    auto diags = test::quiet_diagnostics();
    const std::string broken = (temp.root / "broken").string();
    CHECK_THROWS_WITH(read({broken}, IngestOptions{}, diags),
                      Catch::StartsWith(broken + ": cannot open the git repository: "));
    temp.file("plain/a.txt", "x");
    CHECK_THROWS_WITH(read({"git:" + (temp.root / "plain").string()}, IngestOptions{}, diags),
                      Catch::StartsWith((temp.root / "plain").string() + ": cannot open the git repository: "));
    temp.file("file.txt", "x");
    CHECK_THROWS_AS(read({"git:" + (temp.root / "file.txt").string()}, IngestOptions{}, diags), Error);
    fs::create_directories(temp.root / "empty");
    GitMaker{temp.root / "empty"}.run("init -q");
    CHECK(read({(temp.root / "empty").string()}, IngestOptions{}, diags).empty());
    CHECK(test::texts(diags) == std::vector<std::string>{(temp.root / "empty").string() +
                                                         ": warning: the repository has no commits yet; nothing to "
                                                         "read [git.no-commits]"});
}

TEST_CASE("a shallow clone is read to its cut (a note), a missing commit elsewhere is an error", "[git]") {
    test::TempFolder temp;
    make_shop(temp.root);
    GitMaker{temp.root}.run("clone -q --depth 2 file://" + (temp.root / "shop").string() + " shallow");
    auto diags = test::quiet_diagnostics();
    const std::string shallow = (temp.root / "shallow").string();
    auto events = read({shallow}, IngestOptions{}, diags);
    CHECK(texts_of(events) == std::vector<std::string>{
                                  "2024-07-25T11:42:31+01:00 merged shallow#12: Add a cart page",
                                  "2024-07-25T12:25:00+01:00 merged shallow#13: Revert the login change",
                              });
    REQUIRE(test::texts(diags).size() == 1);
    CHECK_THAT(test::texts(diags)[0],
               Catch::StartsWith(shallow + ": note: a shallow clone: its first-parent history is read to where the "
                                           "clone cuts it (2 commits; the parent ") &&
                   Catch::EndsWith(" is not in it) [git.shallow]"));
    // A full clone with its objects made loose, then one of them lost: the commit before the merge.
    const fs::path damaged = temp.root / "damaged";
    GitMaker{temp.root}.run("clone -q --no-local " + (temp.root / "shop").string() + " damaged");
    const fs::path packs = damaged / ".git/objects/pack";
    for (const auto& entry : fs::directory_iterator(packs))
        if (entry.path().extension() == ".pack") fs::rename(entry.path(), temp.root / "objects.pack");
    fs::remove_all(packs);
    GitMaker{damaged}.run("unpack-objects -q < " + (temp.root / "objects.pack").string());
    auto diags2 = test::quiet_diagnostics();
    const auto before = read({damaged.string()}, IngestOptions{}, diags2);
    REQUIRE(before.size() == 4);
    const std::string lost = before[1].change->commit;  // Fix typo
    fs::remove(damaged / ".git/objects" / lost.substr(0, 2) / lost.substr(2));
    events = read({damaged.string()}, IngestOptions{}, diags2);
    CHECK(events.size() == 2);
    REQUIRE(test::texts(diags2).size() == 1);
    CHECK_THAT(test::texts(diags2)[0],
               Catch::StartsWith(damaged.string() + ": error: commit " + lost + " cannot be read (") &&
                   Catch::EndsWith("); the history from there back is not read (2 commits read) [git.bad-commit]"));
}

TEST_CASE("the git row claims no corpus folder or file, nor the sample case folder", "[git]") {
    const Ingester& git = *find_ingester("git");
    std::vector<std::string> paths{test::source_path("samples/2024-07-25-login")};
    for (const auto& entry : fs::recursive_directory_iterator(test::corpus_path("")))
        if (entry.path().string().find("/.") == std::string::npos) paths.push_back(entry.path().string());
    REQUIRE(paths.size() > 50);
    for (const std::string& path : paths) {
        INFO(path);
        const Input input = io::open_input(path);
        CHECK(git.detect(Probe{input.name, input.head, input.tree.get(), input.path}) == 0);
    }
}
