// GFM table rows (https://github.github.com/gfm/#tables-extension-): cmark-gfm says which lines are a
// table; the cells are cut from the raw line so their columns are exact.
#include "retrodoc/markdown_table.hpp"

namespace retro::retrodoc {
namespace {

TableCell trimmed_cell(std::string_view row, std::size_t start, std::size_t end) {
    while (start < end && (row[start] == ' ' || row[start] == '\t')) ++start;
    while (end > start && (row[end - 1] == ' ' || row[end - 1] == '\t')) --end;
    return TableCell{row.substr(start, end - start), start};
}

}  // namespace

std::vector<TableCell> split_table_row(std::string_view row) {
    std::vector<TableCell> cells;
    std::size_t start = 0;
    while (start < row.size() && (row[start] == ' ' || row[start] == '\t')) ++start;
    const bool leading_pipe = start < row.size() && row[start] == '|';
    if (leading_pipe) ++start;
    // As in GFM, a pipe splits cells even inside a code span; only `\|` does not.
    std::size_t i = start;
    while (i < row.size()) {
        if (row[i] == '\\' && i + 1 < row.size()) {
            i += 2;
            continue;
        }
        if (row[i] == '|') {
            cells.push_back(trimmed_cell(row, start, i));
            start = i + 1;
        }
        ++i;
    }
    const TableCell last = trimmed_cell(row, start, row.size());
    if (!last.text.empty() || cells.empty()) cells.push_back(last);
    return cells;
}

bool is_table_delimiter_row(const std::vector<TableCell>& cells) {
    if (cells.empty()) return false;
    for (const TableCell& cell : cells) {
        std::string_view t = cell.text;
        if (t.starts_with(':')) t.remove_prefix(1);
        if (t.ends_with(':')) t.remove_suffix(1);
        if (t.empty()) return false;
        for (char c : t)
            if (c != '-') return false;
    }
    return true;
}

}  // namespace retro::retrodoc
