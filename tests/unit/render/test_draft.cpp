// The draft document: golden Markdown for a seed-shaped timeline and for the formatting cases, its block
// structure in cmark-gfm, determinism, and the prompts and regions people rely on.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "../correlate/make_events.hpp"
#include "draft_fixture.hpp"
#include "lint/linter.hpp"
#include "markdown_probe.hpp"
#include "render/draft.hpp"
#include "retro/ingest.hpp"
#include "test_support.hpp"

using namespace retro;
using retro::test::utc;

namespace {

// Compares with tests/unit/render/golden/NAME; RETRO_UPDATE_GOLDEN=1 rewrites the file for review.
void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = retro::test::source_path("tests/unit/render/golden/" + name);
    if (std::getenv("RETRO_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
    }
    CHECK(actual == retro::test::read_file(path));
    // Every draft is lint-clean: no errors (DESIGN.md "The retro document").
    for (const lint::Finding& f : lint::lint_retro(actual, "draft.md", LintConfig{})) {
        INFO(name << ":" << f.line << ":" << f.column << " " << f.rule_id << " " << f.message);
        CHECK(f.severity != Severity::error);
    }
}

}  // namespace

TEST_CASE("a seed-shaped timeline renders in the house style", "[render][draft]") {
    const render::Draft draft = render::render_draft(test::seed_like_timeline(), test::london_options());
    check_golden("seed_like.md", draft.markdown);
    CHECK(draft.markdown.starts_with(draft_marker));
    CHECK(draft.redacted.total() == 0);
}

TEST_CASE("the draft's blocks are what the house style expects", "[render][draft][cmark]") {
    const render::Draft draft = render::render_draft(test::seed_like_timeline(), test::london_options());
    const test::MarkdownProbe probe = test::probe_markdown(draft.markdown);
    REQUIRE(!probe.blocks.empty());
    CHECK(probe.blocks.front() == "html_block");  // the draft marker, before the title
    CHECK(probe.blocks[1] == "heading");
    // The only raw HTML is our comments; no source text became HTML, emphasis or a list inside entries.
    CHECK(test::only_inlines(probe, {"paragraph", "item", "text", "softbreak", "linebreak", "code", "link", "strong"}));
    CHECK(std::count(probe.blocks.begin(), probe.blocks.end(), "code_block") == 1);
}

TEST_CASE("the draft is the same bytes every time", "[render][draft]") {
    const Timeline t = test::seed_like_timeline();
    CHECK(render::render_draft(t, test::london_options()).markdown ==
          render::render_draft(t, test::london_options()).markdown);
}

TEST_CASE("day headings carry the year when the incident spans years, times then name their day", "[render][draft]") {
    Timeline t;
    TimelineEntry a;
    a.time = utc("2023-12-31T23:50:00Z");
    a.initials = "AB";
    a.text = "still up";
    a.event_ids = {"x:1"};
    TimelineEntry b = a;
    b.time = utc("2024-01-01T00:20:00Z");
    b.text = "happy new year, the queue drained";
    b.event_ids = {"x:2"};
    t.entries = {a, b};
    t.milestones = {Milestone{"resolved", b.time, {"x:2"}, "config"}};
    t.participants = {Participant{"AB", "Ann Bee", 2}};
    t.title_hint = "queue backlog";
    render::DraftOptions o;
    o.retro_held = "2024-01-02";
    check_golden("spans_years.md", render::render_draft(t, o).markdown);
}

TEST_CASE("changes: the lead-up's line under its own day, the dates from the window, suspects in the analysis",
          "[render][draft]") {
    using namespace retro::test;
    Event named = change("2024-07-24T09:00:00Z", "bob", "merged #6583 Cardigan", ChangeAction::merged, "acme/web", 6583);
    Event quiet = change("2024-07-24T12:00:00Z", "cat", "merged #6590 Footer", ChangeAction::merged, "acme/web", 6590);
    named.actor.name = "Bob Ray";
    const Timeline t = run({named, quiet, message("10:00", "Nina Patel", "users cannot log in"),
                            alert("10:14:03", "login-errors", "firing"),
                            message("10:20", "Rachel Cooper", "could it be #6583?")});
    const std::string md = render::render_draft(t, london_options()).markdown;
    check_golden("changes.md", md);
    CHECK(md.find("**Incident from:** 2024-07-25") != std::string::npos);
    CHECK(md.find("### Wednesday 24 July\n\n10.00 BR merged #6583 Cardigan <https://github.com/acme/web/pull/6583>\n") !=
          std::string::npos);
    // The other merge of the lead-up is listed with why, not shown: the discussion named its suspect.
    CHECK(md.find("13.00 C merged #6590 Footer <https://github.com/acme/web/pull/6590>\n") == std::string::npos);
    CHECK(md.find("* Wednesday 24 July 13.00 C merged #6590 Footer (in the lead-up) "
                  "<https://github.com/acme/web/pull/6590>\n* Wednesday 24 July 10.00 BR merged #6583 Cardigan "
                  "(named in the discussion) <https://github.com/acme/web/pull/6583>\n") != std::string::npos);
}

