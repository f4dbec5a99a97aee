// The incident's title (issue 18 item 7): the status page incident, else the first report by a person that
// says what users see, else the alert whose key reads most like words, else the discussion channel's topic;
// cleaned (no URL, mention or emoji) and cut to at most 80 characters at a sentence end or word boundary.
// Targets are titles of published Wellcome retros ("search not available", "home page and what's on not
// available", "cannot search works and images").
#include <catch2/catch.hpp>

#include "correlate/incident_title.hpp"
#include "make_events.hpp"

using namespace retro;
using namespace retro::test;
using namespace retro::correlation;

TEST_CASE("words that say what users see") {
    struct Row {
        const char* text;
        bool impact;
    };
    const std::vector<Row> rows = {
        {"Works API down. Concepts and Content APIs okay", true},
        {"users are telling us they can't log in on the web site", true},
        {"users are telling us they can’t log in", true},  // a typographic apostrophe
        {"is the home page borked? It's showing lots of json", true},
        {"Getting 50x for the collection search", true},
        {"search gives me a 502", true},
        {"Search is not available", true},
        {"the catalogue API is timing out", true},
        {"Email to digital@ about the missing date picker", true},
        {"seeing errors coming from Elasticsearch", true},
        {"does slack have bots? e.g. incoming webhooks?", false},
        {"Anyone else going downtown to the NCTC meeting?", false},  // "downtown" is no "down"
        {"there is no drop down menu for readers to select the date", false},
        {"I just ran the user script", false},
        {"mentioned Sierra and CALM issues in stand up", false},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(says_impact(row.text) == row.impact);
    }
}

TEST_CASE("the sentence of a report that says the impact") {
    CHECK(impact_sentence("starting a chat here; Logging in is down, and we're having issues with the Catalogue API") ==
          "Logging in is down, and we're having issues with the Catalogue API");
    CHECK(impact_sentence("does anyone know? the site is down!\nlooking") == "the site is down!");
    CHECK(impact_sentence("Works API down. Concepts and Content APIs okay") == "Works API down.");
    CHECK(impact_sentence("no news here").empty());
}

TEST_CASE("alert keys: the fewer id-like words, the better they name the impact") {
    CHECK(id_like_words("Catalogue API errors") == 0);
    CHECK(id_like_words("catalogue-api-prod-5xx-alarm") == 1);
    CHECK(id_like_words("platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-orders") == 2);
    CHECK(id_like_words("[critical] Works API - HTTP check failed") == 0);
    CHECK(id_like_words("HighErrorRate job=api instance=10.0.0.1:9090") == 2);
}

TEST_CASE("a title is cleaned and cut to 80 characters, never mid-word") {
    struct Row {
        const char* text;
        const char* title;
    };
    const std::vector<Row> rows = {
        {"Search not available", "Search not available"},
        {"[Wellcome Collection] Home page and what's on not available", "Home page and what's on not available"},
        {"@here the site is down https://wellcomecollection.org/ :fire:", "the site is down"},
        {"hi all, users cannot search works and images 🔥", "users cannot search works and images"},
        {"Hey team - login is broken.", "login is broken"},
        {":x: Updown alert DOWN: Front End Works Search (https://updown.io/34bb) is down: 502 Bad Gateway",
         "Updown alert DOWN: Front End Works Search is down: 502 Bad Gateway"},
        // Too long: a sentence end, else a clause break, else a word boundary.
        {"Story page appearing then replaced by a 404. It happens on every story page from 2022 and some "
         "exhibitions",
         "Story page appearing then replaced by a 404"},
        {"Getting 50x for the collection search, and there are lots of errors in the alerts channel this morning",
         "Getting 50x for the collection search"},
        {"Email to digital@ about the missing date picker – could this be to do with the toggle removal from prod?",
         "Email to digital@ about the missing date picker"},
        {"increased rate of errors in searches on wellcomecollection.org while the elastic cluster upgrade runs",
         "increased rate of errors in searches on wellcomecollection.org while the elastic"},
        {"", ""},
        {"@here :fire:", ""},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        const std::string title = title_from(row.text);
        CHECK(title == row.title);
        CHECK(title.size() <= 4 * title_max_chars);
    }
}

TEST_CASE("mention spans are no words of a title") {
    const std::string text = "@Sam Brown users can't log in";
    CHECK(title_from(blank_mentions(text, {Span{0, 10, SpanType::mention, ""}})) == "users can't log in");
}

TEST_CASE("the incident is named by the status page, else a report, else an alert, else the topic") {
    Event status_update = status("10:30", "investigating");
    status_update.text = "[Wellcome Collection] Search is not available\nInvestigating - We are looking into it";
    Event lunch = message("10:00", "Ann Lee", "anyone for lunch?");
    Event report = message("10:02", "Ann Lee", "hi all, search gives me a 502 https://wellcomecollection.org/search");
    Event fire_ids = alert("10:01:00", "catalogue-api-prod-5xx-alarm", "firing");
    Event fire_words = alert("10:03:00", "Catalogue API errors", "firing");
    Event topic = system_message("09:00", "Ann Lee", "@Ann Lee set the channel topic: Search outage 26 Feb",
                                 SystemMessage::topic);
    Event chat = message("10:05", "Bob Ray", "looking");

    CHECK(run({lunch, fire_ids, report, fire_words, status_update}).title_hint == "Search is not available");
    CHECK(run({lunch, fire_ids, report, fire_words}).title_hint == "search gives me a 502");
    CHECK(run({lunch, fire_ids, fire_words}).title_hint == "Catalogue API errors");
    CHECK(run({topic, lunch, chat}).title_hint == "Search outage 26 Feb");
    CHECK(run({lunch, chat}).title_hint.empty());
}
