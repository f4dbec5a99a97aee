// Fuzz target: bytes → retro reader → lint rules, and the retro and notes ingesters. Checks that findings
// point inside the input and that every event passes fuzz::check_event.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_check.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "lint/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = retro::fuzz::as_text(data, size);
    // Lines as CommonMark and markdownlint count them: LF, CR LF and a lone CR each end one.
    std::size_t lines = 1;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        lines += bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'));
    for (const auto& f : retro::lint::lint_retro(bytes, "fuzz.md", retro::LintConfig{})) {
        if (f.line > lines) std::abort();
    }
    retro::IngestOptions options;
    options.day_hint = retro::CalendarDate{2024, 7, 25};
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::fuzz::CheckingSink sink;
    retro::ingest::parse_retro(bytes, {"fuzz.md"}, {options, diags, sink});
    retro::ingest::parse_notes(bytes, {"fuzz.md"}, {options, diags, sink});
    return 0;
}
