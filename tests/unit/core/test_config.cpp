#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "test_support.hpp"

using namespace retro;

TEST_CASE("retro.toml sections are read") {
    auto diags = test::quiet_diagnostics();
    const Config c = parse_config(R"(
tz = "Europe/London"
slack_workspace = "wellcome"

[people]
U01 = "Rachel Cooper"
"css@example.org" = { name = "Collections Systems Support", initials = "CSS" }

[ingest]
max_entry_bytes = 1048576
[ingest.map]
time = ".detail.at"

[correlate]
group_interval_minutes = 10
timeline_emoji = ["pushpin"]

[render]
redact = false

[lint]
required_sections = ["Timeline", "Actions"]
exclude = ["README.md"]
[lint.rules]
RETRO010 = "off"
)",
                                  "retro.toml", diags);
    CHECK(test::texts(diags).empty());
    CHECK(c.tz == "Europe/London");
    CHECK(c.slack_workspace == "wellcome");
    CHECK(c.people.find("U01")->initials == "RC");
    CHECK(c.people.find("CSS@example.org")->initials == "CSS");
    CHECK(c.ingest.max_entry_bytes == 1048576u);
    CHECK(c.ingest.map == std::vector<std::pair<std::string, std::string>>{{"time", ".detail.at"}});
    CHECK(c.correlate.group_interval_minutes == 10);
    CHECK(c.correlate.timeline_emoji == std::vector<std::string>{"pushpin"});
    CHECK(c.render.redact == false);
    CHECK(c.lint.required_sections == std::vector<std::string>{"Timeline", "Actions"});
    CHECK(c.lint.severities.at("RETRO010") == "off");
}

TEST_CASE("unknown keys are warnings, wrong types and bad TOML are errors with positions") {
    auto diags = test::quiet_diagnostics();
    const Config c = parse_config("tz = 5\ncolour = \"red\"\n[ingest]\nmax_record_bytes = -1\nzip = 1\n", "r.toml", diags);
    CHECK(test::texts(diags) == std::vector<std::string>{
                                    "r.toml:2:10: warning: unknown key \"colour\" [config.unknown-key]",
                                    "r.toml:1:6: error: \"tz\" should be a string [config.bad-value]",
                                    "r.toml:5:7: warning: unknown key \"zip\" in [ingest] [config.unknown-key]",
                                    "r.toml:4:20: error: \"max_record_bytes\" should not be negative [config.bad-value]",
                                });
    CHECK(c.tz.empty());
    auto bad = test::quiet_diagnostics();
    parse_config("tz = \"unterminated\n", "b.toml", bad);
    REQUIRE(test::texts(bad).size() == 1);
    CHECK(test::texts(bad)[0].rfind("b.toml:1:", 0) == 0);
    CHECK(test::texts(bad)[0].find("[config.bad-toml]") != std::string::npos);
}
