// Statuspage notification e-mails (input-formats.md §5.5): subject `[<Page>] <Incident>`, the latest
// update first in the body as `<Status> - <text>`, earlier updates below it, newest first.
#include "ingest/email/statuspage_mail.hpp"

#include <array>
#include <cctype>
#include <vector>

#include "core/text_utf8.hpp"
#include "ingest/email/mail_text.hpp"

namespace retro::ingest::email {
namespace {

// Status words as Statuspage prints them, and the event state each means ("" = no state of its own).
struct StatusWord {
    std::string_view word;
    std::string_view state;
};
constexpr std::array<StatusWord, 10> status_words = {{{"investigating", "investigating"},
                                                      {"identified", "identified"},
                                                      {"monitoring", "monitoring"},
                                                      {"resolved", "resolved"},
                                                      {"postmortem", "resolved"},
                                                      {"completed", "resolved"},
                                                      {"update", ""},
                                                      {"scheduled", ""},
                                                      {"in progress", ""},
                                                      {"verifying", ""}}};

// `Resolved - text`, `Resolved: text`, `Resolved` alone, `New incident: Investigating`: the status word and
// what follows the dash.
const StatusWord* match_status_line(std::string_view line, std::string_view& rest) {
    for (std::string_view prefix : {"new incident:", "incident update:", "incident status:", "status:"}) {
        if (starts_with_icase(line, prefix)) {
            line = trim(line.substr(prefix.size()));
            break;
        }
    }
    for (const auto& sw : status_words) {
        if (!starts_with_icase(line, sw.word)) continue;
        std::string_view after = line.substr(sw.word.size());
        if (after.empty()) {
            rest = {};
            return &sw;
        }
        std::string_view t = trim(after);
        for (std::string_view dash : {"-", ":", "\u2013", "\u2014"}) {
            if (t.starts_with(dash) && (after.front() == ' ' || after.starts_with(dash))) {
                rest = trim(t.substr(dash.size()));
                return &sw;
            }
        }
    }
    return nullptr;
}

bool has_statuspage_marks(std::string_view from_address, std::string_view body) {
    std::string addr = to_lower_ascii(from_address);
    if (addr.ends_with("statuspage.io")) return true;
    std::string lower = to_lower_ascii(body);
    return lower.find("statuspage.io") != std::string::npos || lower.find("stspg.io") != std::string::npos ||
           lower.find("atlassian statuspage") != std::string::npos;
}

// `Jul 25, 11:39 UTC`, `Jul 25, 2024 - 11:39 BST`: the time line under each update.
bool is_update_time_line(std::string_view line) {
    static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    bool month = false;
    for (auto m : months) month = month || starts_with_icase(line, m);
    if (!month || line.size() < 8) return false;
    auto space = line.find(' ');
    return space != std::string_view::npos && space + 1 < line.size() &&
           std::isdigit(static_cast<unsigned char>(line[space + 1])) && line.find(':') != std::string_view::npos;
}

std::string find_incident_url(std::string_view body) {
    std::size_t at = 0;
    while ((at = body.find("http", at)) != std::string_view::npos) {
        std::size_t end = at;
        while (end < body.size() && body[end] > ' ' && body[end] != '>' && body[end] != '"' && body[end] != ')' &&
               body[end] != '<')
            ++end;
        std::string_view url = body.substr(at, end - at);
        while (!url.empty() && (url.back() == '.' || url.back() == ',')) url.remove_suffix(1);
        if ((url.starts_with("http://") || url.starts_with("https://")) &&
            (url.find("/incidents/") != std::string_view::npos || url.find("stspg.io/") != std::string_view::npos))
            return std::string(url);
        at = end;
    }
    return {};
}

}  // namespace

std::optional<StatusMail> detect_statuspage_mail(std::string_view subject, std::string_view from_name,
                                                 std::string_view from_address, std::string_view body) {
    StatusMail out;
    std::string normalized = normalize_subject(subject);
    std::string_view s = normalized;
    bool bracketed = false;
    if (s.starts_with("[")) {
        auto close = s.find(']');
        if (close != std::string_view::npos && close > 1) {
            out.page = std::string(trim(s.substr(1, close - 1)));
            out.incident = std::string(trim(s.substr(close + 1)));
            bracketed = !out.incident.empty();
        }
    }
    bool marked = has_statuspage_marks(from_address, body);
    if (!bracketed && !marked) return std::nullopt;
    if (!bracketed) {
        out.page = std::string(trim(from_name));
        out.incident = std::string(s);
    }

    // The latest update comes first; an `Update` carries no state, so the state is that of the first
    // status line below it that has one.
    const StatusWord* latest = nullptr;
    std::size_t lines_seen = 0, latest_at = 0;
    bool has_time_line = false;
    std::size_t start = 0;
    bool take_next_line = false;
    while (start < body.size() && lines_seen < 40) {
        auto nl = body.find('\n', start);
        if (nl == std::string_view::npos) nl = body.size();
        std::string_view line = trim(body.substr(start, nl - start));
        start = nl + 1;
        if (line.empty()) continue;
        if (line.starts_with(">")) break;
        ++lines_seen;
        has_time_line = has_time_line || is_update_time_line(line);
        if (take_next_line) {
            out.update = std::string(line);
            take_next_line = false;
            continue;
        }
        std::string_view rest;
        const StatusWord* sw = match_status_line(line, rest);
        if (!sw) continue;
        if (!latest) {
            if (lines_seen > 15) break;
            latest = sw;
            latest_at = lines_seen;
            out.update = std::string(rest);
            take_next_line = rest.empty();
        }
        if (!sw->state.empty() && out.state.empty()) out.state = std::string(sw->state);
    }
    // A subject such as `[Page] Resolved: Login problems` names the state when the body did not.
    std::string_view rest;
    if (const StatusWord* sw = match_status_line(out.incident, rest); sw && !rest.empty()) {
        if (out.state.empty()) out.state = std::string(sw->state);
        out.incident = std::string(rest);
    }
    // Without Statuspage's marks (a custom sender, no links) the body must look like a notification: the
    // status line near the top and update time lines (keeps `[JIRA] … Resolved - …` mail out).
    if (!marked && (!latest || latest_at > 3 || !has_time_line)) return std::nullopt;
    if (out.state.empty()) return std::nullopt;
    out.url = find_incident_url(body);
    return out;
}

}  // namespace retro::ingest::email
