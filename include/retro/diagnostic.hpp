// Diagnostics: problems with input, reported as `path:line:col: severity: message [code]` and never thrown.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace retro {

enum class Severity { error, warning, note };

std::string_view to_string(Severity s);

// Where a record's bytes came from: a file path, an archive entry (`export.zip!/general/2024-07-25.json`) or
// `<stdin>`, and where the bytes start inside it. Parsers receive this with the bytes and never open files.
struct Origin {
    std::string name;
    std::uint64_t line = 1;    // 1-based line of the first byte handed to the parser
    std::uint64_t column = 1;  // 1-based byte column of the first byte on that line
};

// A position in an input. line/column 0 mean unknown (then only the file is printed).
struct Location {
    std::string file;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
};

// The location of byte `offset` of `bytes`, which start at `origin`.
Location locate(const Origin& origin, std::string_view bytes, std::size_t offset);

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;  // stable forever: `events.bad-json`, `slack.bad-ts`, `ingest.unknown-format`
    Location where;
    std::string message;
};

// "path:line:col: severity: message [code]".
std::string format_text(const Diagnostic& d);
// One JSON object: {"file","line","column","severity","code","message"}.
std::string format_json(const Diagnostic& d);

// Collects diagnostics from every stage. Thread-safe. Prints each as it arrives (unless muted), at most
// `per_code_limit` per code; the rest are counted and summarised by `finish()`.
class Diagnostics {
public:
    enum class Format { text, json };
    using Printer = std::function<void(const std::string&)>;

    Diagnostics() = default;
    explicit Diagnostics(Printer printer, Format format = Format::text, std::size_t per_code_limit = 100);

    void report(Diagnostic d);
    void error(std::string code, Location where, std::string message);
    void warning(std::string code, Location where, std::string message);
    void note(std::string code, Location where, std::string message);

    std::size_t count(Severity s) const;
    std::size_t count(std::string_view code) const;
    // Everything reported so far, of any severity (those past the limit included).
    std::size_t total() const;
    // Everything reported so far, in order (kept for tests and summaries).
    std::vector<Diagnostic> all() const;
    // Moves out what is kept so far (counts stay): for a stage that relays its diagnostics elsewhere.
    std::vector<Diagnostic> take();
    // Prints "note: N more … not shown" lines for codes past the limit.
    void finish();

private:
    mutable std::mutex m_mutex;
    Printer m_printer;
    Format m_format = Format::text;
    std::size_t m_limit = 100;
    std::vector<Diagnostic> m_kept;
    std::map<std::string, std::size_t, std::less<>> m_by_code;
    std::size_t m_by_severity[3] = {0, 0, 0};
    bool m_finished = false;
};

}  // namespace retro
