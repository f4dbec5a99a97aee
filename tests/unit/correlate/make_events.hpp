// Hand-made events for the correlator's table tests: each builder sets what the rule under test reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "retro/time.hpp"
#include "retro/timeline.hpp"

namespace retro::test {

inline Instant at(std::string_view iso) {
    return *parse_iso8601(iso);
}

// A Slack message by a person ("10:36" is 2024-07-25T10:36:00Z; seconds may follow).
inline Event message(std::string_view hh_mm, std::string name, std::string text, std::string channel = "incident") {
    Event e;
    e.time = at("2024-07-25T" + std::string(hh_mm) + (hh_mm.size() == 5 ? ":00Z" : "Z"));
    e.id = "slack:C1/" + std::to_string(e.time.time_since_epoch().count());
    e.kind = EventKind::message;
    e.source = {"slack", "", Medium::chat, "export.zip!/" + channel + "/2024-07-25.json", 1};
    e.channel = std::move(channel);
    e.actor.name = std::move(name);
    e.text = std::move(text);
    return e;
}

// A platform's system message as its ingester marks it (Slack's `subtype`), in whatever language.
inline Event system_message(std::string_view hh_mm, std::string name, std::string text, SystemMessage system) {
    Event e = message(hh_mm, std::move(name), std::move(text));
    e.flags.system = system;
    return e;
}

inline Event bot_message(std::string_view hh_mm, std::string text, std::string channel = "incident") {
    Event e = message(hh_mm, "deploybot", std::move(text), std::move(channel));
    e.flags.bot = true;
    return e;
}

// An alert state change as alarm history (origin `history.json`) reports it.
inline Event alert(std::string_view hh_mm_ss, std::string key, std::string state, std::string origin = "history.json",
                   std::string kind = "cloudwatch") {
    Event e;
    e.time = at("2024-07-25T" + std::string(hh_mm_ss) + (hh_mm_ss.size() == 5 ? ":00Z" : "Z"));
    e.id = kind + ":" + key + "/" + state + "@" + format_utc(e.time) + "#" + origin;
    e.kind = EventKind::alert;
    e.source = {kind, "cloudwatch", kind == "slack" ? Medium::chat : Medium::alerting, origin, 1};
    e.channel = kind == "slack" ? "alerts" : "cloudwatch";
    e.text = state + " " + key;
    e.alert = AlertInfo{key, "", state, "", ""};
    return e;
}

inline Event email(std::string_view hh_mm, std::string from, std::string text) {
    Event e;
    e.time = at("2024-07-25T" + std::string(hh_mm) + ":00Z");
    e.id = "email:<" + std::string(hh_mm) + "@example.org>";
    e.kind = EventKind::email;
    e.source = {"mbox", "", Medium::mail, "inbox.mbox", 1};
    e.channel = "inbox.mbox";
    e.actor.name = std::move(from);
    e.text = std::move(text);
    return e;
}

inline Event status(std::string_view hh_mm, std::string state, std::string origin = "statuspage.json") {
    Event e;
    e.time = at("2024-07-25T" + std::string(hh_mm) + ":00Z");
    e.id = "statuspage:" + std::string(hh_mm) + "-" + state + "#" + origin;
    e.kind = EventKind::status;
    e.source = {"statuspage", "statuspage", Medium::alerting, origin, 1};
    e.text = state;
    e.status = StatusInfo{"Example", state};
    return e;
}

// A change record: `iso` is a full instant ("2024-07-24T16:05:00Z"), the actor a login.
inline Event change(std::string_view iso, std::string login, std::string text, ChangeAction action,
                    std::string repo = "acme/catalogue-api", std::uint64_t number = 0, std::string commit = "") {
    Event e;
    e.time = at(iso);
    e.id = "github:" + repo + "/" + std::string(to_string(action)) + "/" + std::string(iso);
    e.kind = EventKind::change;
    e.source = {"github", "", Medium::change, "prs.json", 1};
    e.actor.id = std::move(login);
    e.text = std::move(text);
    std::string url = number ? "https://github.com/" + repo + "/pull/" + std::to_string(number) : std::string();
    if (!url.empty()) e.links.push_back(url);
    e.change = ChangeInfo{"github", std::move(repo), "main", number, action, "", std::move(commit), std::move(url)};
    return e;
}

inline Timeline run(std::vector<Event> events, const CorrelateOptions& options = {}) {
    Diagnostics diags;
    return correlate(std::move(events), options, {}, diags);
}

// Every entry and continuation, flattened, as "HH:MM initials text" in UTC (tests read UTC).
inline std::vector<std::string> lines(const Timeline& t) {
    std::vector<std::string> out;
    auto one = [&](const TimelineEntry& e) {
        std::string s = format_utc(e.time).substr(11, 5);
        if (!e.initials.empty()) s += " " + e.initials;
        s += " " + (e.group ? e.group->key : e.text);
        out.push_back(s);
    };
    for (const auto& e : t.entries) {
        one(e);
        for (const auto& c : e.continuations) one(c);
    }
    return out;
}

}  // namespace retro::test
