// Diagnostics: formatting (`path:line:col: severity: message [code]`, DESIGN.md) and the collecting sink.
#include "retro/diagnostic.hpp"

#include <fmt/format.h>

#include "core/json_writer.hpp"
#include "core/text_utf8.hpp"

namespace retro {

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

Location locate(const Origin& origin, std::string_view bytes, std::size_t offset) {
    if (offset > bytes.size()) offset = bytes.size();
    std::uint64_t line = origin.line;
    std::uint64_t column = origin.column;
    for (std::size_t i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else if (bytes[i] == '\r') {
            // A lone CR ends a line too; CRLF counts once (at the LF).
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') {
                ++column;
                continue;
            }
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return Location{origin.name, line, column};
}

static std::string format_position(const Location& where) {
    if (where.line == 0) return where.file;
    if (where.column == 0) return fmt::format("{}:{}", where.file, where.line);
    return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

// File names and messages (which quote source text) are escaped: a line break or a terminal escape in
// either must not forge a diagnostic line or reach the terminal raw.
std::string format_text(const Diagnostic& d) {
    Location where = d.where;
    where.file = escape_controls(where.file);
    return fmt::format("{}: {}: {} [{}]", format_position(where), to_string(d.severity), escape_controls(d.message),
                       escape_controls(d.code));
}

std::string format_json(const Diagnostic& d) {
    std::string out;
    json::Writer w(out);
    w.begin_object();
    w.key("file").value(d.where.file);
    w.key("line").value(static_cast<std::uint64_t>(d.where.line));
    w.key("column").value(static_cast<std::uint64_t>(d.where.column));
    w.key("severity").value(to_string(d.severity));
    w.key("code").value(d.code);
    w.key("message").value(d.message);
    w.end_object();
    return out;
}

Diagnostics::Diagnostics(Printer printer, Format format, std::size_t per_code_limit)
    : m_printer(std::move(printer)), m_format(format), m_limit(per_code_limit) {}

void Diagnostics::report(Diagnostic d) {
    std::lock_guard lock(m_mutex);
    ++m_by_severity[static_cast<int>(d.severity)];
    auto it = m_by_code.find(d.code);
    if (it == m_by_code.end()) it = m_by_code.emplace(d.code, 0).first;
    ++it->second;
    if (it->second > m_limit) return;
    if (m_printer) m_printer(m_format == Format::json ? format_json(d) : format_text(d));
    m_kept.push_back(std::move(d));
}

void Diagnostics::error(std::string code, Location where, std::string message) {
    report({Severity::error, std::move(code), std::move(where), std::move(message)});
}
void Diagnostics::warning(std::string code, Location where, std::string message) {
    report({Severity::warning, std::move(code), std::move(where), std::move(message)});
}
void Diagnostics::note(std::string code, Location where, std::string message) {
    report({Severity::note, std::move(code), std::move(where), std::move(message)});
}

std::size_t Diagnostics::count(Severity s) const {
    std::lock_guard lock(m_mutex);
    return m_by_severity[static_cast<int>(s)];
}

std::size_t Diagnostics::total() const {
    std::lock_guard lock(m_mutex);
    return m_by_severity[0] + m_by_severity[1] + m_by_severity[2];
}

std::size_t Diagnostics::count(std::string_view code) const {
    std::lock_guard lock(m_mutex);
    auto it = m_by_code.find(code);
    return it == m_by_code.end() ? 0 : it->second;
}

std::vector<Diagnostic> Diagnostics::all() const {
    std::lock_guard lock(m_mutex);
    return m_kept;
}

std::vector<Diagnostic> Diagnostics::take() {
    std::lock_guard lock(m_mutex);
    std::vector<Diagnostic> out;
    out.swap(m_kept);
    return out;
}

void Diagnostics::finish() {
    std::lock_guard lock(m_mutex);
    if (m_finished) return;
    m_finished = true;
    for (const auto& [code, n] : m_by_code) {
        if (n <= m_limit || !m_printer) continue;
        Diagnostic d{Severity::note, "diagnostics.limit", {"retro"},
                     fmt::format("{} more diagnostics [{}] not shown", n - m_limit, code)};
        m_printer(m_format == Format::json ? format_json(d) : format_text(d));
    }
}

}  // namespace retro