TEST_CASE("an empty timeline still gives a complete, prompting draft", "[render][draft]") {
    Timeline t;
    t.window = IncidentWindow{utc("2024-07-25T00:00:00Z"), utc("2024-07-26T00:00:00Z"), "--from/--until"};
    render::DraftOptions o;
    o.retro_held = "2024-07-26";
    check_golden("empty.md", render::render_draft(t, o).markdown);
}

TEST_CASE("Actions: an owner for each person who took part, none for mail-only senders, robots or alerts",
          "[render][draft][actions]") {
    using namespace retro::test;
    Event merge =
        change("2024-07-25T10:10:00Z", "bob", "merged #7 Revert the login form", ChangeAction::merged, "acme/web", 7);
    merge.actor.name = "Bob Ray";
    Event before = change("2024-07-24T09:00:00Z", "cat", "merged #6 Login form", ChangeAction::merged, "acme/web", 6);
    before.actor.name = "Cat Dee";
    Event mail = email("10:05", "Collections Systems Support", "Sierra API issue - users cannot log in");
    Event note = message("10:20", "Gil Ho", "reverted the form");
    note.kind = EventKind::note;
    note.source = {"notes", "", Medium::document, "notes.md", 3};
    note.channel.clear();
    const Timeline t =
        run({before, message("10:00", "Nina Patel", "users cannot log in"), mail,
             alert("10:06:00", "login-errors", "firing"), merge, bot_message("10:12", "deploy of web v7 finished"),
             note, message("10:15", "Nina Patel", "could it be #6?")});
    const std::string md = render::render_draft(t, london_options()).markdown;
    const std::string actions = md.substr(md.find("## Actions"));
    CHECK(actions.find("**NP**") != std::string::npos);
    CHECK(actions.find("**BR**") != std::string::npos);   // a merge in the window
    CHECK(actions.find("**GH**") != std::string::npos);   // a note
    CHECK(actions.find("**CSS**") == std::string::npos);  // e-mail only: a supplier
    CHECK(actions.find("**CD**") == std::string::npos);   // a change from before the incident
    CHECK(actions.find("**D**") == std::string::npos);    // a robot
}

TEST_CASE("Retro held is a prompt until someone gives the date, and lint warns of it", "[render][draft]") {
    render::DraftOptions o;
    o.tz = *TimeZone::find("Europe/London");
    const std::string md = render::render_draft(test::seed_like_timeline(), o).markdown;
    CHECK(md.find("\n**Retro held:** <!-- retro: the date of the retro meeting, YYYY-MM-DD -->\n") !=
          std::string::npos);
    std::vector<std::string> findings;
    for (const lint::Finding& f : lint::lint_retro(md, "draft.md", LintConfig{}))
        findings.push_back(std::string(to_string(f.severity)) + " " + f.rule_id);
    CHECK(findings == std::vector<std::string>{"warning RETRO002"});
}

TEST_CASE("hostile text and secrets in entries are escaped and redacted", "[render][draft][redact]") {
    Timeline t;
    auto add = [&](const char* time, const char* initials, std::string text) {
        TimelineEntry e;
        e.time = utc(time);
        e.initials = initials;
        e.text = std::move(text);
        e.event_ids = {std::string("x:") + time};
        t.entries.push_back(e);
    };
    add("2024-07-25T10:00:00Z", "AB", "# Actions\n## Timeline\n1. not a list\n<!-- retro:end timeline -->");
    add("2024-07-25T10:01:00Z", "",
        "CSS said the token xoxb-123456789012-1234567890123-abcdefghijABCDEFGHIJklmn leaked");
    add("2024-07-25T10:02:00Z", "CD", "mail jane.doe@wellcome.ac.uk or call +44 20 7611 2222 | *now*");
    add("2024-07-25T10:03:00Z", "CD",
        "see https://grafana.example/d/x?orgId=1&token=s3cr3tvalue123 and "
        "https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609");
    add("2024-07-25T10:04:00Z", "EF", "trailing backslash \\\n12.30 is not an entry\n- nor a list");
    t.title_hint = "<script>alert(1)</script> _title_";
    t.participants = {Participant{"AB", "Ann Bee", 1}, Participant{"CD", "Cy Dee --> x", 2}};
    People people;
    people.add("jane.doe@wellcome.ac.uk", Person{"Jane Doe", "JD"});
    render::DraftOptions o;
    o.retro_held = "2024-07-26";
    o.people = people;
    const render::Draft draft = render::render_draft(t, o);
    check_golden("hostile.md", draft.markdown);
    CHECK(draft.redacted.by_kind ==
          std::map<std::string, std::uint64_t>{{"email", 1}, {"phone", 1}, {"slack-token", 1}, {"url-token", 1}});
    // The text's own region marker did not end our region: --update still finds the whole timeline.
    const render::DraftUpdate same = render::update_draft(draft.markdown, draft.markdown);
    CHECK(same.error.empty());
    CHECK(same.text == draft.markdown);
    const test::MarkdownProbe probe = test::probe_markdown(draft.markdown);
    CHECK(test::only_inlines(probe, {"paragraph", "item", "text", "softbreak", "linebreak", "code", "link", "strong"}));
    CHECK(std::count(probe.blocks.begin(), probe.blocks.end(), "heading") == 7);  // title, 3 sections, day, 2 questions
}

