// read → collect → correlate, shared by `timeline` and `draft`: what ingest dropped and the duplicates
// removed reach the ledger.
#include <catch2/catch.hpp>

#include "cli/correlate_sources.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::cli;

TEST_CASE("a source read twice: each event once, the copies counted as duplicates", "[cli][pipeline]") {
    Session session(Diagnostics::Format::text);
    const std::string path = test::source_path("samples/2024-07-25-login/sns-copies.ndjson");

    const Timeline once = correlate_sources({path}, session, 0);
    CHECK(once.ledger.input == 2);
    CHECK(once.ledger.not_events.empty());

    const Timeline twice = correlate_sources({path, path}, session, 0);
    CHECK(twice.ledger.input == 2);
    CHECK(twice.ledger.not_events == std::map<std::string, std::uint64_t>{
                                         {"duplicate id (the same record read twice)", 2}});
    CHECK(session.diags.all().empty());
}
