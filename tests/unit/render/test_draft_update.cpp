// `retro draft --update`: machine regions are merged as git merges (base recorded in the begin marker), everything
// people wrote stays byte for byte.
#include <catch2/catch.hpp>

#include "draft_fixture.hpp"
#include "render/draft.hpp"
#include "render/region_marker.hpp"

using namespace retro;

namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("an update rewrites the timeline and keeps human edits", "[render][update]") {
    render::DraftOptions o;
    o.tz = *TimeZone::find("Europe/London");
    o.retro_held = "2024-07-26";
    Timeline t = test::seed_like_timeline();
    const std::string first = render::render_draft(t, o).markdown;

    // People finish the draft: a new title, the cause, actions; and one edit inside a machine region.
    std::string edited =
        replace_once(first, "# Incident retro - users cannot login", "# Incident retro - nobody could log in");
    edited = replace_once(edited, "## Actions\n\n",
                          "## Actions\n\n**NP**\n\n* Talk to the Digital Content Manager about banners\n\n");
    edited = replace_once(edited, "### What happened that we didn\u2019t anticipate?\n\n",
                          "### What happened that we didn\u2019t anticipate?\n\nA firewall migration.\n\n");
    edited = replace_once(edited, "13.06 SB Logging cluster", "13.06 SB The logging cluster");

    // New evidence arrives: one more entry.
    TimelineEntry late = t.entries.back();
    late.time = test::utc("2024-07-25T12:30:00Z");
    late.text = "All clear";
    late.event_ids = {"slack:C01/1721910600.000000"};
    t.entries.push_back(late);
    const std::string second = render::render_draft(t, o).markdown;

    const render::DraftUpdate u = render::update_draft(edited, second);
    REQUIRE(u.error.empty());
    CHECK(u.merged == std::vector<std::string>{"metadata", "timeline", "evidence", "safeguards"});
    CHECK(u.rewritten.empty());
    CHECK(u.conflicts.empty());
    CHECK(u.absent.empty());
    CHECK(u.text.find("# Incident retro - nobody could log in to their accounts") != std::string::npos);
    CHECK(u.text.find("* Talk to the Digital Content Manager about banners\n") != std::string::npos);
    CHECK(u.text.find("A firewall migration.\n") != std::string::npos);
    CHECK(u.text.find("13.30 SB All clear\n") != std::string::npos);
    // The edit inside the machine region stays.
    CHECK(u.text.find("13.06 SB The logging cluster is back up and running\n") != std::string::npos);
    CHECK(u.text.find("13.06 SB Logging cluster") == std::string::npos);
    // The begin markers now record the second draft's regions; updating again with it changes nothing.
    CHECK(render::update_draft(u.text, second).text == u.text);
    // Without the person's edits, an update gives the second draft itself.
    CHECK(render::update_draft(first, second).text == second);
}

TEST_CASE("an update keeps the Retro held date a person wrote over the prompt", "[render][update]") {
    render::DraftOptions o;  // no --retro-held, no SOURCE_DATE_EPOCH: the prompt
    const std::string prompt = "**Retro held:** <!-- retro: the date of the retro meeting, YYYY-MM-DD -->";
    const std::string first = render::render_draft(test::seed_like_timeline(), o).markdown;
    const std::string filled = replace_once(first, prompt, "**Retro held:** 2024-07-30");
    const render::DraftUpdate u = render::update_draft(filled, first);
    CHECK(u.conflicts.empty());
    CHECK(u.text == filled);
    // With a date given on the update (--retro-held, SOURCE_DATE_EPOCH) the prompt becomes that date.
    o.retro_held = "2024-07-29";
    const std::string dated = render::render_draft(test::seed_like_timeline(), o).markdown;
    CHECK(render::update_draft(first, dated).text.find("**Retro held:** 2024-07-29\n") != std::string::npos);
}

TEST_CASE("an update leaves out regions people deleted and refuses unbalanced markers", "[render][update]") {
    render::DraftOptions o;
    o.retro_held = "2024-07-26";
    const std::string fresh = render::render_draft(test::seed_like_timeline(), o).markdown;
    const std::string human =
        "# Incident retro - by hand\n\n<!-- retro:begin timeline -->\nold\n<!-- retro:end timeline -->\n\nmine\n";
    const render::DraftUpdate u = render::update_draft(human, fresh);
    CHECK(u.error.empty());
    CHECK(u.merged.empty());
    CHECK(u.rewritten.size() == 1);
    CHECK(u.rewritten.at(0).region == "timeline");
    CHECK(u.rewritten.at(0).line == 3);
    CHECK(u.absent == std::vector<std::string>{"metadata", "evidence", "safeguards"});
    CHECK(u.text.starts_with("# Incident retro - by hand\n\n<!-- retro:begin timeline base="));
    CHECK(u.text.find(" -->\n\n### Thursday 25 July\n") != std::string::npos);
    CHECK(u.text.ends_with("<!-- retro:end timeline -->\n\nmine\n"));

    CHECK(render::update_draft("<!-- retro:begin timeline -->\nx\n", fresh).error ==
          "the draft to update: line 1: region 'timeline' has no 'retro:end timeline'");
    CHECK(render::update_draft("a\n<!-- retro:end evidence -->\n", fresh).error ==
          "the draft to update: line 2: 'retro:end evidence' without its 'retro:begin'");
}

