#include "ingest/changes/change_event.hpp"

#include "core/text_utf8.hpp"

namespace retro::ingest::changes {
namespace {

std::string_view last_component(std::string_view repo) {
    while (!repo.empty() && repo.back() == '/') repo.remove_suffix(1);
    const auto slash = repo.rfind('/');
    return slash == std::string_view::npos ? repo : repo.substr(slash + 1);
}

// A ref as a person names it: a full commit id shortened to 7, a branch or tag as written.
std::string short_ref(const ChangeInfo& c) {
    std::string_view ref = c.ref.empty() ? std::string_view(c.commit) : std::string_view(c.ref);
    const bool hex = ref.size() == 40 && ref.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    return std::string(hex ? ref.substr(0, 7) : ref);
}

}  // namespace

std::string one_line(std::string_view text) {
    const std::string valid = repair_utf8(text);
    std::string out;
    out.reserve(valid.size());
    bool space = false;
    for (const char ch : valid) {
        const bool blank = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
        if (blank) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

namespace {

void append_part(std::string& out, std::string_view word, std::string_view value) {
    if (value.empty()) return;
    out += word;
    out += value;
}

}  // namespace

std::string change_subject(const ChangeInfo& change) {
    std::string out(last_component(change.repo));
    if (change.number != 0) out += "#" + std::to_string(change.number);
    return out;
}

std::string change_summary(const ChangeInfo& change, std::string_view title) {
    const std::string subject = change_subject(change);
    const std::string ref = short_ref(change);
    std::string out;
    switch (change.action) {
        case ChangeAction::merged: out = "merged " + subject; break;
        case ChangeAction::committed:
            out = "committed to " + subject;
            append_part(out, " ", ref);
            break;
        case ChangeAction::deployed:
            out = "deployed " + subject;
            append_part(out, " ", ref);
            append_part(out, " to ", change.environment);
            break;
        case ChangeAction::deploy_started:
            out = "started deploying " + subject;
            append_part(out, " ", ref);
            append_part(out, " to ", change.environment);
            break;
        case ChangeAction::deploy_failed:
            out = "deploy of " + subject;
            append_part(out, " ", ref);
            append_part(out, " to ", change.environment);
            out += " failed";
            break;
        case ChangeAction::rolled_back:
            out = "rolled back " + subject;
            append_part(out, " in ", change.environment);
            append_part(out, " to ", ref);
            break;
        case ChangeAction::run_started: out = "started run " + subject; break;
        case ChangeAction::run_finished: out = "run " + subject + " passed"; break;
        case ChangeAction::run_failed: out = "run " + subject + " failed"; break;
    }
    append_part(out, ": ", title);
    // Folded once at the end: the title's newlines, and the double space an empty subject leaves (a GitLab
    // deployment naming no project: `deployed master to production`).
    return one_line(out);
}

Event change_event(std::string_view kind, const Origin& origin, std::uint64_t line, ChangeRecord record) {
    // Every source's strings as an event keeps them: valid UTF-8 without NULs (a JSON `\u0000`, a remote URL or
    // a commit message of any bytes), so the event reads back as written.
    auto repair = [](auto& field) {  // std::string or PackedText
        const std::string_view text = field;
        if (text.find('\0') != std::string_view::npos || !is_valid_utf8(text)) field = repair_utf8(text);
    };
    for (std::string* field : {&record.native_id, &record.time_raw, &record.change.system, &record.change.repo,
                               &record.change.ref, &record.change.environment, &record.change.commit,
                               &record.change.url, &record.title})
        repair(*field);
    for (PackedText* field : {&record.actor.id, &record.actor.name, &record.actor.email, &record.actor.initials})
        repair(*field);
    Event e;
    e.id = std::string(kind) + ":" + record.native_id + "#" + std::string(to_string(record.change.action));
    e.time = record.time;
    e.time_raw = std::move(record.time_raw);
    e.kind = EventKind::change;
    e.source.kind = std::string(kind);
    e.source.medium = Medium::change;
    e.source.origin = origin.name;
    e.source.line = line;
    e.actor = std::move(record.actor);
    e.text = change_summary(record.change, record.title);
    e.change = std::move(record.change);
    return e;
}

}  // namespace retro::ingest::changes
