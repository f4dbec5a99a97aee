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

TEST_CASE("lead-up changes: the named one is shown, the rest listed and counted") {
    Event old = change("2024-07-22T09:00:00Z", "ann", "merged #6500 Old work", ChangeAction::merged, "acme/web", 6500);
    Event named = change("2024-07-24T09:00:00Z", "bob", "merged #6583 Cardigan", ChangeAction::merged, "acme/web", 6583);
    Event quiet = change("2024-07-24T12:00:00Z", "cat", "merged #6590 Footer", ChangeAction::merged, "acme/web", 6590);
    Event run_ok = change("2024-07-24T12:30:00Z", "ci", "run finished", ChangeAction::run_finished, "acme/web", 77);
    Event last = change("2024-07-24T16:05:00Z", "dan", "merged #6601 Banner", ChangeAction::merged, "acme/web", 6601);
    Event report = message("10:00", "Nina Patel", "users cannot log in");
    Event fire = alert("10:14:03", "login-errors", "firing");
    Event blame = message("10:20", "Rachel Cooper", "could it be #6583?");
    auto t = run({old, named, quiet, run_ok, last, report, fire, blame});

    // The discussion named #6583: the last merge before the first signal is no suspect for being last.
    CHECK(lines(t) == std::vector<std::string>{"09:00 B merged #6583 Cardigan", "10:00 NP users cannot log in",
                                               "10:14 login-errors", "10:20 RC could it be #6583?"});
    REQUIRE(t.changes.size() == 3);  // newest first; the unnamed run is no suspect, the old one is before the lead-up
    CHECK(t.changes[0].entry.event_ids.front() == last.id);
    CHECK_FALSE(t.changes[0].shown);
    CHECK(t.changes[0].reasons == std::vector<std::string>{"in the lead-up"});
    CHECK(t.changes[1].entry.event_ids.front() == quiet.id);
    CHECK_FALSE(t.changes[1].shown);
    CHECK(t.changes[2].reasons == std::vector<std::string>{"named in the discussion"});
    CHECK(t.changes[2].shown);
    CHECK(t.entries[0].lead_up);
    CHECK_FALSE(candidate(t, old));
    // The changes shown do not start the incident, and take part in nothing.
    REQUIRE(milestone(t, "started"));
    CHECK(milestone(t, "started")->evidence == std::vector<std::string>{report.id});
    CHECK(t.participants.size() == 2);
    CHECK(dropped(t, "change nothing pointed at (lead-up or window)") == 3);  // the quiet merges, the run
    CHECK(dropped(t, "outside the window") == 1);                             // before the lead-up
    CHECK(t.ledger.balances());
}

TEST_CASE("with nothing named, the last change before the first signal is shown, a deploy with its last merge") {
    Event merge = change("2024-07-24T16:00:00Z", "ann", "merged #6583 Cardigan", ChangeAction::merged, "acme/web", 6583);
    Event earlier = change("2024-07-24T12:00:00Z", "cat", "merged #6580 Footer", ChangeAction::merged, "acme/web", 6580);
    Event deploy = change("2024-07-25T09:44:00Z", "ci", "experience-deploy-prod build #110 passed (main)",
                          ChangeAction::deployed, "experience-deploy-prod", 110);
    Event report = message("10:00", "Nina Patel", "users cannot log in");
    auto t = run({earlier, merge, deploy, report});
    REQUIRE(candidate(t, deploy));
    CHECK(candidate(t, deploy)->shown);
    CHECK(candidate(t, deploy)->reasons == std::vector<std::string>{"16 minutes before the first signal"});
    REQUIRE(candidate(t, merge));
    CHECK(candidate(t, merge)->shown);
    CHECK(candidate(t, merge)->reasons == std::vector<std::string>{"the last merge before that deploy"});
    REQUIRE(candidate(t, earlier));
    CHECK_FALSE(candidate(t, earlier)->shown);
    // A merge that is itself the last change brings nothing with it.
    auto only_merges = run({earlier, merge, report});
    CHECK(candidate(only_merges, merge)->shown);
    CHECK_FALSE(candidate(only_merges, earlier)->shown);
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
    CHECK_FALSE(candidate(t, bump)->shown);  // the last change before the first signal, but the discussion named one
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

TEST_CASE("a commit named by its short id is shown, changes to a service the alerts name are listed with why") {
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
    for (int k = 0; k < 5; ++k) CHECK_FALSE(shown(events[k]));
    CHECK(candidate(t, events[4])->reasons ==
          std::vector<std::string>{"same service as the alerts (catalogue-api)"});
    CHECK(shown(events[5]));
    CHECK(candidate(t, events[5])->reasons == std::vector<std::string>{"named in the discussion", "same service as the messages (docs)"});
    CHECK_FALSE(shown(events[6]));  // the last change before the first signal, but the discussion named a commit
    CHECK(candidate(t, events[6])->reasons == std::vector<std::string>{"in the lead-up"});
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

TEST_CASE("a change a later revert names by its title is a suspect, a host name is no service's name") {
    Event moved = change("2024-07-23T15:12:00Z", "rc", "merged web.org#11041: Move the sign-in form",
                         ChangeAction::merged, "acme/web.org", 11041);
    Event banner = change("2024-07-24T16:05:00Z", "lb", "merged web.org#11048: Add the banner", ChangeAction::merged,
                          "acme/web.org", 11048);
    Event revert = change("2024-07-25T10:42:00Z", "rc", "merged web.org#11052: Revert \"Move the sign-in form\"",
                          ChangeAction::merged, "acme/web.org", 11052);
    Event report = message("10:00", "Nina Patel", "login fails, bots hit api.web.org directly");
    auto t = run({moved, banner, report, revert});
    REQUIRE(candidate(t, moved));
    CHECK(candidate(t, moved)->shown);
    CHECK(candidate(t, moved)->reasons == std::vector<std::string>{"reverted by #11052"});
    REQUIRE(candidate(t, banner));
    CHECK_FALSE(candidate(t, banner)->shown);  // the last before the first signal, but a suspect is named
    CHECK(candidate(t, banner)->reasons == std::vector<std::string>{"in the lead-up"});  // api.web.org is the API
    CHECK(candidate(t, revert)->shown);  // in the window
}
