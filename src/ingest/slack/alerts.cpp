// Alerts posted into Slack: the shapes of input-formats.md §2e (AWS Chatbot titles, Lambda→webhook
// attachments with Status fields), Alertmanager's and Grafana's default Slack titles, PagerDuty and
// updown.io wording. Only a post that shows both a name and a state is an alert.
#include "ingest/slack/alerts.hpp"

#include <array>
#include <utility>

#include "core/text_utf8.hpp"

namespace retro::ingest::slack {

std::string state_from_word(std::string_view word) {
    std::string w = to_lower_ascii(trim(word));
    static const std::array<std::pair<std::string_view, std::string_view>, 22> table{{
        {"alarm", "firing"},       {"firing", "firing"},
        {"alerting", "firing"},    {"triggered", "firing"},
        {"trigger", "firing"},     {"critical", "firing"},
        {"down", "firing"},        {"error", "firing"},
        {"problem", "firing"},     {"ok", "resolved"},
        {"resolved", "resolved"},  {"cleared", "resolved"},
        {"clear", "resolved"},     {"up", "resolved"},
        {"recovered", "resolved"}, {"recovery", "resolved"},
        {"normal", "resolved"},    {"acknowledged", "acknowledged"},
        {"ack", "acknowledged"},   {"insufficient_data", "unknown"},
        {"no data", "unknown"},    {"nodata", "unknown"},
    }};
    for (auto [k, v] : table)
        if (w == k) return std::string(v);
    return {};
}

namespace {

std::string_view str(json::Element e, std::string_view key) {
    return json::string_member(e, key).value_or("");
}

std::string_view first_line(std::string_view s) {
    return trim(s.substr(0, s.find('\n')));
}

std::string unquote(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return std::string(s);
}

// "<Monitor> alert <STATE>[ for]: <name>[ (<link>)][ is down…| recovered…]": an uptime monitor's post (updown's,
// as the Wellcome retros quote it). The monitor's one-word name is the vendor; the check's name is the key.
std::optional<PostedAlert> monitor_alert(std::string_view line) {
    const std::string lower = to_lower_ascii(line.substr(0, std::min<std::size_t>(line.size(), 48)));
    const std::size_t at = lower.find(" alert ");
    if (at == std::string::npos || at == 0 || lower.substr(0, at).find(' ') != std::string::npos) return std::nullopt;
    std::string_view rest = line.substr(at + 7);
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos || colon > 16) return std::nullopt;
    std::string_view word = trim(rest.substr(0, colon));
    if (word.size() > 4 && to_lower_ascii(word.substr(word.size() - 4)) == " for")
        word = trim(word.substr(0, word.size() - 4));
    std::string state = state_from_word(word);
    if (state.empty()) return std::nullopt;
    std::string_view name = trim(rest.substr(colon + 1));
    for (std::string_view end : {" (http", " <http", " is down", " is up", " recovered", " has recovered"})
        if (auto cut = name.find(end); cut != std::string_view::npos) name = name.substr(0, cut);
    name = trim(name);
    if (name.empty()) return std::nullopt;
    return PostedAlert{std::string(name), state, to_lower_ascii(line.substr(0, at)), ""};
}

// Title patterns, tried in order on one line.
std::optional<PostedAlert> alert_from_title(std::string_view line) {
    line = without_leading_short_codes(line);  // ":rotating_light: " is decoration
    // AWS Chatbot: "CloudWatch Alarm | name | region | Account: id" (state elsewhere).
    if (starts_with_icase(line, "CloudWatch Alarm |")) {
        std::string_view rest = line.substr(18);
        PostedAlert a{std::string(trim(rest.substr(0, rest.find('|')))), "", "cloudwatch", ""};
        return a;
    }
    // SNS subject form: `ALARM: "name" in US East (N. Virginia)`.
    for (std::string_view word : {"ALARM", "OK", "INSUFFICIENT_DATA"}) {
        if (line.starts_with(word) && line.substr(word.size()).starts_with(": ")) {
            std::string_view rest = line.substr(word.size() + 2);
            auto in = rest.rfind("\" in ");
            std::string key = in != std::string_view::npos ? unquote(rest.substr(0, in + 1)) : unquote(rest);
            return PostedAlert{key, state_from_word(word), "cloudwatch", ""};
        }
    }
    // Alertmanager's default template: "[FIRING:2] name (labels…)", "[RESOLVED] name".
    // Grafana legacy: "[Alerting] name", "[OK] name", "[No Data] name".
    if (line.starts_with('[')) {
        auto close = line.find(']');
        if (close != std::string_view::npos) {
            std::string_view tag = line.substr(1, close - 1);
            std::string_view word = tag.substr(0, tag.find(':'));
            std::string state = state_from_word(word);
            std::string_view rest = trim(line.substr(close + 1));
            if (!state.empty() && !rest.empty()) {
                bool grafana = word == "Alerting" || word == "No Data" || word == "OK";
                std::string_view key = rest.substr(0, rest.find(" ("));
                return PostedAlert{std::string(trim(key)), state, grafana ? "grafana" : "alertmanager", ""};
            }
        }
    }
    // A monitor's "<Monitor> alert DOWN: name (link) is down: 502", "… alert UP for: name (link) recovered…".
    if (auto a = monitor_alert(line)) return a;
    // PagerDuty / generic: "Triggered: name", "Resolved: name", "Acknowledged: name", "DOWN: name".
    auto colon = line.find(": ");
    if (colon != std::string_view::npos && colon <= 16) {
        std::string state = state_from_word(line.substr(0, colon));
        std::string_view rest = trim(line.substr(colon + 2));
        if (!state.empty() && !rest.empty()) return PostedAlert{std::string(rest), state, "", ""};
    }
    return std::nullopt;
}

std::string state_from_color(std::string_view color) {
    std::string c = to_lower_ascii(color);
    if (c.starts_with('#')) c.erase(0, 1);
    if (c == "danger" || c == "ff0000" || c == "d00000" || c == "e01e5a" || c == "a30200" || c == "d40e0d")
        return "firing";
    if (c == "good" || c == "36a64f" || c == "2eb886" || c == "00ff00") return "resolved";
    return {};
}

}  // namespace

