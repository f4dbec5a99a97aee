// [correlate] in retro.toml: the keys the correlator reads beyond the intervals (noise rules, ack words,
// keyword rules, milestone pins, alert aliases, cause words).
#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "test_support.hpp"

using namespace retro;

TEST_CASE("correlate config: noise rules, ack words, keywords, milestone pins and alert aliases") {
    auto diags = test::quiet_diagnostics();
    const Config c = parse_config(R"(
[correlate]
group_interval_minutes = 5
noise_rules = []
ack_words = ["roger", "ta"]
cause_words = ["knock-on", "caused by"]
cause_quotes = 5

[correlate.keywords]
mitigated = ["failed over"]

[correlate.milestones]
started = "2024-07-25T10:00"

[correlate.alert_aliases]
"Catalogue API errors" = "catalogue-api-prod-5xx-alarm"
)",
                                  "retro.toml", diags);
    CHECK(test::texts(diags).empty());
    CHECK(c.correlate.group_interval_minutes == 5);
    REQUIRE(c.correlate.noise_rules);
    CHECK(c.correlate.noise_rules->empty());  // present and empty: every rule off
    CHECK(c.correlate.ack_words == std::vector<std::string>{"roger", "ta"});
    CHECK(c.correlate.cause_words == std::vector<std::string>{"knock-on", "caused by"});
    CHECK(c.correlate.cause_quotes == 5);
    CHECK(c.correlate.keywords.at("mitigated") == std::vector<std::string>{"failed over"});
    CHECK(c.correlate.milestones.at("started") == "2024-07-25T10:00");
    CHECK(c.correlate.alert_aliases.at("Catalogue API errors") == "catalogue-api-prod-5xx-alarm");
}

TEST_CASE("correlate config: absent lists stay absent, bad values are errors") {
    auto diags = test::quiet_diagnostics();
    Config c = parse_config("[correlate]\ntail_minutes = 30\n", "retro.toml", diags);
    CHECK_FALSE(c.correlate.noise_rules);
    CHECK_FALSE(c.correlate.ack_words);
    CHECK_FALSE(c.correlate.cause_words);
    CHECK_FALSE(c.correlate.cause_quotes);
    c = parse_config("[correlate.milestones]\nstarted = 5\n[correlate.alert_aliases]\nx = 1\n", "r.toml", diags);
    CHECK(test::texts(diags) ==
          std::vector<std::string>{
              "r.toml:4:5: error: [correlate.alert_aliases] values should be alert keys [config.bad-value]",
              "r.toml:2:11: error: [correlate.milestones] values should be times (\"2024-07-25T11:33\") "
              "[config.bad-value]"});
}