namespace {

// The text between a region's begin marker and its end marker.
std::string region_of(const std::string& text, const std::string& name) {
    const std::size_t begin = text.find("<!-- retro:begin " + name + " ");
    REQUIRE(begin != std::string::npos);
    const std::size_t body = text.find('\n', begin) + 1;
    return text.substr(body, text.find("<!-- retro:end " + name + " -->", body) - body);
}

}  // namespace

TEST_CASE("each begin marker records its region, in base64 that cannot end the comment", "[render][update]") {
    const std::string draft = render::render_draft(test::seed_like_timeline(), test::london_options()).markdown;
    for (const std::string_view name : render::draft_region_names()) {
        const std::string begin = "<!-- retro:begin " + std::string(name) + " base=";
        const std::size_t at = draft.find(begin);
        REQUIRE(at != std::string::npos);
        const std::string line = draft.substr(at, draft.find('\n', at) - at);
        const std::optional<render::RegionMarker> m = render::parse_region_marker(line);
        REQUIRE(m);
        CHECK(m->is_begin);
        CHECK(m->name == name);
        REQUIRE(m->base);
        CHECK(m->base->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
              std::string::npos);
        CHECK(render::decode_region_base(*m->base) == region_of(draft, std::string(name)));
    }
    CHECK(render::render_draft(test::seed_like_timeline(), test::london_options()).markdown == draft);
    CHECK(render::parse_region_marker("<!-- retro:begin timeline -->\n")->base == std::nullopt);
    CHECK(render::parse_region_marker("   <!-- retro:end timeline -->")->name == "timeline");
    CHECK_FALSE(render::parse_region_marker("    <!-- retro:begin timeline -->"));  // indented code
    CHECK_FALSE(render::parse_region_marker("<!-- retro:end timeline base=eJw= -->"));
    CHECK_FALSE(render::parse_region_marker("<!-- retro:begin timeline other -->"));
    CHECK_FALSE(render::decode_region_base("not base64!"));
    CHECK_FALSE(render::decode_region_base("AAAA"));  // base64, but not zlib
}

TEST_CASE("an update merges: deleted lines stay deleted, edits stay, new events arrive in order", "[render][update]") {
    Timeline t = test::seed_like_timeline();
    const std::string first = render::render_draft(t, test::london_options()).markdown;
    const std::string timeline = region_of(first, "timeline");
    // The person deletes the first entry and edits the last one.
    const std::size_t first_entry = timeline.find("10.00 ");
    const std::size_t first_entry_end = timeline.find("\n\n", first_entry) + 2;
    std::string mine = timeline;
    mine.erase(first_entry, first_entry_end - first_entry);
    mine = replace_once(mine, "13.06 SB Logging cluster", "13.06 SB (SB: not sure) Logging cluster");
    const std::string edited = replace_once(first, timeline, mine);

    // Two new events: one early, one between two existing entries.
    TimelineEntry early = t.entries.front();
    early.time = test::utc("2024-07-25T08:50:00Z");
    early.text = "Early warning";
    early.event_ids = {"slack:C01/1721897400.000000"};
    TimelineEntry middle = t.entries.front();
    middle.time = test::utc("2024-07-25T10:50:00Z");
    middle.text = "Halfway";
    middle.event_ids = {"slack:C01/1721904600.000000"};
    t.entries.insert(t.entries.begin(), early);
    t.entries.push_back(middle);
    std::stable_sort(t.entries.begin(), t.entries.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.time < b.time; });
    const std::string second = render::render_draft(t, test::london_options()).markdown;

    const render::DraftUpdate u = render::update_draft(edited, second);
    REQUIRE(u.error.empty());
    CHECK(u.conflicts.empty());
    const std::string merged = region_of(u.text, "timeline");
    CHECK(merged.find("10.00 ") == std::string::npos);
    CHECK(merged.find("13.06 SB (SB: not sure) Logging cluster") != std::string::npos);
    const std::size_t at_early = merged.find("09.50 NP Early warning\n");
    const std::size_t at_middle = merged.find("11.50 NP Halfway\n");
    REQUIRE(at_early != std::string::npos);
    REQUIRE(at_middle != std::string::npos);
    CHECK(at_early < merged.find("10.14 "));
    CHECK(merged.find("11.45 ") < at_middle);
    CHECK(at_middle < merged.find("13.06 "));
    // The new base is the second draft's region: the next update from the same sources changes nothing.
    CHECK(region_of(u.text, "timeline") != region_of(second, "timeline"));
    CHECK(render::update_draft(u.text, second).text == u.text);
}

