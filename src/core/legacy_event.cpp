// Filling in `source.medium` and `flags.system` for streams older than them. The kinds below are the ones
// retro wrote before `medium` existed, a closed list: every later source writes its medium itself.
#include "core/legacy_event.hpp"

#include <array>
#include <utility>

namespace retro {

namespace {

constexpr std::array<std::pair<std::string_view, Medium>, 16> legacy_kinds{{
    {"slack", Medium::chat},           {"slack-api", Medium::chat},        {"slackdump", Medium::chat},
    {"eml", Medium::mail},             {"mbox", Medium::mail},             {"maildir", Medium::mail},
    {"retro", Medium::document},       {"notes", Medium::document},        {"cloudwatch", Medium::alerting},
    {"alertmanager", Medium::alerting}, {"grafana", Medium::alerting},     {"pagerduty", Medium::alerting},
    {"opsgenie", Medium::alerting},    {"statuspage", Medium::alerting},   {"sentry", Medium::alerting},
    {"json-map", Medium::alerting},
}};

// Slack's system messages, after the mention became "@Name".
constexpr std::array membership_phrases{
    std::string_view{"has joined the channel"}, std::string_view{"has left the channel"},
    std::string_view{"was added to #"},         std::string_view{"was added to the channel"},
    std::string_view{"was removed from #"},     std::string_view{"was removed from the channel"},
    std::string_view{"has joined #"},           std::string_view{"has left #"},
};
constexpr std::array topic_phrases{
    std::string_view{"set the channel topic"},       std::string_view{"set the channel purpose"},
    std::string_view{"set the channel description"}, std::string_view{"cleared channel topic"},
    std::string_view{"cleared the channel topic"},   std::string_view{"renamed the channel"},
    std::string_view{"has renamed the channel"},     std::string_view{"changed the channel name"},
};

bool contains_any(std::string_view text, const auto& phrases) {
    for (std::string_view p : phrases)
        if (text.find(p) != std::string_view::npos) return true;
    return false;
}

}  // namespace

Medium legacy_medium(std::string_view source_kind, EventKind kind) {
    for (const auto& [name, medium] : legacy_kinds)
        if (name == source_kind) return medium;
    switch (kind) {
        case EventKind::message:
            return Medium::chat;
        case EventKind::email:
            return Medium::mail;
        case EventKind::note:
            return Medium::document;
        case EventKind::change:
            return Medium::change;
        case EventKind::alert:
        case EventKind::status:
            break;
    }
    return Medium::alerting;
}

SystemMessage legacy_system_message(const Event& e) {
    if (e.source.medium != Medium::chat || e.kind != EventKind::message || !e.text.starts_with('@'))
        return SystemMessage::none;
    if (contains_any(e.text, membership_phrases)) return SystemMessage::membership;
    if (contains_any(e.text, topic_phrases)) return SystemMessage::topic;
    return SystemMessage::none;
}

}  // namespace retro
