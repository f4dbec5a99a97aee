// `retro draft --chart`: Mermaid gantt labels (a table of hostile text and what the chart line holds), the
// chart of a seed-shaped timeline (golden), hostile alert and people names giving only well-formed task lines,
// lint accepting the draft, and `--update` keeping, refreshing and adding the chart region.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "draft_fixture.hpp"
#include "lint/linter.hpp"
#include "render/draft.hpp"
#include "render/mermaid_label.hpp"
#include "test_support.hpp"

using namespace retro;
using retro::test::utc;

namespace {

// The chart region's body (between its markers) of a draft.
std::string chart_of(const std::string& draft) {
    const std::size_t begin = draft.find("<!-- retro:begin chart ");
    REQUIRE(begin != std::string::npos);
    const std::size_t body = draft.find('\n', begin) + 1;
    const std::size_t end = draft.find("<!-- retro:end chart -->", body);
    REQUIRE(end != std::string::npos);
    return draft.substr(body, end - body);
}

render::DraftOptions chart_options() {
    render::DraftOptions o = test::london_options();
    o.chart = true;
    return o;
}

void check_lint_clean(const std::string& draft) {
    for (const lint::Finding& f : lint::lint_retro(draft, "draft.md", LintConfig{})) {
        INFO(f.line << ":" << f.column << " " << f.rule_id << " " << f.message);
        CHECK(f.severity != Severity::error);
    }
}

}  // namespace

TEST_CASE("a gantt label escapes what Mermaid's lexer reads as syntax", "[render][chart]") {
    struct Row {
        std::string text, label;
    };
    const std::vector<Row> rows = {
        {"Catalogue API errors", "Catalogue API errors"},
        {"platform-lambda-error-alarm: sierra", "platform-lambda-error-alarm#58; sierra"},  // ':' ends the label
        {"a;b", "a#59;b"},                                                                  // ';' ends the data
        {"#wc-platform-alerts", "#35;wc-platform-alerts"},                                  // '#' opens a comment
        {"CPU > 90% for 5m", "CPU #62; 90#37; for 5m"},                                     // '%' too
        {"say \"hi\" to <b>", "say #34;hi#34; to #60;b#62;"},
        {"```", "#96;#96;#96;"},  // would end the Markdown fence
        {"#58; is already a code", "#35;58#59; is already a code"},
        {"section Evil", "#115;ection Evil"},  // a line starting with a keyword is that statement
        {"Title of it", "#84;itle of it"},
        {"CLICK here", "#67;LICK here"},
        {"dateFormat x", "#100;ateFormat x"},
        {"2024-07-25 deploy", "#50;024-07-25 deploy"},  // a date
        {"sectional", "#115;ectional"},  // a keyword's letters at the start, even with no space after them
        {"  two\nlines\t\x01 here  ", "two lines here"},
        {"", "(no name)"},
        {" \n\t", "(no name)"},
        {"naïve: café", "naïve#58; café"},
        {"Nina Patel (NP)", "Nina Patel (NP)"},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(render::mermaid_label(row.text) == row.label);
    }
}

TEST_CASE("a long gantt label keeps its start and its end", "[render][chart]") {
    CHECK(render::mermaid_label("platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-holdings") ==
          "platform-lambda-error-alarm#58;…20200604-sierra-reader-holdings");
    CHECK(render::mermaid_label(std::string(40, 'a') + "é" + std::string(40, 'b'), 41) ==
          std::string(20, 'a') + "…" + std::string(21, 'b'));
    // Cut on a character, never inside one: the 'é' across the cut is left out whole.
    CHECK(render::mermaid_label(std::string(19, 'a') + "é" + std::string(60, 'b'), 41) ==
          std::string(19, 'a') + "…" + std::string(21, 'b'));
}

