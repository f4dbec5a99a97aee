// Alerts posted into Slack (input-formats.md §2e): a bot post whose attachment or text shows an alert
// name and a state becomes `kind: alert`, so the correlator can match it against alarm logs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/json_dom.hpp"

namespace retro::ingest::slack {

struct PostedAlert {
    std::string key;     // alarm / alert name as the post shows it
    std::string state;   // firing | resolved | acknowledged | unknown
    std::string vendor;  // cloudwatch, alertmanager, grafana, pagerduty… or "" when the post does not say
    std::string severity;
};

// The alert one legacy attachment describes: a state from a `Status`/`State` field, a title pattern
// (`ALARM: "name" in …`, `CloudWatch Alarm | name | …`, `[FIRING:1] name`, `[Alerting] name`,
// `Triggered: name`) or the colour (danger → firing, good → resolved). std::nullopt when it shows none.
std::optional<PostedAlert> alert_from_attachment(json::Element attachment);

// The alert a bot post's own first text line shows, by the title patterns above only.
std::optional<PostedAlert> alert_from_text(std::string_view plain_text);

// "ALARM" → firing, "OK" → resolved, "INSUFFICIENT_DATA" → unknown, "CLEARED", "critical"…; "" when
// the word is no state.
std::string state_from_word(std::string_view word);

}  // namespace retro::ingest::slack
