// `retro events --format timesketch`: Timesketch's JSONL fields, exactly.
#include <catch2/catch.hpp>

#include "render/timesketch.hpp"

using namespace retro;

TEST_CASE("events become Timesketch JSONL lines", "[render][timesketch]") {
    Event m;
    m.id = "slack:C01FBFSDLUA/1721903772.248609";
    m.time = *parse_iso8601("2024-07-25T10:36:12.248609Z");
    m.kind = EventKind::message;
    m.source = SourceRef{"slack", "", Medium::chat, "export.zip!/wc-incident/2024-07-25.json", 14};
    m.channel = "wc-incident";
    m.actor = Actor{"U01", "Rachel Cooper", "RC", ""};
    m.text = "Logging in is down";
    m.links = {"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903772248609"};
    std::string out;
    render::write_timesketch_json(m, out);
    CHECK(out ==
          R"({"message":"Rachel Cooper: Logging in is down","datetime":"2024-07-25T10:36:12.248609Z",)"
          R"("timestamp_desc":"Message Posted","timestamp":1721903772248609,"data_type":"retro:event:message",)"
          R"("retro_id":"slack:C01FBFSDLUA/1721903772.248609","precision":"exact","event_kind":"message",)"
          R"("source_kind":"slack","origin":"export.zip!/wc-incident/2024-07-25.json","origin_line":14,)"
          R"("channel":"wc-incident","actor_name":"Rachel Cooper","actor_initials":"RC","actor_id":"U01",)"
          R"("text":"Logging in is down","url":"https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903772248609"})"
          "\n");

    Event a;
    a.id = "cloudwatch:identity-api-prod-5xx-alarm/ALARM@2024-07-25T10:19:00.000Z";
    a.time = *parse_iso8601("2024-07-25T10:19:00Z");
    a.kind = EventKind::alert;
    a.source = SourceRef{"cloudwatch", "cloudwatch", Medium::alerting, "<stdin>", 0};
    a.alert = AlertInfo{"identity-api-prod-5xx-alarm", "", "firing", "", ""};
    out.clear();
    render::write_timesketch_json(a, out);
    CHECK(out == R"({"message":"identity-api-prod-5xx-alarm firing","datetime":"2024-07-25T10:19:00.000000Z",)"
                 R"("timestamp_desc":"Alert Firing","timestamp":1721902740000000,"data_type":"retro:event:alert",)"
                 R"("retro_id":"cloudwatch:identity-api-prod-5xx-alarm/ALARM@2024-07-25T10:19:00.000Z",)"
                 R"("precision":"exact","event_kind":"alert","source_kind":"cloudwatch","vendor":"cloudwatch",)"
                 R"("origin":"<stdin>","alert_key":"identity-api-prod-5xx-alarm","alert_state":"firing"})"
                 "\n");
}
