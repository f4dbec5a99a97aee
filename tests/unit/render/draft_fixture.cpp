#include "draft_fixture.hpp"

#include <stdexcept>

#include "ingest/event_collector.hpp"
#include "render/draft.hpp"
#include "retro/ingest.hpp"
#include "test_support.hpp"

namespace retro::test {

Instant utc(const char* iso) {
    auto t = parse_iso8601(iso);
    if (!t) throw std::invalid_argument(iso);
    return *t;
}

render::DraftOptions london_options() {
    render::DraftOptions o;
    o.tz = *TimeZone::find("Europe/London");
    o.retro_held = "2024-07-26";
    return o;
}

namespace {

TimelineEntry message(const char* time, const char* initials, const char* name, std::string text, const char* id) {
    TimelineEntry e;
    e.time = utc(time);
    e.kind = EventKind::message;
    e.source_kind = "slack";
    e.medium = Medium::chat;
    e.channel = "wc-incident";
    e.initials = initials;
    e.actor_name = name;
    e.text = std::move(text);
    e.event_ids = {id};
    return e;
}

// A later e-mail from the sender of `first`, with the initials [people] gives them.
TimelineEntry css_mail(const TimelineEntry& first, const char* time, std::string text, const char* id) {
    TimelineEntry e = first;
    e.time = utc(time);
    e.initials = "CSS";
    e.text = std::move(text);
    e.event_ids = {id};
    return e;
}

TimelineEntry alert(const char* time, const char* text, const char* id) {
    TimelineEntry e;
    e.time = utc(time);
    e.kind = EventKind::alert;
    e.source_kind = "slack";
    e.medium = Medium::chat;
    e.channel = "wc-platform-alerts";
    e.text = text;
    e.event_ids = {id};
    AlertGroup g;
    g.key = text;
    g.channel = "wc-platform-alerts";
    g.first = g.last = e.time;
    g.count = 1;
    g.event_ids = {id};
    g.posted_in_chat = true;
    e.group = g;
    return e;
}

}  // namespace

std::string draft_of_folder(const std::string& dir) {
    IngestOptions options;
    Diagnostics diags = quiet_diagnostics();
    ingest::EventCollector sink;
    read_sources({dir}, {options, diags, sink});
    Timeline timeline = correlate(sink.take_sorted(), CorrelateOptions{}, sink.dropped(), diags);
    render::DraftOptions draft_options;
    draft_options.retro_held = "2024-07-26";
    return render::render_draft(timeline, draft_options).markdown;
}

Timeline seed_like_timeline() {
    Timeline t;
    t.entries.push_back(message("2024-07-25T09:00:30Z", "NP", "Natalie Pollecutt",
                                "mentioned Sierra and CALM issues in stand up", "notes:standup#L3"));
    TimelineEntry mail;
    mail.time = utc("2024-07-25T09:14:00Z");
    mail.kind = EventKind::email;
    mail.source_kind = "mbox";
    mail.medium = Medium::mail;
    mail.channel = "inbox";
    mail.actor_name = "Collections Systems Support";
    mail.text = "Restart laptops if you cannot reach Sierra\n\nDear all, …";
    mail.event_ids = {"email:<css-1@wellcome.example>"};
    t.entries.push_back(mail);

    TimelineEntry orders =
        alert("2024-07-25T10:14:05Z", "platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-orders",
              "slack:C02/1721902445.000100");
    orders.continuations.push_back(alert("2024-07-25T10:14:06Z",
                                         "platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-items",
                                         "slack:C02/1721902446.000100"));
    t.entries.push_back(orders);

    TimelineEntry api = alert("2024-07-25T10:22:00Z", "Catalogue API errors", "slack:C02/1721902920.000100");
    api.group->last = utc("2024-07-25T11:17:40Z");
    api.group->count = 5;
    api.group->event_ids.push_back("slack:C02/1721906260.000100");
    t.entries.push_back(api);

    t.entries.push_back(css_mail(mail, "2024-07-25T10:24:00Z",
                                 "RE: Restart laptops if you cannot reach Sierra\nWe are still working on the Sierra "
                                 "desktop client issue. In the meantime users can log in to the browser version.",
                                 "email:<css-2@wellcome.example>"));

    t.entries.push_back(message("2024-07-25T10:36:12Z", "RC", "Rachel Cooper",
                                "@weco_devs starting a chat here; Logging in is down, and we're having issues with "
                                "the Catalogue API",
                                "slack:C01/1721903772.000000"));

    const std::string logging = "We're fixing the logging issue, it's probably caused by the cluster running out of storage.";
    t.entries.push_back(message("2024-07-25T10:44:00Z", "SB", "Sam Brown", logging, "slack:C01/1721904240.000000"));

    TimelineEntry status;
    status.time = utc("2024-07-25T10:45:00Z");
    status.kind = EventKind::status;
    status.source_kind = "statuspage";
    status.medium = Medium::alerting;
    status.status = StatusInfo{"wellcomecollection.org", "investigating"};
    status.text = "Users cannot log in";
    status.event_ids = {"statuspage:upd-1"};
    t.entries.push_back(status);

    const std::string debug =
        "debugging out loud\nhttps://api.wellcomecollection.org/catalogue/v2/works/xswz3swa/items\n"
        "it's getting\n{\n\"httpStatus\": 403,\n\"label\": \"Invalid API key\"\n}";
    TimelineEntry rc = message("2024-07-25T11:06:00Z", "RC", "Rachel Cooper", debug, "slack:C01/1721905560.000000");
    const std::size_t pre = debug.find("{");
    rc.spans = {Span{pre, debug.size(), SpanType::pre, ""}};
    t.entries.push_back(rc);

    const TimelineEntry resolved =
        css_mail(mail, "2024-07-25T11:37:00Z",
                 "Sierra API issue resolved\nThe API issue appears to be resolved.\nFrom the supplier: \"D&T Networks "
                 "made a change on the network, and it appears that III needed to restart the API junction.\"",
                 "email:<css-3@wellcome.example>");
    t.entries.push_back(resolved);

    t.entries.push_back(message("2024-07-25T12:06:00Z", "SB", "Sam Brown", "Logging cluster is back up and running",
                                "slack:C01/1721909160.000000"));

    // As the correlator quotes them: the sentence's bytes in its entry's text, the quotation marks left out.
    const std::size_t supplier = resolved.text.find("\"D&T");
    t.cause_quotes = {
        CauseQuote{"D&T Networks made a change on the network, and it appears that III needed to restart the API "
                   "junction.",
                   {"made a change", "needed to restart", "appears that"}, resolved.time, EventKind::email, "", "CSS",
                   "Collections Systems Support", resolved.event_ids.front(), supplier, resolved.text.size()},
        CauseQuote{logging, {"caused by"}, utc("2024-07-25T10:44:00Z"), EventKind::message, "wc-incident", "SB",
                   "Sam Brown", "slack:C01/1721904240.000000", 0, logging.size()},
    };

    for (const TimelineEntry& e : t.entries) {
        if (e.group) t.groups.push_back(*e.group);
        for (const TimelineEntry& c : e.continuations) t.groups.push_back(*c.group);
    }
    t.window = IncidentWindow{utc("2024-07-25T09:00:00Z"), utc("2024-07-25T13:06:00Z"), "cluster 1 of 1"};
    t.milestones = {
        Milestone{"reported", utc("2024-07-25T09:00:30Z"), {"notes:standup#L3"}, "first human report"},
        Milestone{"detected", utc("2024-07-25T10:14:05Z"), {"slack:C02/1721902445.000100"}, "first alert"},
        Milestone{"status_opened", utc("2024-07-25T10:45:00Z"), {"statuspage:upd-1"}, "status update"},
        Milestone{"resolved", utc("2024-07-25T12:06:00Z"), {"slack:C01/1721909160.000000"}, "keyword rule: back up"},
    };
    t.metrics = {
        Metric{"alert_after_report", std::chrono::seconds(74 * 60), "reported", "detected"},
        Metric{"time_to_resolve", std::chrono::seconds(186 * 60), "reported", "resolved"},
    };
    t.participants = {Participant{"NP", "Natalie Pollecutt", 1}, Participant{"RC", "Rachel Cooper", 2},
                      Participant{"SB", "Sam Brown", 1}};
    t.discussion_channel = "wc-incident";
    t.discussion_link = "https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609";
    t.title_hint = "users cannot login to their accounts on wellcomecollection.org";
    return t;
}

}  // namespace retro::test
