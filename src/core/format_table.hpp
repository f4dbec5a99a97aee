// Output-format tables: one row per format, `{name, help, the function that writes it}` (the rows of
// render/event_formats.hpp, render/timeline_formats.hpp, lint/lint_formats.hpp). The CLI builds `--format`'s
// choices and help from a table and dispatches on the row it looks up, so a format is added in one place.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace retro {

// The row named `name`, or nullptr.
template <class Row>
const Row* find_format(std::span<const Row> rows, std::string_view name) {
    for (const Row& row : rows) {
        if (row.name == name) return &row;
    }
    return nullptr;
}

// The rows' names, in table order.
template <class Row>
std::vector<std::string> format_names(std::span<const Row> rows) {
    std::vector<std::string> names;
    for (const Row& row : rows) names.emplace_back(row.name);
    return names;
}

}  // namespace retro