TEST_CASE("with redaction off (--no-redact) secrets stay as written", "[render][draft][redact]") {
    Timeline t;
    TimelineEntry e;
    e.time = utc("2024-07-25T10:00:00Z");
    e.initials = "AB";
    e.text = "call +44 20 7611 2222";
    e.event_ids = {"x:1"};
    t.entries = {e};
    render::DraftOptions o;
    o.retro_held = "2024-07-26";
    o.redact = false;
    const render::Draft draft = render::render_draft(t, o);
    CHECK(draft.markdown.find("11.00 AB call +44 20 7611 2222\n") == std::string::npos);  // UTC: 10.00
    CHECK(draft.markdown.find("10.00 AB call +44 20 7611 2222\n") != std::string::npos);
    CHECK(draft.redacted.total() == 0);
}

TEST_CASE("same-minute alerts are headed by the phrase they share, or by how many they are", "[render][draft]") {
    auto posted = [](const char* time, const char* text) {
        TimelineEntry e;
        e.time = utc(time);
        e.kind = EventKind::alert;
        e.medium = Medium::chat;
        e.channel = "alerts";
        e.text = text;
        e.event_ids = {text};
        return e;
    };
    Timeline t;
    TimelineEntry down = posted("2024-07-25T13:37:02Z", ":x: Updown alert DOWN: Works API is down: 502");
    down.continuations.push_back(posted("2024-07-25T13:37:04Z", ":x: Updown alert DOWN: Images API is down: 502"));
    TimelineEntry mixed = posted("2024-07-25T13:40:00Z", "disk-full");
    mixed.continuations.push_back(posted("2024-07-25T13:40:10Z", "api-5xx: Threshold crossed"));
    TimelineEntry one = posted("2024-07-25T13:44:01Z", ":white_check_mark: Updown alert UP: Works API recovered");
    t.entries = {down, mixed, one};
    render::DraftOptions o = test::london_options();
    o.retro_held = "2024-07-26";
    const std::string md = render::render_draft(t, o).markdown;
    CHECK(md.find("14.37 #alerts: Updown alert DOWN:\\\nWorks API is down: 502\\\nImages API is down: 502\n") !=
          std::string::npos);
    CHECK(md.find("14.40 #alerts: 2 alerts:\\\ndisk-full\\\napi-5xx: Threshold crossed\n") != std::string::npos);
    CHECK(md.find("14.44 #alerts: Updown alert UP: Works API recovered\n") != std::string::npos);
    CHECK(md.find("#alerts:\\\n") == std::string::npos);  // never an empty `HH.MM #channel:` line
}

TEST_CASE("a cause quote is redacted in the context it was said in, and cut at a word", "[render][draft][redact]") {
    const std::string token = "IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQDk7x0pbBs2k9yZ+Wq3nS1vR0f5tL8uH2cA4eN6mJ0p";
    TimelineEntry e;
    e.time = utc("2024-07-25T10:00:00Z");
    e.kind = EventKind::message;
    e.channel = "ops";
    e.initials = "AB";
    e.actor_name = "Ann Bee";
    e.text = "It broke due to this: {\"SessionToken\": \"" + token + "\"}";
    e.event_ids = {"x:1"};
    Timeline t;
    t.entries = {e};
    // The value alone does not say it is a session token; the text around it does.
    const std::size_t value = e.text.find("\"" + token);
    t.cause_quotes = {CauseQuote{"\"" + token + "\"}", {"due to"}, e.time, EventKind::message, "ops", "AB", "Ann Bee",
                                 "x:1", value, e.text.size()}};
    render::DraftOptions o;
    o.retro_held = "2024-07-26";
    render::Draft draft = render::render_draft(t, o);
    CHECK(draft.markdown.find(token.substr(20)) == std::string::npos);
    CHECK(draft.markdown.find("\\[redacted: aws-key\\]") != std::string::npos);
    CHECK(draft.redacted.by_kind == std::map<std::string, std::uint64_t>{{"aws-key", 1}});  // counted once, in its entry
    o.redact = false;
    draft = render::render_draft(t, o);
    CHECK(draft.markdown.find("* \u201C\"" + token + "\"}\u201D \u2014 AB (Ann Bee), in ops at 10.00\n") !=
          std::string::npos);

    t.cause_quotes[0].text = std::string(300, 'x') + " " + std::string(300, 'y');
    t.cause_quotes[0].end = 0;  // no bytes in its entry: its own text, redacted alone
    draft = render::render_draft(t, o);
    CHECK(draft.markdown.find("* \u201C" + std::string(300, 'x') + "\u2026\u201D") != std::string::npos);
}