TEST_CASE("an update shows a line both changed as a conflict block", "[render][update]") {
    Timeline t = test::seed_like_timeline();
    const std::string first = render::render_draft(t, test::london_options()).markdown;
    const std::string edited = replace_once(first, "13.06 SB Logging cluster", "13.06 SB The logging cluster");
    for (TimelineEntry& e : t.entries) {
        if (e.text.starts_with("Logging cluster")) e.text = "Logging cluster is up again";
    }
    const std::string second = render::render_draft(t, test::london_options()).markdown;
    const render::DraftUpdate u = render::update_draft(edited, second);
    REQUIRE(u.error.empty());
    REQUIRE(u.conflicts.size() == 1);
    CHECK(u.conflicts[0].region == "timeline");
    const std::string block =
        "<<<<<<< yours\n13.06 SB The logging cluster is back up and running\n=======\n"
        "13.06 SB Logging cluster is up again\n>>>>>>> retro draft\n";
    const std::size_t at = u.text.find(block);
    REQUIRE(at != std::string::npos);
    CHECK(static_cast<std::size_t>(std::count(u.text.begin(), u.text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) +
              1 ==
          u.conflicts[0].line);
}

TEST_CASE("a damaged base record is refused, not merged against", "[render][update]") {
    const std::string first = render::render_draft(test::seed_like_timeline(), test::london_options()).markdown;
    const std::size_t at = first.find("<!-- retro:begin timeline base=") + 40;
    std::string damaged = first;
    damaged[at] = damaged[at] == 'A' ? 'B' : 'A';
    const render::DraftUpdate u = render::update_draft(damaged, first);
    CHECK(u.text.empty());
    CHECK(u.error.starts_with("the draft to update: line "));
    CHECK(
        u.error.ends_with(": the base record of region 'timeline' is damaged; delete ' base=…' from its begin "
                          "marker to have the region rewritten whole"));
}

TEST_CASE("a marker quoted in a code block is code, not a region", "[render][update]") {
    Timeline t = test::seed_like_timeline();
    TimelineEntry quoting = t.entries.front();
    quoting.time = test::utc("2024-07-25T09:30:00Z");
    quoting.text = "the draft says\n<!-- retro:begin timeline -->\n<!-- retro:end evidence -->\nend";
    const std::size_t pre_begin = quoting.text.find("<!--");
    const std::size_t pre_end = quoting.text.rfind("-->") + 3;
    quoting.spans = {Span{pre_begin, pre_end, SpanType::pre, {}}};
    quoting.event_ids = {"slack:C01/1721899800.000000"};
    t.entries.insert(t.entries.begin() + 1, quoting);
    const std::string first = render::render_draft(t, test::london_options()).markdown;
    REQUIRE(first.find("```\n<!-- retro:begin timeline -->\n<!-- retro:end evidence -->\n```\n") != std::string::npos);

    // A fresh draft of it updates itself, and an edited one merges.
    const render::DraftUpdate same = render::update_draft(first, first);
    REQUIRE(same.error.empty());
    CHECK(same.text == first);
    const std::string edited = replace_once(first, "13.06 SB Logging cluster", "13.06 SB The logging cluster");
    const render::DraftUpdate u = render::update_draft(edited, first);
    REQUIRE(u.error.empty());
    CHECK(u.merged == std::vector<std::string>{"metadata", "timeline", "evidence", "safeguards"});
    CHECK(u.text == edited);

    // Fences of tildes, longer closing fences and unfenced markers after a closed fence.
    const std::string fenced =
        "~~~~\n<!-- retro:begin timeline -->\n```\n~~~~~\n<!-- retro:begin timeline -->\nx\n<!-- retro:end timeline "
        "-->\n";
    const render::DraftUpdate v = render::update_draft(fenced, first);
    REQUIRE(v.error.empty());
    CHECK(v.rewritten.size() == 1);
    CHECK(v.rewritten.at(0).line == 5);
}
