// Round trip through the retro reader (src/retrodoc/, the same reader behind `retro events retro.md` and
// `retro lint`): every message entry of a draft reads back with its time, initials and exact text, however
// hostile the text. Spaces and tabs at line edges come back too (written as `&#32;`, `&#9;`); blank lines are
// the only thing Markdown cannot keep, and the texts here have none.
#include <catch2/catch.hpp>

#include "draft_fixture.hpp"
#include "ingest/event_collector.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "render/draft.hpp"
#include "test_support.hpp"

using namespace retro;
using retro::test::utc;

namespace {

std::vector<Event> read_back(const std::string& markdown, const TimeZone& tz) {
    IngestOptions options;
    options.tz = tz;
    Diagnostics diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    ingest::parse_retro(markdown, Origin{"draft.md", 1, 1}, IngestContext{options, diags, sink});
    INFO(markdown);
    CHECK(test::texts(diags).empty());
    return sink.take_sorted();
}

}  // namespace

TEST_CASE("message texts come back unchanged from the draft", "[render][round-trip]") {
    const char* texts[] = {
        "plain words",
        "@weco_devs starting a chat here; Logging in is down",
        "*not bold* _not italic_ **nor this** ~~nor struck~~",
        "[not a link](http://evil.example) ![nor an image](x.png)",
        "<b>not html</b> <!-- not a comment --> &amp; stays &amp;",
        "# not a heading\n## nor this\n1. not a list\n2) nor this\n- nor this\n+ nor this\n> not a quote",
        "12.30 is not a new entry\n13:45 nor this",
        "a | table | row\n---|---\nx | y",
        "ends with a backslash \\",
        "`not code` and ``neither``",
        "CSS is not initials here",
        "see https://wellcomecollection.org/works/xswz3swa/items?a_b=1 and www.example.org/a_b",
        "Thursday 25 July is just text",
        "<!-- retro:end timeline -->",
        "  two leading spaces, three   inner, two trailing  ",
        "\ttab first\tinner\ttab last\t",
        "first line ends in a space \n  second line indented\n   ",
    };
    Timeline t;
    int minute = 0;
    for (const char* text : texts) {
        TimelineEntry e;
        e.time = utc("2024-07-25T10:00:00Z") + std::chrono::minutes(minute++);
        e.initials = std::string(text).starts_with("CSS") ? "" : "RC";
        e.text = text;
        e.event_ids = {"x:" + std::to_string(minute)};
        t.entries.push_back(e);
    }
    render::DraftOptions o;
    o.tz = *TimeZone::find("Europe/London");
    o.retro_held = "2024-07-26";
    o.redact = false;
    const std::string md = render::render_draft(t, o).markdown;
    std::vector<Event> events = read_back(md, o.tz);
    std::erase_if(events, [](const Event& e) { return e.precision == Precision::day; });  // the draft's own lines
    REQUIRE(events.size() == t.entries.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        INFO(t.entries[i].text);
        CHECK(events[i].text == t.entries[i].text);
        CHECK(events[i].actor.initials == t.entries[i].initials);
        CHECK(events[i].time == t.entries[i].time);
    }
}

TEST_CASE("code spans and preformatted blocks come back as code", "[render][round-trip]") {
    Timeline t = test::seed_like_timeline();
    render::DraftOptions o;
    o.tz = *TimeZone::find("Europe/London");
    o.retro_held = "2024-07-26";
    const std::vector<Event> events = read_back(render::render_draft(t, o).markdown, o.tz);
    const auto debugging_at = std::find_if(t.entries.begin(), t.entries.end(), [](const TimelineEntry& e) {
        return !e.spans.empty() && e.spans.back().type == SpanType::pre;
    });
    REQUIRE(debugging_at != t.entries.end());
    const TimelineEntry& debugging = *debugging_at;
    auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.time == debugging.time; });
    REQUIRE(it != events.end());
    CHECK(it->text == debugging.text);
    REQUIRE(!it->spans.empty());
    CHECK(it->spans.back().type == SpanType::pre);
    CHECK(it->text.substr(it->spans.back().start) == debugging.text.substr(debugging.spans.back().start));
}

TEST_CASE("e-mail, alert and status entries read back at their minute, e-mails with the sender's initials",
          "[render][round-trip]") {
    const Timeline t = test::seed_like_timeline();
    render::DraftOptions o;
    o.tz = *TimeZone::find("Europe/London");
    o.retro_held = "2024-07-26";
    const std::vector<Event> events = read_back(render::render_draft(t, o).markdown, o.tz);
    for (const TimelineEntry& entry : t.entries) {
        const Instant minute = std::chrono::floor<std::chrono::minutes>(entry.time);
        auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.time == minute; });
        INFO(entry.text);
        REQUIRE(it != events.end());
        if (entry.kind == EventKind::email) CHECK(it->actor.initials == entry.initials);
    }
}
