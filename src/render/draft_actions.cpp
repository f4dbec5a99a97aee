// The draft's `## Actions`: one bold heading per person who took part, each holding a prompt where their actions
// go; actions are never invented. A person took part when they wrote a chat message or a note in the window, or
// made a change there (a merge, a deploy); a supplier who only sent e-mail, a robot, an alert system and the
// author of a change from before the incident get no heading: nobody agrees actions with them in the retro.
#include <algorithm>

#include "render/draft_sections.hpp"
#include "render/markdown_escape.hpp"

namespace retro::render {
namespace {

bool took_part(const TimelineEntry& e) {
    if (e.initials.empty() || e.bot || e.lead_up || e.group) return false;
    return e.kind == EventKind::message || e.kind == EventKind::note || e.kind == EventKind::change;
}

// The participants who took part, in the timeline's order of participants.
std::vector<const Participant*> action_owners(const Timeline& t) {
    std::vector<std::string_view> initials;
    for (const TimelineEntry& e : t.entries) {
        if (took_part(e)) initials.push_back(e.initials);
        for (const TimelineEntry& c : e.continuations)
            if (took_part(c)) initials.push_back(c.initials);
    }
    std::vector<const Participant*> owners;
    for (const Participant& p : t.participants)
        if (std::find(initials.begin(), initials.end(), p.initials) != initials.end()) owners.push_back(&p);
    return owners;
}

}  // namespace

// Lint's RETRO009 accepts an owner whose only content is such a prompt, so the draft stays lint-clean.
void write_actions(DraftContext& ctx, std::string& out) {
    const std::vector<const Participant*> owners = action_owners(ctx.timeline());
    if (owners.empty()) {
        out +=
            "<!-- retro: nobody who took part (wrote in chat or notes, or made a change) was found in the "
            "sources; one bold heading per owner, then one bullet per action people agreed on -->\n\n";
        return;
    }
    for (const Participant* p : owners) {
        const std::string who = p->initials.empty() ? p->name : p->initials;
        if (who.empty()) continue;
        out += "**" + escape_inline(ctx.plain(who), {}, LineStart::inline_text) + "**\n\n";
        const std::string name =
            p->name.empty() || p->name == who ? std::string() : " (" + comment_safe(ctx.plain(p->name)) + ")";
        out += "<!-- retro: actions for " + comment_safe(ctx.plain(who)) + name +
               ", one bullet each, as agreed in the retro; remove this owner if there are none -->\n\n";
    }
}

}  // namespace retro::render
