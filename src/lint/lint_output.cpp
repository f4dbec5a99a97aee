// Output formats. GitHub: "Workflow commands for GitHub Actions" (::error file=…,line=…,col=…,title=…::msg,
// with %, CR, LF escaped, and also ':' and ',' in properties). JSON: one `retro.lint/1` object. SARIF is in
// lint_sarif.cpp.
#include "lint/lint_output.hpp"

#include <fmt/format.h>

#include "core/json_writer.hpp"
#include "core/text_utf8.hpp"

namespace retro::lint {
namespace {

std::string github_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            case ':':
                out += property ? "%3A" : ":";
                break;
            case ',':
                out += property ? "%2C" : ",";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::string format_json(const std::vector<Finding>& findings, std::string_view) {
    std::string out;
    json::Writer w(out);
    w.begin_object();
    w.key("schema").value("retro.lint/1");
    w.key("findings").begin_array();
    for (const Finding& f : findings) {
        w.begin_object();
        w.key("file").value(f.file);
        w.key("line").value(static_cast<std::uint64_t>(f.line));
        w.key("column").value(static_cast<std::uint64_t>(f.column));
        w.key("severity").value(to_string(f.severity));
        w.key("rule").value(f.rule_id);
        w.key("name").value(f.rule_name);
        w.key("message").value(f.message);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
    return out;
}

std::string format_github(const std::vector<Finding>& findings, std::string_view) {
    std::string out;
    for (const Finding& f : findings) {
        const std::string_view command = f.severity == Severity::error     ? "error"
                                         : f.severity == Severity::warning ? "warning"
                                                                           : "notice";
        out += fmt::format("::{} file={}", command, github_escape(f.file, true));
        if (f.line > 0) out += fmt::format(",line={},col={}", f.line, f.column);
        out += fmt::format(",title={}::{}\n", github_escape(f.rule_id + " " + f.rule_name, true),
                           github_escape(f.message, false));
    }
    return out;
}

namespace {

// A retro's line as the text format quotes it: control bytes escaped as core's escape_controls writes
// them (an ESC in a file never reaches the terminal raw), tabs kept for the caret.
std::string shown_on_terminal(std::string_view line) {
    std::string out;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t');; tab = line.find('\t', start)) {
        out += escape_controls(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) break;
        out += '\t';
        start = tab + 1;
    }
    return out;
}

}  // namespace

std::string format_text(const Finding& f) {
    std::string out;
    if (f.line > 0) {
        out = fmt::format("{}:{}:{}: {}: {} [{} {}]\n", f.file, f.line, f.column, to_string(f.severity), f.message,
                          f.rule_id, f.rule_name);
    } else {
        out = fmt::format("{}: {}: {} [{} {}]\n", f.file, to_string(f.severity), f.message, f.rule_id, f.rule_name);
    }
    if (f.line > 0 && f.column > 0) {
        out += shown_on_terminal(f.source_line);
        out += '\n';
        // Tabs are kept so the caret lines up however the terminal expands them.
        std::string caret;
        const std::size_t before = std::min<std::size_t>(f.column - 1, f.source_line.size());
        for (const char c : shown_on_terminal(std::string_view(f.source_line).substr(0, before))) {
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
            caret += c == '\t' ? '\t' : ' ';
        }
        out += caret + "^\n";
    }
    return out;
}

}  // namespace retro::lint
