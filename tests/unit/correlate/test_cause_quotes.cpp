// Issue 18 item 5: the sentences that say why it happened, quoted with who said them and when.
#include <catch2/catch.hpp>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

namespace {

std::vector<std::string> quoted(const Timeline& t) {
    std::vector<std::string> out;
    for (const CauseQuote& q : t.cause_quotes) out.push_back(q.initials + ": " + q.text);
    return out;
}

// The login incident of 2024-07-25 in a few events: an alert, people talking, the supplier's explanation.
std::vector<Event> login_incident() {
    return {
        alert("10:14:03", "login-errors", "firing"),
        message("10:20", "Rachel Cooper", "users cannot log in to the website"),
        message("10:25", "Sam Brown", "We're fixing the logging cluster, it's probably caused by the disk filling up."),
        email("11:37", "Collections Systems Support",
              "Sierra API issue resolved\nThe API issue appears to be resolved. Please let us know if you cannot "
              "log in.\nFrom the supplier: \"D&T Networks made a change on the network to resolve another issue, "
              "and it appears that III needed to restart the API junction to pick up the change.\""),
        alert("11:40:00", "login-errors", "resolved"),
    };
}

}  // namespace

TEST_CASE("the sentences that say why are quoted, the most cause words first, with who said them and when") {
    const Timeline t = run(login_incident());
    CHECK(quoted(t) == std::vector<std::string>{
                           "CSS: D&T Networks made a change on the network to resolve another issue, and it appears "
                           "that III needed to restart the API junction to pick up the change.",
                           "SB: We're fixing the logging cluster, it's probably caused by the disk filling up."});
    REQUIRE(t.cause_quotes.size() == 2);
    const CauseQuote& q = t.cause_quotes[0];
    CHECK(q.cues == std::vector<std::string>{"made a change", "needed to restart", "appears that"});
    CHECK(q.kind == EventKind::email);
    CHECK(q.actor_name == "Collections Systems Support");
    CHECK(q.time == at("2024-07-25T11:37:00Z"));
    CHECK(q.event_id == "email:<11:37@example.org>");
    CHECK(t.cause_quotes[1].channel == "incident");
    // The bytes of the sentence in the event's text, quotation marks and all: the renderer redacts it there.
    const std::vector<Event> incident = login_incident();
    const Event& mail = incident[3];
    CHECK(mail.text.substr(q.start, q.end - q.start).starts_with("\"D&T Networks"));
    CHECK(mail.text.substr(q.start, q.end - q.start).ends_with("the change.\""));
}

TEST_CASE("no cause word, no quote") {
    const Timeline t = run({alert("10:14:03", "login-errors", "firing"),
                            message("10:20", "Rachel Cooper", "users cannot log in. Looking into it."),
                            email("10:30", "Collections Systems Support", "Sierra down\nWe are looking into it.")});
    CHECK(t.cause_quotes.empty());
}

TEST_CASE("a quoted reply is not the new sender's words, a subject is no sentence, robots are not quoted") {
    Event robot = bot_message("10:22", "Deploy failed due to a timeout.");
    const Timeline t = run({
        alert("10:14:03", "login-errors", "firing"),
        message("10:20", "Nina Patel", "> it was caused by the firewall\nI doubt that, it is the login form."),
        email("10:30", "Ann Bee",
              "Outage caused by the firewall\nStill looking.\n\nOn Thu, Rachel Cooper wrote:\n> It is due to DNS."),
        robot,
    });
    CHECK(t.cause_quotes.empty());
}

TEST_CASE("a sentence said twice is quoted once, from whoever said it first") {
    const Timeline t = run({
        alert("10:14:03", "login-errors", "firing"),
        message("10:20", "Nina Patel", "It was caused by the firewall migration."),
        message("10:25", "Rachel Cooper", "it was caused by the firewall migration"),
    });
    CHECK(quoted(t) == std::vector<std::string>{"NP: It was caused by the firewall migration."});
}

TEST_CASE("words the incident shares rank equal cues, code blocks are nobody's explanation") {
    Event logs = message("10:26", "Gareth Evans", "the log says\nERROR: failed because of timeout\nsee above");
    const std::string block = "ERROR: failed because of timeout";
    logs.spans.push_back(Span{logs.text.find(block), logs.text.find(block) + block.size(), SpanType::pre, ""});
    const Timeline t = run({
        alert("10:14:03", "login-errors", "firing"),
        message("10:20", "Nina Patel", "Lunch is late because the van broke down."),
        message("10:22", "Rachel Cooper", "The login errors are due to the session store."),
        logs,
    });
    CHECK(quoted(t) == std::vector<std::string>{"RC: The login errors are due to the session store.",
                                                "NP: Lunch is late because the van broke down."});
}

TEST_CASE("cause words and the number of quotes come from the options") {
    CorrelateOptions options;
    options.cause_quotes = 1;
    CHECK(run(login_incident(), options).cause_quotes.size() == 1);
    options.cause_quotes = 0;
    CHECK(run(login_incident(), options).cause_quotes.empty());
    options.cause_quotes = 3;
    options.cause_words = {"Filling Up", " "};
    CHECK(
        quoted(run(login_incident(), options)) ==
        std::vector<std::string>{"SB: We're fixing the logging cluster, it's probably caused by the disk filling up."});
    options.cause_words = {};
    CHECK(run(login_incident(), options).cause_quotes.empty());
}
