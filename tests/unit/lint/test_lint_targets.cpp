// Which files `retro lint PATH…` checks: folders walked for `*.md` in path order, hidden entries and links
// to folders passed over, dangling `.md` links reported; `[lint]` globs choose among walked files only.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "lint/lint_targets.hpp"
#include "retro/error.hpp"
#include "temp_folder.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::lint;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> listed(const std::vector<LintTarget>& targets) {
    std::vector<std::string> out;
    for (const LintTarget& t : targets) out.push_back(t.path + " | " + t.relative + (t.is_walked ? " | walked" : ""));
    return out;
}

}  // namespace

TEST_CASE("folders are walked for *.md in path order, files and - are taken as named") {
    test::TempFolder t;
    t.file("2024/b.md");
    t.file("2024.md");  // '.' sorts before '/': 2024.md comes before 2024/b.md
    t.file("a.MD");
    t.file("notes.txt");
    t.file(".drafts/hidden.md");
    t.file(".hidden.md");
    fs::create_directory_symlink(t.root / "2024", t.root / "linked.md");  // a folder: not followed
    fs::create_symlink(t.root / "a.MD", t.root / "z-link.md");             // a file: linted
    fs::create_symlink(t.root / "gone.md", t.root / "y-dangling.md");      // nothing: reported
    const std::string root = t.root.string();
    auto diags = test::quiet_diagnostics();
    std::vector<std::string> unreadable;
    const auto targets = find_lint_targets({"-", root + "/notes.txt", root}, diags, unreadable);
    CHECK(unreadable.empty());
    CHECK(listed(targets) == std::vector<std::string>{
                                 "- | -",
                                 root + "/notes.txt | notes.txt",
                                 root + "/2024.md | 2024.md | walked",
                                 root + "/2024/b.md | 2024/b.md | walked",
                                 root + "/a.MD | a.MD | walked",
                                 root + "/z-link.md | z-link.md | walked",
                             });
    CHECK(test::texts(diags) == std::vector<std::string>{
                                    root + "/y-dangling.md: warning: symbolic link to " + root +
                                    "/gone.md, which does not exist; not linted [ingest.dangling-link]"});
}

TEST_CASE("a path that names nothing is said, and the other paths are still targets") {
    auto diags = test::quiet_diagnostics();
    std::vector<std::string> unreadable;
    const auto targets = find_lint_targets({"/nonexistent/retro.md", "-", "/nonexistent/folder/"}, diags, unreadable);
    CHECK(unreadable == std::vector<std::string>{"/nonexistent/retro.md: no such file or folder",
                                                 "/nonexistent/folder/: no such file or folder"});
    REQUIRE(targets.size() == 1);
    CHECK(targets[0].path == "-");
}

TEST_CASE("[lint] include and exclude globs choose among walked files, by path below the folder or name") {
    LintConfig config;
    config.include = {"2024/*.md"};
    config.exclude = {"draft-*.md"};
    CHECK(is_selected({"r/2024/a.md", "2024/a.md", true}, config));
    CHECK_FALSE(is_selected({"r/2023/a.md", "2023/a.md", true}, config));
    CHECK_FALSE(is_selected({"r/2024/draft-a.md", "2024/draft-a.md", true}, config));
    CHECK(is_selected({"draft-a.md", "draft-a.md", false}, config));  // named on the command line
}
