// Mail a machine sent is marked `flags.bot` (issue 18 item 2: notification e-mails from GitHub and CI robots,
// list mail and auto-replies are not timeline lines); a person's mail is not.
#include <catch2/catch.hpp>

#include "email_test_helpers.hpp"

using namespace retro;
using namespace retro::test::email;

namespace {

std::string mail(std::string from, std::string extra_headers) {
    return "From: " + from + "\nTo: team@example.org\nSubject: Re: the API is down\n" +
           "Date: Thu, 24 Feb 2022 10:03:13 +0000\nMessage-ID: <1@example.org>\n" + extra_headers +
           "\nThe API is back.\n";
}

}  // namespace

TEST_CASE("automated mail is marked bot, a person's is not", "[email][automated]") {
    struct Row {
        const char* what;
        std::string bytes;
        bool bot;
    };
    const std::vector<Row> rows = {
        {"a person", mail("Paul Butler <p.butler@example.org>", ""), false},
        {"a person replying to a list thread keeps no list header", mail("Ann Lee <ann@example.org>", "Cc: x@y\n"),
         false},
        {"GitHub notification in a person's name", mail("Paul Butler <notifications@github.com>", ""), true},
        {"X-GitHub-Reason", mail("Paul Butler <p@example.org>", "X-GitHub-Reason: mention\n"), true},
        {"a list", mail("Stewart Smith <stewart@example.org>", "List-Id: <notmuch.notmuchmail.org>\n"), true},
        {"List-Unsubscribe", mail("News <news@example.org>", "List-Unsubscribe: <mailto:u@example.org>\n"), true},
        {"Precedence: bulk", mail("Ops <ops@example.org>", "Precedence: bulk\n"), true},
        {"Auto-Submitted: auto-replied", mail("Ann Lee <ann@example.org>", "Auto-Submitted: auto-replied\n"), true},
        {"Auto-Submitted: no", mail("Ann Lee <ann@example.org>", "Auto-Submitted: no\n"), false},
        {"a CI robot's address", mail("Buildkite <builds@buildkite.com>", ""), true},
        {"no-reply", mail("Service <No-Reply@example.org>", ""), true},
        {"a local part that only contains a robot word", mail("Notify Me <notify.me@example.org>", ""), false},
    };
    for (const Row& row : rows) {
        SECTION(row.what) {
            Diagnostics diags;
            auto e = parse(row.bytes, diags);
            REQUIRE(e);
            CHECK(e->kind == EventKind::email);
            CHECK(e->flags.bot == row.bot);
        }
    }
}

TEST_CASE("a subject tagged with the name of the list it was sent to is list mail", "[email][automated]") {
    auto sent = [](std::string to, std::string subject) {
        return "From: \"Carl Worth\" <cworth@cworth.org>\nTo: " + to + "\nSubject: " + subject +
               "\nDate: Tue, 17 Nov 2009 18:04:31 -0800\nMessage-ID: <2@example.org>\n\nA patch.\n";
    };
    struct Row {
        const char* what;
        std::string bytes;
        bool bot;
    };
    const std::vector<Row> rows = {
        {"Mailman's prefix, as notmuch's list mail has it",
         sent("notmuch@notmuchmail.org", "[notmuch] [PATCH 1/2] Close message file"), true},
        {"a reply keeps the prefix after Re:", sent("Notmuch@notmuchmail.org", "Re: [NotMuch] archive"), true},
        {"a tag that is no recipient's name", sent("team@example.org", "[EXTERNAL] the API is down"), false},
        {"a tag not at the start", sent("notmuch@notmuchmail.org", "about [notmuch] archive"), false},
        {"an empty tag", sent("notmuch@notmuchmail.org", "[] archive"), false},
        {"an unclosed tag", sent("notmuch@notmuchmail.org", "[notmuch archive"), false},
    };
    for (const Row& row : rows) {
        SECTION(row.what) {
            Diagnostics diags;
            auto e = parse(row.bytes, diags);
            REQUIRE(e);
            CHECK(e->flags.bot == row.bot);
        }
    }
}
