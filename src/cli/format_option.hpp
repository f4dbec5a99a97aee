// `--format NAME` over a format table (core/format_table.hpp): CLI11 accepts exactly the rows' names, the
// help lists what each row writes, and the command runs with the row looked up by name.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/format_table.hpp"

namespace retro::cli {

// "Output format: A, B, or C" from the rows' help texts, in table order.
std::string format_option_help(const std::vector<std::string_view>& helps);

// Adds `--format` to `command`, storing the chosen name in `value` (its default stays as set).
template <class Row>
CLI::Option* add_format_option(CLI::App& command, std::string& value, std::span<const Row> rows) {
    std::vector<std::string_view> helps;
    for (const Row& row : rows) helps.push_back(row.help);
    return command.add_option("--format", value, format_option_help(helps))
        ->check(CLI::IsMember(format_names(rows)));
}

[[noreturn]] void throw_unknown_format(std::string_view name);

// The row named `name`. Throws retro::Error for a name not in the table (add_format_option lets none through).
template <class Row>
const Row& chosen_format(std::span<const Row> rows, std::string_view name) {
    if (const Row* row = find_format(rows, name)) return *row;
    throw_unknown_format(name);
}

}  // namespace retro::cli
