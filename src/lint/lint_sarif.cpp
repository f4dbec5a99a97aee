// `retro lint --format sarif`: OASIS SARIF 2.1.0 (errata 01), as GitHub code scanning reads it. Columns are
// given in Unicode code points (`columnKind: unicodeCodePoints`), ours being byte columns inside. Each rule
// carries `helpUri` (code scanning refuses an upload whose helpUri is not an absolute URI, so it is one) and
// `help` (the --explain text, which code scanning shows beside an alert); each result carries
// `partialFingerprints` so an alert survives lines added above it.
#include "lint/lint_sarif.hpp"

#include <cctype>
#include <cstdint>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "core/json_writer.hpp"
#include "lint/lint_output.hpp"
#include "retrodoc/retro_document.hpp"

#ifndef RETRO_DOCS_URL
#define RETRO_DOCS_URL "file:///usr/share/doc/retro"
#endif

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

// A path as a URI path: '/'-separated, with characters outside RFC 3986's unreserved and path set
// percent-encoded.
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

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL) {
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

// The line with runs of white space as one space and none at the ends: re-indenting keeps a fingerprint.
std::string collapse_space(std::string_view line) {
    std::string out;
    bool pending = false;
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

std::int64_t rule_index(std::string_view rule_id) {
    std::int64_t index = 0;
    for (const Rule& r : rules()) {
        if (r.id == rule_id) return index;
        ++index;
    }
    return -1;
}

}  // namespace

std::string rule_help_uri(const Rule& rule) {
    return fmt::format("{}/lint.md#{}", RETRO_DOCS_URL, retrodoc::github_slug(fmt::format("{} {}", rule.id, rule.name)));
}

std::vector<std::string> line_fingerprints(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    std::map<std::pair<std::string, std::uint64_t>, int> seen;  // (file, hash) → findings so far
    for (const Finding& f : findings) {
        if (f.line == 0) {
            out.emplace_back();
            continue;
        }
        const std::uint64_t hash = fnv1a64(collapse_space(f.source_line), fnv1a64(f.rule_id + '\n'));
        const int rank = ++seen[{f.file, hash}];
        out.push_back(fmt::format("{:016x}:{}", hash, rank));
    }
    return out;
}

std::string artifact_uri(std::string_view path, const std::filesystem::path& cwd) {
    namespace fs = std::filesystem;
    if (path == "<stdin>" || path == "-") return path_to_uri(path);
    fs::path p = fs::path(path).lexically_normal();
    if (p.is_relative()) {
        const std::string text = p.generic_string();
        if (text != ".." && !text.starts_with("../")) return path_to_uri(text);
        if (cwd.empty()) return path_to_uri(text);
        p = (cwd / p).lexically_normal();
    }
    if (!cwd.empty()) {
        const fs::path below = p.lexically_relative(cwd);
        const std::string text = below.generic_string();
        if (!below.empty() && text != "." && text != ".." && !text.starts_with("../")) return path_to_uri(text);
    }
    return "file://" + path_to_uri(p.generic_string());
}

std::string format_sarif(const std::vector<Finding>& findings, std::string_view version) {
    std::error_code ec;
    std::filesystem::path cwd = std::filesystem::current_path(ec);
    if (ec) cwd.clear();
    const std::vector<std::string> fingerprints = line_fingerprints(findings);

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
        w.key("helpUri").value(rule_help_uri(r));
        w.key("help").begin_object().key("text").value(r.explanation).key("markdown").value(r.explanation).end_object();
        w.key("defaultConfiguration").begin_object().key("level").value(sarif_level(r.severity)).end_object();
        w.end_object();
    }
    w.end_array();
    w.end_object().end_object();  // driver, tool
    w.key("columnKind").value("unicodeCodePoints");
    w.key("results").begin_array();
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        w.begin_object();
        w.key("ruleId").value(f.rule_id);
        w.key("ruleIndex").value(rule_index(f.rule_id));
        w.key("level").value(sarif_level(f.severity));
        w.key("message").begin_object().key("text").value(f.message).end_object();
        w.key("locations").begin_array().begin_object();
        w.key("physicalLocation").begin_object();
        w.key("artifactLocation").begin_object().key("uri").value(artifact_uri(f.file, cwd)).end_object();
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
        if (!fingerprints[i].empty()) {
            w.key("partialFingerprints").begin_object().key("retroLineHash/v1").value(fingerprints[i]).end_object();
        }
        w.end_object();
    }
    w.end_array();
    w.end_object().end_array();  // run, runs
    w.end_object();
    out += '\n';
    return out;
}

}  // namespace retro::lint
