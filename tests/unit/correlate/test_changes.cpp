// Issue 17: changes in the lead-up and the window, weighed by what points at them (correlate/changes.cpp).
#include <catch2/catch.hpp>

#include "make_events.hpp"

using namespace retro;
using namespace retro::test;

namespace {

const ChangeCandidate* candidate(const Timeline& t, const Event& e) {
    for (const auto& c : t.changes)
        if (c.entry.event_ids.front() == e.id) return &c;
    return nullptr;
}

const Milestone* milestone(const Timeline& t, std::string_view name) {
    for (const auto& m : t.milestones)
        if (m.name == name) return &m;
    return nullptr;
}

std::uint64_t dropped(const Timeline& t, const std::string& reason) {
    auto it = t.ledger.dropped.find(reason);
    return it == t.ledger.dropped.end() ? 0 : it->second;
}

}  // namespace

TEST_CASE("lead-up changes: the named one and the last one are shown, the rest listed and counted") {
    Event old = change("2024-07-22T09:00:00Z", "ann", "merged #6500 Old work", ChangeAction::merged, "acme/web", 6500);
    Event named = change("2024-07-24T09:00:00Z", "bob", "merged #6583 Cardigan", ChangeAction::merged, "acme/web", 6583);
    Event quiet = change("2024-07-24T12:00:00Z", "cat", "merged #6590 Footer", ChangeAction::merged, "acme/web", 6590);
    Event run_ok = change("2024-07-24T12:30:00Z", "ci", "run finished", ChangeAction::run_finished, "acme/web", 77);
    Event last = change("2024-07-24T16:05:00Z", "dan", "merged #6601 Banner", ChangeAction::merged, "acme/web", 6601);
    Event report = message("10:00", "Nina Patel", "users cannot log in");
    Event fire = alert("10:14:03", "login-errors", "firing");
    Event blame = message("10:20", "Rachel Cooper", "could it be #6583?");
    auto t = run({old, named, quiet, run_ok, last, report, fire, blame});

    CHECK(lines(t) == std::vector<std::string>{"09:00 B merged #6583 Cardigan", "16:05 D merged #6601 Banner",
                                               "10:00 NP users cannot log in", "10:14 login-errors",
                                               "10:20 RC could it be #6583?"});
    REQUIRE(t.changes.size() == 3);  // newest first; the unnamed run is no suspect, the old one is before the lead-up
    CHECK(t.changes[0].entry.event_ids.front() == last.id);
    CHECK(t.changes[0].reasons == std::vector<std::string>{"17 hours before the first signal"});
    CHECK(t.changes[1].entry.event_ids.front() == quiet.id);
    CHECK_FALSE(t.changes[1].shown);
    CHECK(t.changes[1].reasons == std::vector<std::string>{"in the lead-up"});
    CHECK(t.changes[2].reasons == std::vector<std::string>{"named in the discussion"});
    CHECK(t.changes[2].shown);
    CHECK(t.entries[0].lead_up);
    CHECK_FALSE(candidate(t, old));
    // The changes shown do not start the incident, and take part in nothing.
    REQUIRE(milestone(t, "started"));
    CHECK(milestone(t, "started")->evidence == std::vector<std::string>{report.id});
    CHECK(t.participants.size() == 2);
    CHECK(dropped(t, "change nothing pointed at (lead-up or window)") == 2);  // the quiet merge, the run
    CHECK(dropped(t, "outside the window") == 1);                             // before the lead-up
    CHECK(t.ledger.balances());
}

TEST_CASE("a message naming a change minutes after it announces it: one happening led by the change") {
    Event merge = change("2024-07-25T09:58:10Z", "rcooper", "merged #12 Revert the login form", ChangeAction::merged,
                         "acme/web", 12);
    Event announce = message("10:01", "Rachel Cooper", "merged https://github.com/acme/web/pull/12, watching");
    Event later = message("10:30", "Nina Patel", "was it https://github.com/acme/web/pull/12?");
    Event outcome = message("10:05", "Nina Patel", "#12 is deployed and fixed in stage");  // what came of it
    Event fire = alert("10:00:30", "login-errors", "firing");
    auto t = run({merge, announce, later, fire, outcome});
    REQUIRE(t.entries.size() == 4);
    CHECK(t.entries[0].event_ids == std::vector<std::string>{merge.id, announce.id});
    CHECK(t.entries[0].text == "merged #12 Revert the login form");
    CHECK(t.entries[2].event_ids == std::vector<std::string>{outcome.id});  // names it, but says no "merged"
    CHECK(t.entries[3].event_ids == std::vector<std::string>{later.id});    // 32 minutes later: its own line
    CHECK(dropped(t, "merged into another record of the same happening") == 1);
}

TEST_CASE("the person who made a change saying they did it announces it, without naming it") {
    Event revert = change("2024-07-25T10:42:31Z", "rcooper", "merged #11052 Revert the sign-in form",
                          ChangeAction::merged, "acme/web", 11052);
    revert.actor.name = "Rachel Cooper";
    Event fire = alert("10:30:00", "login-errors", "firing");
    Event said = message("10:42", "Rachel Cooper", "I've reverted the last PR in case it affected the API errors");
    Event other = message("10:43", "Nina Patel", "I reverted the CDN config too");        // not the change's author
    Event off_topic = message("10:44", "Rachel Cooper", "looking at the logs now");        // no word of merging
    Event late = message("11:10", "Rachel Cooper", "the revert did not help");              // 28 minutes after
    auto t = run({fire, said, revert, other, off_topic, late});
    REQUIRE(t.entries.size() == 5);
    CHECK(t.entries[1].event_ids == std::vector<std::string>{revert.id, said.id});
    CHECK(t.entries[1].text == said.text);  // in the author's words
    REQUIRE(t.entries[1].change);
    CHECK(t.entries[1].change->number == 11052);  // with the change's link
    CHECK(dropped(t, "merged into another record of the same happening") == 1);
    CHECK(t.ledger.balances());
}