std::optional<PostedAlert> alert_from_text(std::string_view plain_text) {
    auto a = alert_from_title(first_line(plain_text));
    if (a && (a->key.empty() || a->state.empty())) return std::nullopt;
    return a;
}

std::optional<PostedAlert> alert_from_attachment(json::Element attachment) {
    PostedAlert found;
    for (std::string_view field : {"title", "fallback", "pretext", "text"}) {
        if (auto a = alert_from_title(first_line(str(attachment, field)))) {
            found = *a;
            break;
        }
    }
    if (found.key.empty()) {
        std::string_view title = trim(str(attachment, "title"));
        if (title.empty()) title = first_line(str(attachment, "fallback"));
        found.key = std::string(title);
    }
    bool has_region = false;
    if (auto fields = json::array_member(attachment, "fields")) {
        for (json::Element f : *fields) {
            std::string name = to_lower_ascii(trim(str(f, "title")));
            std::string_view value = trim(str(f, "value"));
            if (name == "status" || name == "state" || name == "new state" || name == "newstatevalue" ||
                name == "alarm state") {
                if (auto s = state_from_word(value); !s.empty()) {
                    found.state = s;
                    if (value == "ALARM" || value == "INSUFFICIENT_DATA") found.vendor = "cloudwatch";
                }
            } else if (name == "severity" || name == "priority") {
                found.severity = std::string(value);
            } else if (name == "region") {
                has_region = true;
            } else if ((name == "alarm name" || name == "alarmname") && !value.empty()) {
                found.key = std::string(value);
            }
        }
    }
    if (found.vendor.empty() && has_region) found.vendor = "cloudwatch";
    if (found.state.empty()) found.state = state_from_color(str(attachment, "color"));
    if (found.key.empty() || found.state.empty()) return std::nullopt;
    return found;
}

}  // namespace retro::ingest::slack
