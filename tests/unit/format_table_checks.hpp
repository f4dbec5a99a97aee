// The checks every output-format table passes (core/format_table.hpp), for the table tests of each stage.
#pragma once

#include <catch2/catch.hpp>

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/format_table.hpp"

namespace retro::test {

// The rows are `names` in that order (the default first), the names unique, every row found by its name and
// described, and a name outside the table found nowhere.
template <class Row>
void check_format_table(std::span<const Row> rows, const std::vector<std::string>& names) {
    CHECK(format_names(rows) == names);
    std::set<std::string_view> seen;
    for (const Row& row : rows) {
        CHECK(seen.insert(row.name).second);
        CHECK(find_format(rows, row.name) == &row);
        CHECK_FALSE(row.help.empty());
    }
    CHECK(find_format(rows, "no-such-format") == nullptr);
}

}  // namespace retro::test
