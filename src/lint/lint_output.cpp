// Output formats. GitHub: "Workflow commands for GitHub Actions" (::error file=…,line=…,col=…,title=…::msg,
// with %, CR, LF escaped, and also ':' and ',' in properties). SARIF: OASIS SARIF 2.1.0 (errata 01); columns
// are given in Unicode code points (`columnKind: unicodeCodePoints`), ours being byte columns inside.
#include "lint/lint_output.hpp"

#include <cctype>

#include <fmt/format.h>

#include "core/json_writer.hpp"
#include "lint/rule.hpp"

namespace retro::lint {
namespace {

// Code points in the first `bytes` bytes of `line` (UTF-8 continuation bytes not counted).
std::size_t code_points_before(std::string_view line, std::size_t bytes) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes && i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
    }
    return n;
}

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

std::string_view sarif_level(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::note:
            return "note";
    }
    return "warning";
}

// A relative or absolute path as a URI reference: '/'-separated, with characters outside RFC 3986's
// unreserved and path set percent-encoded.
std::string path_to_uri(std::string_view path) {
    std::string out;
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == '!' || c == '$' ||
            c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' ||
            c == '@') {
            out += c;
        } else if (c == '\\') {
            out += '/';
        } else {
            out += fmt::format("%{:02X}", u);
        }
    }
    return out;
}

}  // namespace

std::string format_json(const std::vector<Finding>& findings, std::string_view) {
    std::string out;
    json::Writer w(out);
    w.begin_array();
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

std::string format_sarif(const std::vector<Finding>& findings, std::string_view version) {
    std::string out;
    json::Writer w(out);
    w.begin_object();
    w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    w.key("version").value("2.1.0");
    w.key("runs").begin_array().begin_object();
    w.key("tool").begin_object().key("driver").begin_object();
    w.key("name").value("retro");
    w.key("version").value(version);
    w.key("rules").begin_array();
    for (const Rule& r : rules()) {
        w.begin_object();
        w.key("id").value(r.id);
        w.key("name").value(r.name);
        w.key("shortDescription").begin_object().key("text").value(r.summary).end_object();
        w.key("fullDescription").begin_object().key("text").value(r.explanation).end_object();
        w.key("defaultConfiguration").begin_object().key("level").value(sarif_level(r.severity)).end_object();
        w.end_object();
    }
    w.end_array();
    w.end_object().end_object();  // driver, tool
    w.key("columnKind").value("unicodeCodePoints");
    w.key("results").begin_array();
    for (const Finding& f : findings) {
        std::int64_t index = 0;
        for (const Rule& r : rules()) {
            if (r.id == f.rule_id) break;
            ++index;
        }
        w.begin_object();
        w.key("ruleId").value(f.rule_id);
        w.key("ruleIndex").value(index);
        w.key("level").value(sarif_level(f.severity));
        w.key("message").begin_object().key("text").value(f.message).end_object();
        w.key("locations").begin_array().begin_object();
        w.key("physicalLocation").begin_object();
        w.key("artifactLocation").begin_object().key("uri").value(path_to_uri(f.file)).end_object();
        if (f.line > 0) {
            w.key("region").begin_object();
            w.key("startLine").value(static_cast<std::uint64_t>(f.line));
            if (f.column > 0) {
                w.key("startColumn")
                    .value(static_cast<std::uint64_t>(code_points_before(f.source_line, f.column - 1) + 1));
            }
            w.end_object();
        }
        w.end_object();  // physicalLocation
        w.end_object().end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object().end_array();  // run, runs
    w.end_object();
    out += '\n';
    return out;
}

std::string format_text(const Finding& f) {
    std::string out;
    if (f.line > 0) {
        out = fmt::format("{}:{}:{}: {}: {} [{} {}]\n", f.file, f.line, f.column, to_string(f.severity), f.message,
                          f.rule_id, f.rule_name);
    } else {
        out = fmt::format("{}: {}: {} [{} {}]\n", f.file, to_string(f.severity), f.message, f.rule_id, f.rule_name);
    }
    if (f.line > 0 && f.column > 0) {
        out += f.source_line;
        out += '\n';
        // Tabs are kept so the caret lines up however the terminal expands them.
        std::string caret;
        const std::size_t before = std::min<std::size_t>(f.column - 1, f.source_line.size());
        for (std::size_t i = 0; i < before; ++i) {
            const char c = f.source_line[i];
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
            caret += c == '\t' ? '\t' : ' ';
        }
        out += caret + "^\n";
    }
    return out;
}

}  // namespace retro::lint
