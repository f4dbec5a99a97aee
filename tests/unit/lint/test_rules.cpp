// Lint rules: a clean retro, then one defect at a time with the exact finding it gives
// (`line:col: severity: message [ID name]`; positions counted by hand in the snippets).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "lint/linter.hpp"
#include "lint/rule.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::lint;

namespace {

// Line numbers: title 1, metadata 3/5/7, contents 9-11, `## Timeline` 13, day 15, entries 17 (with its
// continuation on 18) and 20, `## Analysis of causes` 22, `Text.` 26, `## Actions` 28, `**LB**` 30.
const std::string clean = R"(# Incident retro - search not available

**Incident from:** 2024-07-25

**Incident until:** 2024-07-25

**Retro held:** 2024-07-26

* [Timeline](#timeline)
* [Analysis of causes](#analysis-of-causes)
* [Actions](#actions)

## Timeline

### Thursday 25 July

10.00 NP noticed errors\
continued on a second line

11.36 RC starting a chat

## Analysis of causes

### What happened that we didn’t anticipate?

Text.

## Actions

**LB**

* Review behaviour
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

std::vector<std::string> run_lint(const std::string& text, const std::string& name = "2024-07-25_search.md",
                                  const LintConfig& config = {}) {
    std::vector<std::string> out;
    for (const Finding& f : lint_retro(text, name, config)) {
        out.push_back(fmt::format("{}:{}: {}: {} [{} {}]", f.line, f.column, to_string(f.severity), f.message,
                                  f.rule_id, f.rule_name));
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the registry: 13 rules with stable ids, names and explanations") {
    REQUIRE(rules().size() == 13);
    for (std::size_t i = 0; i < rules().size(); ++i) {
        CHECK(rules()[i].id == fmt::format("RETRO{:03}", i + 1));
        CHECK_FALSE(rules()[i].explanation.empty());
    }
    CHECK(find_rule("filename-date")->id == "RETRO004");
    CHECK(find_rule("retro010")->name == "placeholder");
    CHECK(find_rule("RETRO099") == nullptr);
}

TEST_CASE("a well-formed retro and the seed have no findings") {
    CHECK(run_lint(clean).empty());
    const std::string seed = test::read_file(test::seed_path("2024-07-25-retro-as-published.md"));
    CHECK(run_lint(seed, "2024-07-25-retro-as-published.md").empty());
}

TEST_CASE("RETRO001 title") {
    CHECK(run_lint(replace(clean, "# Incident retro - search not available", "# Search retro")) ==
          Lines{"1:3: error: the title does not start with `Incident retro - ` [RETRO001 title]"});
    CHECK(run_lint(replace(clean, "# Incident retro - search not available", "## Incident retro - search")) ==
          Lines{"1:1: error: the first heading is level 2; the title is a level-1 heading `# Incident retro - …` "
                "[RETRO001 title]"});
    CHECK(
        run_lint(replace(clean, "# Incident retro - search not available", "# Incident retro -")) ==
        Lines{"1:3: error: the title names no incident: write `# Incident retro - <what happened>` [RETRO001 title]"});
}

TEST_CASE("RETRO002 metadata and RETRO003 date-order") {
    CHECK(run_lint(replace(clean, "**Retro held:** 2024-07-26\n", "")) ==
          Lines{"1:1: error: missing metadata line `**Retro held:** YYYY-MM-DD` [RETRO002 metadata]"});
    CHECK(run_lint(replace(clean, "**Incident until:** 2024-07-25", "**Incident till:** 2024-07-25")).empty());
    CHECK(run_lint(replace(clean, "**Incident until:** 2024-07-25", "**Incident until:** 2024-02-30")) ==
          Lines{"5:21: error: `Incident until` is `2024-02-30`, not a date that exists in the form YYYY-MM-DD "
                "[RETRO002 metadata]"});
    CHECK(run_lint(replace(clean, "**Incident until:** 2024-07-25", "**Incident until:** 2024-07-23")) ==
          Lines{"5:21: error: `Incident until` 2024-07-23 is before `Incident from` 2024-07-25 [RETRO003 date-order]"});
    CHECK(run_lint(replace(clean, "**Incident until:** 2024-07-25", "**Incident until:** 2024-07-27")) ==
          Lines{"7:17: warning: `Retro held` 2024-07-26 is before `Incident until` 2024-07-27: was the retro held "
                "before the incident ended? [RETRO003 date-order]"});
    CHECK(run_lint(replace(clean, "**Retro held:** 2024-07-26", "**Retro held:** 2024-07-20")) ==
          Lines{"7:17: error: `Retro held` 2024-07-20 is before `Incident from` 2024-07-25 [RETRO003 date-order]"});
}

TEST_CASE("RETRO002: a Retro held still the draft's prompt is a warning, any other non-date an error") {
    const std::string prompt = "<!-- retro: the date of the retro meeting, YYYY-MM-DD -->";
    CHECK(run_lint(replace(clean, "2024-07-26", prompt)) ==
          Lines{"7:17: warning: `Retro held` is still a prompt: write the date of the retro meeting (YYYY-MM-DD) "
                "[RETRO002 metadata]"});
    CHECK(run_lint(replace(clean, "2024-07-26", prompt + " 2024-07-26")) ==
          Lines{"7:17: error: `Retro held` is `" + prompt + " 2024-07-26`, not a date that exists in the form "
                "YYYY-MM-DD [RETRO002 metadata]"});
    CHECK(run_lint(replace(clean, "**Incident until:** 2024-07-25", "**Incident until:** " + prompt)) ==
          Lines{"5:21: error: `Incident until` is `" + prompt + "`, not a date that exists in the form YYYY-MM-DD "
                "[RETRO002 metadata]"});
}

TEST_CASE("RETRO004 filename-date") {
    CHECK(run_lint(clean, "incident_retros/2024-07-26_search.md") ==
          Lines{"3:20: warning: the file name starts with 2024-07-26 but `Incident from` is 2024-07-25 "
                "[RETRO004 filename-date]"});
    CHECK(run_lint(clean, "search.md").empty());
}

TEST_CASE("RETRO005 toc-links") {
    CHECK(run_lint(replace(clean, "(#actions)", "(#action)")) ==
          Lines{"11:3: error: link to `#action` matches no heading of this file [RETRO005 toc-links]"});
    // GitHub drops the curly apostrophe and the question mark from the slug.
    CHECK(run_lint(replace(clean, "Text.", "See [above](#what-happened-that-we-didnt-anticipate).")).empty());
}

TEST_CASE("RETRO006 sections") {
    CHECK(run_lint(replace(replace(clean, "## Actions", "## Follow-ups"), "* [Actions](#actions)\n", "")) ==
          Lines{"1:1: error: required section `## Actions` is missing [RETRO006 sections]"});
    CHECK(run_lint(replace(clean, "## Timeline", "### Timeline")) ==
          Lines{"13:1: error: section `Timeline` is a level-3 heading; write `## Timeline` [RETRO006 sections]"});
    LintConfig config;
    config.required_sections = {"Timeline", "Actions", "Analysis of causes"};
    CHECK(run_lint(clean, "x.md", config) ==
          Lines{"22:1: error: section `Analysis of causes` comes before `Actions` (line 28); expected after it "
                "[RETRO006 sections]"});
}

TEST_CASE("RETRO007 day-heading") {
    CHECK(run_lint(replace(clean, "### Thursday 25 July", "### Friday 25 July")) ==
          Lines{"15:5: error: `Friday 25 July`: 25 July 2024 is a Thursday [RETRO007 day-heading]"});
    CHECK(run_lint(replace(clean, "### Thursday 25 July", "### Notes")) ==
          Lines{"15:5: error: timeline heading `Notes` is not a day (write e.g. `### Thursday 25 July`) [RETRO007 "
                "day-heading]"});
    CHECK(run_lint(replace(clean, "### Thursday 25 July", "### 31 June")) ==
          Lines{"15:5: error: `31 June` is not a date: June has no day 31 in 2024 [RETRO007 day-heading]"});
    CHECK(run_lint(replace(clean, "11.36 RC", "### Wednesday 24 July\n\n11.36 RC")) ==
          Lines{"20:5: error: day `Wednesday 24 July` does not come after `Thursday 25 July` (line 15): days ascend "
                "[RETRO007 day-heading]"});
    CHECK(
        run_lint(replace(clean, "11.36 RC", "Friday 26 July 2024\n\n11.36 RC")) ==
        Lines{
            "20:1: warning: day `Friday 26 July 2024` (2024-07-26) is outside the incident (2024-07-25 to 2024-07-25) "
            "[RETRO007 day-heading]"});
}

TEST_CASE("RETRO007: a day before the incident holding only changes is its lead-up") {
    const std::string lead_up = "### Tuesday 23 July\n\n16.12 RC merged example#11041: Move the sign-in form\n\n"
                                "17.02 deployed web 1.4.2\n\n### Thursday 25 July";
    CHECK(run_lint(replace(clean, "### Thursday 25 July", lead_up)).empty());
    // A person's line on that day makes it a day of the incident again, outside the dates given.
    CHECK(run_lint(replace(clean, "### Thursday 25 July",
                           "### Tuesday 23 July\n\n16.12 RC noticed slow logins\n\n### Thursday 25 July")) ==
          Lines{"15:5: warning: day `Tuesday 23 July` (2024-07-23) is outside the incident (2024-07-25 to "
                "2024-07-25) [RETRO007 day-heading]"});
}

TEST_CASE("RETRO007: a plain day line that is not a date") {
    CHECK(run_lint(replace(clean, "### Thursday 25 July", "25 July July 2024")) ==
          Lines{"15:1: error: `25 July July 2024` reads like a day but is not a date (write e.g. `25 July 2024`) "
                "[RETRO007 day-heading]"});
}

TEST_CASE("RETRO008 time-order, positions on continuation and list lines") {
    CHECK(run_lint(replace(clean, "11.36 RC", "09.59 RC")) ==
          Lines{"20:1: error: `09.59` is earlier than `10.00` on line 17: times within a day go forward [RETRO008 "
                "time-order]"});
    CHECK(run_lint(replace(clean, "11.36 RC", "25.70 RC")) ==
          Lines{"20:1: error: `25.70` is not a time of day (hours 0-23, minutes 0-59) [RETRO008 time-order]"});
    // A time at the start of a continuation line (after a `\` hard break) starts its own entry.
    CHECK(run_lint(replace(clean, "continued on a second line", "09.30 AG on a continuation line")) ==
          Lines{"18:1: error: `09.30` is earlier than `10.00` on line 17: times within a day go forward [RETRO008 "
                "time-order]"});
    CHECK(run_lint(replace(clean, "11.36 RC", "- 09.10 RC")) ==
          Lines{"20:3: error: `09.10` is earlier than `10.00` on line 17: times within a day go forward [RETRO008 "
                "time-order]"});
}

TEST_CASE("RETRO009 actions-owner") {
    CHECK(run_lint(clean + "\n**SB**\n") == Lines{"34:3: error: owner `SB` has no actions [RETRO009 actions-owner]"});
    // A group label directly followed by an owner is not an owner.
    CHECK(run_lint(clean + "\n**For sprint planning**\n\n**SB**\n- Do it\n").empty());
    // A draft's prompt under an owner is where the actions will go; any other comment is not.
    CHECK(run_lint(clean + "\n**SB**\n\n<!-- retro: actions for SB -->\n").empty());
    CHECK(run_lint(clean + "\n**SB**\n\n<!-- a note -->\n") ==
          Lines{"34:3: error: owner `SB` has no actions [RETRO009 actions-owner]"});
}

TEST_CASE("RETRO010 placeholder") {
    CHECK(run_lint(replace(clean, "Text.", "TODO: fill the [email address] and {{owner}}; not TODOs.")) ==
          Lines{"26:1: warning: placeholder `TODO` left in the retro [RETRO010 placeholder]",
                "26:16: warning: placeholder `[email address]` left in the retro [RETRO010 placeholder]",
                "26:36: warning: template placeholder `{{owner}}` left in the retro [RETRO010 placeholder]"});
    CHECK(run_lint(
              replace(clean, "Text.", "[redacted: email] <!-- retro: TODO say who --> [update existing users] \\[API]"))
              .empty());
    CHECK(run_lint(replace(clean, "Text.", "```\nTBD [email address]\n```")).empty());
}

TEST_CASE("RETRO011 link-text") {
    CHECK(run_lint(replace(clean, "Text.", "See [https://a.org/p1](https://a.org/p2).")) ==
          Lines{"26:5: error: the link shows `https://a.org/p1` but goes to `https://a.org/p2` [RETRO011 link-text]"});
    CHECK(run_lint(
              replace(clean, "Text.", "See [https://a.org/p1/](https://a.org/p1) and [www.a.org](https://www.a.org)."))
              .empty());
}

TEST_CASE("RETRO012 secret and RETRO013 personal-data") {
    CHECK(
        run_lint(replace(clean, "Text.", "Used xoxb-1234567890-abcdefghij in a curl.")) ==
        Lines{
            "26:6: error: possible secret (slack-token): revoke it, then remove it or write `[redacted: slack-token]` "
            "[RETRO012 secret]"});
    CHECK(run_lint(replace(clean, "Text.",
                           "Ask jane.doe@wellcome.ac.uk or call 07700 900123; support@elastic.co is fine.")) ==
          Lines{"26:5: warning: an e-mail address is personal data: remove it or write `[redacted: email]` "
                "[RETRO013 personal-data]",
                "26:37: warning: a phone number is personal data: remove it or write `[redacted: phone]` "
                "[RETRO013 personal-data]"});
}

TEST_CASE("[lint] severities and inline disable") {
    const std::string text = replace(clean, "Text.", "TBD\n\n<!-- retro-lint disable RETRO010 -->\n\nTODO");
    CHECK(run_lint(text) == Lines{"26:1: warning: placeholder `TBD` left in the retro [RETRO010 placeholder]"});
    LintConfig config;
    config.severities["placeholder"] = "error";
    config.severities["RETRO004"] = "off";
    CHECK(run_lint(text, "2020-01-01_x.md", config) ==
          Lines{"26:1: error: placeholder `TBD` left in the retro [RETRO010 placeholder]"});
    CHECK(run_lint(replace(clean, "Text.", "<!-- retro-lint disable -->\nTODO [https://a](https://b)")).empty());
}
