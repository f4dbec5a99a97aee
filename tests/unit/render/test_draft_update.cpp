// `retro draft --update`: machine regions are rewritten, everything people wrote stays byte for byte.
#include <catch2/catch.hpp>

#include "draft_fixture.hpp"
#include "render/draft.hpp"

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
    edited = replace_once(edited, "## Actions\n\n", "## Actions\n\n**NP**\n\n* Talk to the Digital Content Manager about banners\n\n");
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
    CHECK(u.replaced == std::vector<std::string>{"metadata", "timeline", "evidence", "safeguards"});
    CHECK(u.absent.empty());
    CHECK(u.text.find("# Incident retro - nobody could log in to their accounts") != std::string::npos);
    CHECK(u.text.find("* Talk to the Digital Content Manager about banners\n") != std::string::npos);
    CHECK(u.text.find("A firewall migration.\n") != std::string::npos);
    CHECK(u.text.find("13.30 SB All clear\n") != std::string::npos);
    // The edit inside the machine region is the one thing regenerated.
    CHECK(u.text.find("13.06 SB Logging cluster is back up and running\n") != std::string::npos);
    CHECK(u.text.find("The logging cluster") == std::string::npos);
    // Updating again with the same draft changes nothing.
    CHECK(render::update_draft(u.text, second).text == u.text);
}

TEST_CASE("an update leaves out regions people deleted and refuses unbalanced markers", "[render][update]") {
    render::DraftOptions o;
    o.retro_held = "2024-07-26";
    const std::string fresh = render::render_draft(test::seed_like_timeline(), o).markdown;
    const std::string human =
        "# Incident retro - by hand\n\n<!-- retro:begin timeline -->\nold\n<!-- retro:end timeline -->\n\nmine\n";
    const render::DraftUpdate u = render::update_draft(human, fresh);
    CHECK(u.error.empty());
    CHECK(u.replaced == std::vector<std::string>{"timeline"});
    CHECK(u.absent == std::vector<std::string>{"metadata", "evidence", "safeguards"});
    CHECK(u.text.starts_with("# Incident retro - by hand\n\n<!-- retro:begin timeline -->\n\n### Thursday 25 July\n"));
    CHECK(u.text.ends_with("<!-- retro:end timeline -->\n\nmine\n"));

    CHECK(render::update_draft("<!-- retro:begin timeline -->\nx\n", fresh).error ==
          "the draft to update: line 1: region 'timeline' has no 'retro:end timeline'");
    CHECK(render::update_draft("a\n<!-- retro:end evidence -->\n", fresh).error ==
          "the draft to update: line 2: 'retro:end evidence' without its 'retro:begin'");
}
