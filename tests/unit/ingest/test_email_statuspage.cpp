// Statuspage notification mail: detection tables on realistic samples written for these tests (the format
// is documented as unverified in input-formats.md §5.5), and the status event built from one.
#include <catch2/catch.hpp>

#include "ingest/email/statuspage_mail.hpp"
#include "ingest/email_test_helpers.hpp"
#include "test_support.hpp"

using retro::ingest::email::detect_statuspage_mail;

namespace {

const char* const footer =
    "\n"
    "You received this email because you are subscribed to Wellcome Collection "
    "notifications.\n"
    "Manage your subscription: https://status.wellcomecollection.org/?unsubscribe=x1\n"
    "Powered by Atlassian Statuspage\n";

}  // namespace

TEST_CASE("Statuspage notifications are recognised tolerantly") {
    struct Row {
        const char* name;
        std::string subject, from_name, from_address, body;
        bool is_status;
        std::string page, incident, state, update, url;
    };
    const Row rows[] = {
        {"resolved, earlier updates below", "[Wellcome Collection] Library account login problems",
         "Wellcome Collection Status", "noreply@statuspage.io",
         std::string("Library account login problems\n\n"
                     "Resolved - This incident has been resolved.\nJul 25, 11:39 UTC\n\n"
                     "Investigating - We are investigating problems logging in to library accounts.\n"
                     "Jul 25, 10:45 UTC\n\n"
                     "View incident: https://status.wellcomecollection.org/incidents/8d2k1x0q7b3m\n") +
             footer,
         true, "Wellcome Collection", "Library account login problems", "resolved", "This incident has been resolved.",
         "https://status.wellcomecollection.org/incidents/8d2k1x0q7b3m"},
        {"an Update takes the state of the latest status below it",
         "[Wellcome Collection] Library account login problems", "Wellcome Collection Status", "noreply@statuspage.io",
         std::string("Update - We are continuing to work on a fix.\nJul 25, 11:05 UTC\n"
                     "Identified - The issue is with the library system's API.\nJul 25, 10:58 UTC\n"
                     "Investigating - We are investigating.\nJul 25, 10:45 UTC\n") +
             footer,
         true, "Wellcome Collection", "Library account login problems", "identified",
         "We are continuing to work on a fix.", ""},
        {"`New incident: Investigating` with the text on the next line, a custom sender and a shortlink",
         "[Wellcome Collection] Login problems", "Wellcome Collection", "status@wellcomecollection.org",
         "New incident: Investigating\nWe are looking into reports of login failures.\nJul 25, 10:45 UTC\n"
         "https://stspg.io/abc123\n",
         true, "Wellcome Collection", "Login problems", "investigating",
         "We are looking into reports of login failures.", "https://stspg.io/abc123"},
        {"forwarded notification, prefixes stripped", "Fwd: [Wellcome Collection] Login problems", "Natalie P",
         "np@wellcomecollection.org",
         "---------- Forwarded message ---------\nFrom: Wellcome Collection Status <noreply@statuspage.io>\n\n"
         "Monitoring - A fix has been implemented and we are monitoring the results.\nJul 25, 11:30 UTC\n",
         true, "Wellcome Collection", "Login problems", "monitoring",
         "A fix has been implemented and we are monitoring the results.", ""},
        {"state in the subject only", "[Wellcome Collection] Resolved: Login problems", "Wellcome Collection Status",
         "noreply@statuspage.io", std::string("All systems are operating normally.\n") + footer, true,
         "Wellcome Collection", "Login problems", "resolved", "", ""},
        {"a tracker's bracketed subject is not a status page", "[JIRA] (LIB-12) Login broken", "Jira",
         "jira@example.atlassian.net",
         "Someone changed the status of LIB-12.\nThe ticket was moved along.\n\nResolved - fixed in build 1234\n",
         false, "", "", "", "", ""},
        {"a person's mail is not a status page", "Re: Sierra", "Collections Systems Support", "css@example.org",
         "Resolved - the API junction was restarted.\n", false, "", "", "", "", ""},
        {"a notification with no status at all", "[Wellcome Collection] Scheduled maintenance",
         "Wellcome Collection Status", "noreply@statuspage.io",
         std::string("Scheduled - We will be performing maintenance.\nJul 27, 08:00 UTC\n") + footer, false, "", "", "",
         "", ""},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        auto got = detect_statuspage_mail(row.subject, row.from_name, row.from_address, row.body);
        REQUIRE(got.has_value() == row.is_status);
        if (!got) continue;
        CHECK(got->page == row.page);
        CHECK(got->incident == row.incident);
        CHECK(got->state == row.state);
        CHECK(got->update == row.update);
        CHECK(got->url == row.url);
    }
}

TEST_CASE("a Statuspage notification becomes a status event") {
    auto diags = retro::test::quiet_diagnostics();
    auto event =
        retro::test::email::parse(std::string("From: Wellcome Collection Status <noreply@statuspage.io>\n"
                                              "To: np@wellcomecollection.org\n"
                                              "Subject: [Wellcome Collection] Library account login problems\n"
                                              "Date: Thu, 25 Jul 2024 11:39:12 +0000\n"
                                              "Message-ID: <sp-resolved-1@statuspage.io>\n"
                                              "\n"
                                              "Resolved - This incident has been resolved.\nJul 25, 11:39 UTC\n"
                                              "https://status.wellcomecollection.org/incidents/8d2k1x0q7b3m\n") +
                                      footer,
                                  diags, {"mbox", "css-mail", {}, {}});
    REQUIRE(event);
    CHECK(event->kind == retro::EventKind::status);
    CHECK(event->status == retro::StatusInfo{"Wellcome Collection", "resolved"});
    CHECK(event->id == "email:<sp-resolved-1@statuspage.io>");
    CHECK(event->time == retro::test::email::utc(2024, 7, 25, 11, 39, 12));
    CHECK(event->text ==
          "[Wellcome Collection] Library account login problems\nResolved - This incident has been resolved.");
    CHECK(event->links == std::vector<std::string>{"https://status.wellcomecollection.org/incidents/8d2k1x0q7b3m"});
    CHECK(event->flags.bot);
    CHECK(event->actor.email == "noreply@statuspage.io");
    CHECK(diags.all().empty());
}