TEST_CASE("the chart of a seed-shaped timeline", "[render][chart]") {
    const Timeline t = test::seed_like_timeline();
    const render::Draft draft = render::render_draft(t, chart_options());
    const std::string path = test::source_path("tests/unit/render/golden/seed_like_chart.md");
    if (std::getenv("RETRO_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << chart_of(draft.markdown);
    CHECK(chart_of(draft.markdown) == test::read_file(path));
    // Just under the Timeline heading, before the timeline's own region.
    CHECK(draft.markdown.find("## Timeline\n\n<!-- retro:begin chart base=") != std::string::npos);
    CHECK(draft.markdown.find("<!-- retro:end chart -->\n\n<!-- retro:begin timeline base=") != std::string::npos);
    check_lint_clean(draft.markdown);
    // Without --chart the draft is as it was; the redaction summary does not count the chart's labels twice.
    const render::Draft plain = render::render_draft(t, test::london_options());
    CHECK(plain.markdown.find("retro:begin chart") == std::string::npos);
    CHECK(plain.redacted.by_kind == draft.redacted.by_kind);
    // Deterministic.
    CHECK(render::render_draft(t, chart_options()).markdown == draft.markdown);
}

TEST_CASE("hostile alert and people names give only well-formed gantt lines", "[render][chart]") {
    Timeline t = test::seed_like_timeline();
    const std::vector<std::string> hostile = {"section Owned: #1; \"x\" 100% <script>",
                                              "%%{init: {\"theme\": \"dark\"}}%%",
                                              "title: pwned",
                                              "```\n<!-- retro:end chart -->",
                                              "2024-07-25 11:00, 0m",
                                              "click a1 href \"https://evil.example\"",
                                              "a:b;c#d%e\"f'g<h>i`j"};
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        AlertGroup g;
        g.key = hostile[i];
        g.channel = "alerts";
        g.first = utc("2024-07-25T10:30:00Z") + std::chrono::minutes(i);
        g.last = g.first + std::chrono::minutes(i % 2 ? 5 : 0);
        g.count = i % 2 ? 3 : 1;
        t.groups.push_back(g);
        TimelineEntry e;
        e.time = g.first;
        e.kind = EventKind::message;
        e.initials = "H" + std::to_string(i);
        e.actor_name = hostile[i];
        e.text = "hello";
        e.event_ids = {"x:" + std::to_string(i)};
        t.entries.push_back(e);
        t.participants.push_back(Participant{e.initials, hostile[i], 1});
    }
    std::stable_sort(t.entries.begin(), t.entries.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.time < b.time; });
    const std::string draft = render::render_draft(t, chart_options()).markdown;
    const std::string chart = chart_of(draft);
    const std::regex header(
        R"(```mermaid|gantt|    title [^\n#:;%"<>`]+|    dateFormat YYYY-MM-DD HH:mm|)"
        R"(    axisFormat %H:%M|    todayMarker off|    section (Alerts|Changes|People|Milestones)|```|)");
    // A task: a label holding no ':', ';', '%', '"', '<', '>' or '`', and '#' only in an entity code; then tags,
    // an id, a local time and a length.
    const std::regex task(R"(    ([^:;%"<>`#\n]|#[0-9]+;)+ :(crit, )?(milestone, )?[acpm][0-9]+, )"
                          R"(2024-07-25 [0-2][0-9]:[0-5][0-9], [0-9]+m)");
    const std::regex keyword_start(R"(    (section|title|click|dateformat|[0-9]|%%))", std::regex::icase);
    std::size_t tasks = 0, start = 0;
    while (start < chart.size()) {
        const std::size_t nl = chart.find('\n', start);
        const std::string line = chart.substr(start, nl - start);
        start = nl + 1;
        INFO(line);
        if (std::regex_match(line, task)) {
            ++tasks;
            CHECK_FALSE(std::regex_search(line, keyword_start, std::regex_constants::match_continuous));
        } else {
            CHECK(std::regex_match(line, header));
        }
    }
    // The fixture's 3 alert groups and 7 hostile ones, its 3 people and 7 hostile ones, its 4 milestones.
    CHECK(tasks == 24);
    CHECK(chart.find("#115;ection Owned#58; #35;1#59; #34;x#34; 100#37; #60;script#62;") != std::string::npos);
    const render::DraftUpdate same = render::update_draft(draft, draft);
    CHECK(same.error.empty());
    CHECK(same.text == draft);
    check_lint_clean(draft);
}

TEST_CASE("a chart over days names the day on its axis", "[render][chart]") {
    Timeline t = test::seed_like_timeline();
    t.milestones.push_back(Milestone{"resolved", utc("2024-07-26T08:00:00Z"), {}, "config"});
    t.window.until = utc("2024-07-26T09:00:00Z");
    const std::string chart = chart_of(render::render_draft(t, chart_options()).markdown);
    CHECK(chart.find("    axisFormat %d %b %H:%M\n") != std::string::npos);
    CHECK(chart.find("    Resolved :milestone, m5, 2024-07-26 09:00, 0m\n") != std::string::npos);
}

TEST_CASE("an update refreshes a chart, and adds one to a draft without it", "[render][chart][update]") {
    Timeline t = test::seed_like_timeline();
    const std::string without = render::render_draft(t, test::london_options()).markdown;
    const std::string with = render::render_draft(t, chart_options()).markdown;
    CHECK(render::has_draft_region(with, render::chart_region));
    CHECK_FALSE(render::has_draft_region(without, render::chart_region));
    CHECK_FALSE(render::has_draft_region("```\n<!-- retro:begin chart -->\n<!-- retro:end chart -->\n```\n",
                                         render::chart_region));

    // Asked for (the fresh draft holds it): put in where a fresh draft has it.
    const render::DraftUpdate added = render::update_draft(without, with);
    REQUIRE(added.error.empty());
    CHECK(added.added == std::vector<std::string>{"chart"});
    CHECK(added.absent.empty());
    CHECK(added.text == with);

    // New evidence: an alert group more. The chart is merged like the other regions, a person's edit kept.
    const std::string edited = with.substr(0, with.find("    section Alerts\n")) + "    %% our note\n" +
                               with.substr(with.find("    section Alerts\n"));
    AlertGroup late;
    late.key = "Late alarm";
    late.first = late.last = utc("2024-07-25T11:50:00Z");
    late.count = 1;
    t.groups.push_back(late);
    const std::string fresh = render::render_draft(t, chart_options()).markdown;
    const render::DraftUpdate u = render::update_draft(edited, fresh);
    REQUIRE(u.error.empty());
    CHECK(u.conflicts.empty());
    CHECK(u.added.empty());
    CHECK(std::find(u.merged.begin(), u.merged.end(), "chart") != u.merged.end());
    const std::string chart = chart_of(u.text);
    CHECK(chart.find("    %% our note\n") != std::string::npos);
    CHECK(chart.find("    Late alarm :crit, milestone, a4, 2024-07-25 12:50, 0m\n") != std::string::npos);

    // Not asked for (the fresh draft holds none): a draft without a chart stays without one.
    const render::DraftUpdate none = render::update_draft(without, without);
    CHECK(none.text == without);
    CHECK(none.added.empty());
}
