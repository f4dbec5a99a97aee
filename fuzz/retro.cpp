// Fuzz target: bytes → retro reader → lint rules, and the retro and notes ingesters. Checks that findings
// point inside the input and that event texts are valid UTF-8 with spans inside them.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text_utf8.hpp"
#include "ingest/event_collector.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "lint/linter.hpp"

namespace {

void check_events(retro::ingest::EventCollector& sink) {
    for (const retro::Event& e : sink.take_sorted()) {
        if (!retro::is_valid_utf8(e.text)) std::abort();
        for (const retro::Span& s : e.spans) {
            if (s.start >= s.end || s.end > e.text.size()) std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::size_t lines = 1;
    for (char c : bytes) lines += c == '\n';
    for (const auto& f : retro::lint::lint_retro(bytes, "fuzz.md", retro::LintConfig{})) {
        if (f.line > lines) std::abort();
    }
    retro::IngestOptions options;
    options.day_hint = retro::LocalDateTime{2024, 7, 25};
    retro::Diagnostics diags([](const std::string&) {});
    {
        retro::ingest::EventCollector sink;
        retro::ingest::parse_retro(bytes, {"fuzz.md"}, {options, diags, sink});
        check_events(sink);
    }
    {
        retro::ingest::EventCollector sink;
        retro::ingest::parse_notes(bytes, {"fuzz.md"}, {options, diags, sink});
        check_events(sink);
    }
    return 0;
}