TEST_CASE("a change whose title says what the discussion is about is a suspect, common words are not enough") {
    Event cause = change("2024-07-25T07:07:00Z", "dana", "merged web#8249: Remove the toggle for the date picker",
                         ChangeAction::merged, "acme/web", 8249);
    Event common = change("2024-07-25T07:30:00Z", "gus", "merged web#8250: Fix the page for all users",
                          ChangeAction::merged, "acme/web", 8250);
    Event bump = change("2024-07-25T08:31:00Z", "jo", "merged web#8251: Bump next from 12.2.0 to 12.2.3",
                        ChangeAction::merged, "acme/web", 8251);
    Event report = message("10:00", "Nina Patel", "the date picker is broken, users cannot load the page");
    auto t = run({cause, common, bump, report});
    const ChangeCandidate* c = candidate(t, cause);
    REQUIRE(c);
    CHECK(c->shown);
    CHECK(c->reasons == std::vector<std::string>{"its title matches the discussion (\"date picker\")"});
    REQUIRE(candidate(t, common));
    CHECK_FALSE(candidate(t, common)->shown);  // "page" and "users" are in both, but no two in a row
    REQUIRE(candidate(t, bump));
    CHECK(candidate(t, bump)->shown);  // the last change before the first signal
}

TEST_CASE("with --from, the minutes before the first signal count from the first signal, not from --from") {
    Event merge = change("2024-07-25T09:58:00Z", "rcooper", "merged #6583 Cardigan", ChangeAction::merged, "acme/web",
                         6583);
    Event fire = alert("10:14:00", "login-errors", "firing");
    CorrelateOptions o;
    o.from = at("2024-07-25T10:00:00Z");
    o.until = at("2024-07-25T12:00:00Z");
    auto t = run({merge, fire}, o);
    REQUIRE(candidate(t, merge));
    CHECK(candidate(t, merge)->reasons == std::vector<std::string>{"16 minutes before the first signal"});
}

TEST_CASE("a commit named by its short id, and the newest three changes to a service the alerts name") {
    std::vector<Event> events;
    for (int h = 1; h <= 5; ++h)
        events.push_back(change("2024-07-24T0" + std::to_string(h) + ":00:00Z", "ann", "deploy " + std::to_string(h),
                                ChangeAction::deployed, "acme/catalogue-api"));
    events.push_back(change("2024-07-24T06:00:00Z", "bob", "tidy", ChangeAction::committed, "acme/docs", 0,
                            "9f3e2d1c0b4a59687766554433221100ffeeddcc"));
    events.push_back(change("2024-07-24T07:00:00Z", "cat", "unrelated", ChangeAction::merged, "acme/website", 40));
    events.push_back(alert("10:14:03", "catalogue-api-prod-5xx-alarm", "firing"));
    events.push_back(message("10:20", "Rachel Cooper", "9f3e2d1 changed the docs only, right?"));
    auto t = run(events);
    auto shown = [&](const Event& e) {
        auto c = candidate(t, e);
        return c && c->shown;
    };
    CHECK_FALSE(shown(events[0]));
    CHECK_FALSE(shown(events[1]));
    CHECK(shown(events[2]));
    CHECK(shown(events[3]));
    CHECK(shown(events[4]));
    CHECK(candidate(t, events[4])->reasons ==
          std::vector<std::string>{"same service as the alerts (catalogue-api)"});
    CHECK(shown(events[5]));
    CHECK(candidate(t, events[5])->reasons == std::vector<std::string>{"named in the discussion", "same service as the messages (docs)"});
    CHECK(shown(events[6]));  // the last change before the first signal
    CHECK(candidate(t, events[6])->reasons == std::vector<std::string>{"27 hours before the first signal"});
}

TEST_CASE("inside the window: deploys, merges and rollbacks are shown, a rollback is the mitigation") {
    Event fire = alert("10:00:00", "login-errors", "firing");
    Event report = message("10:02", "Nina Patel", "login is broken");
    Event run_done = change("2024-07-25T10:05:00Z", "ci", "run finished", ChangeAction::run_finished, "acme/web", 9);
    Event deploy = change("2024-07-25T10:10:00Z", "ann", "deploy to production", ChangeAction::deployed, "acme/web");
    Event rollback = change("2024-07-25T10:20:00Z", "ann", "rolled back to v41", ChangeAction::rolled_back, "acme/web");
    Event clear = alert("10:30:00", "login-errors", "resolved");
    auto t = run({fire, report, run_done, deploy, rollback, clear});
    CHECK(lines(t) == std::vector<std::string>{"10:00 login-errors", "10:02 NP login is broken",
                                               "10:10 A deploy to production", "10:20 A rolled back to v41"});
    REQUIRE(milestone(t, "mitigated"));
    CHECK(milestone(t, "mitigated")->method == "rollback recorded");
    CHECK(milestone(t, "mitigated")->evidence == std::vector<std::string>{rollback.id});
    CHECK(dropped(t, "change nothing pointed at (lead-up or window)") == 1);
    CHECK(t.ledger.balances());
}
