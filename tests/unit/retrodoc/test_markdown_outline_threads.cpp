// parse_markdown_outline from several threads at once (retro lint checks files on every core): cmark-gfm
// keeps a process-wide table of trigger characters that each parse changes, so parses that overlapped lost
// strikethrough and bare-URL autolinks (github/cmark-gfm PR #176). Every thread must see what one sees.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "retrodoc/markdown_outline.hpp"

using namespace retro;

namespace {

const std::string document = R"(# Retro of ~~Tuesday~~ Wednesday

See www.example.com/status and https://example.org/x for the timeline.

| time | what |
|------|------|
| 10:00 | ~~alert~~ page |

## ~~Draft~~ Actions

- [ ] follow https://example.net/runbook
)";

std::string summary(const retrodoc::MarkdownOutline& outline) {
    std::string out;
    for (const auto& b : outline.blocks) out += std::to_string(static_cast<int>(b.type)) + ":" + b.text + "|";
    for (const auto& l : outline.links) out += l.url + (l.is_autolink ? "(auto)" : "") + "|";
    return out;
}

}  // namespace

TEST_CASE("outlines parsed on several threads at once are those of a one-thread parse", "[retro][threads]") {
    const std::string expected = summary(retrodoc::parse_markdown_outline(document));
    REQUIRE(expected.find("Retro of Tuesday Wednesday") != std::string::npos);  // strikethrough read
    REQUIRE(expected.find("https://example.org/x(auto)") != std::string::npos);  // bare URL linked
    std::vector<std::string> differing(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < differing.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                const std::string got = summary(retrodoc::parse_markdown_outline(document));
                if (got != expected && differing[t].empty()) differing[t] = got;
            }
        });
    for (std::thread& th : threads) th.join();
    for (const std::string& d : differing) CHECK(d.empty());
}
