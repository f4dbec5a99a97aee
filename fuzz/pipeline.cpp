// Fuzz target for the whole pipeline, as `retro draft -` and `retro lint` run it: bytes → events (the
// ingester content detection picks, as if piped on stdin; then the bytes read as a retro and as notes
// too) → correlate → Markdown draft → lint. Every event must pass fuzz::check_event, the draft must be
// valid UTF-8, and lint must find no error in our own draft.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "ingest/detect.hpp"
#include "ingest/event_collector.hpp"
#include "ingest/retro/retro_ingester.hpp"
#include "lint/linter.hpp"
#include "render/draft.hpp"
#include "retro/timeline.hpp"

namespace {

// Checks each event, then hands it to the collector.
class CheckingCollector final : public retro::EventSink {
public:
    void add(retro::Event&& event) override {
        retro::fuzz::check_event(event);
        if (dump) std::fprintf(stderr, "%s\n", retro::to_json_line(event).c_str());
        collector.add(std::move(event));
    }
    void drop(std::string_view reason, std::uint64_t count) override { collector.drop(reason, count); }
    retro::ingest::EventCollector collector;
    // RETRO_FUZZ_DUMP=1: print every event (when replaying one input by hand).
    const bool dump = std::getenv("RETRO_FUZZ_DUMP") != nullptr;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = retro::fuzz::as_text(data, size);
    retro::Diagnostics diags = retro::fuzz::quiet_diagnostics();
    retro::IngestOptions options;
    options.limits.max_record_bytes = 1 << 20;
    options.limits.max_entry_bytes = 1 << 22;
    options.limits.max_file_bytes = 1 << 22;
    options.day_hint = retro::CalendarDate{2024, 7, 25};
    CheckingCollector sink;
    const retro::IngestContext context{options, diags, sink};

    retro::Input input = retro::io::open_bytes("<stdin>", std::string(bytes));
    if (const retro::Ingester* ingester = retro::detect_ingester(input)) ingester->ingest(input, context);
    retro::ingest::parse_retro(bytes, {"fuzz.md"}, context);
    retro::ingest::parse_notes(bytes, {"fuzz-notes.md"}, context);

    auto not_events = sink.collector.dropped();
    std::vector<retro::Event> events = sink.collector.take_sorted();
    retro::render::DraftOptions draft_options;
    // The retro is held on the day of the last event (lint's date-order rule wants it after the incident).
    draft_options.retro_held =
        events.empty() ? "2024-07-26" : retro::format_local_date(events.back().time, draft_options.tz);
    const retro::Timeline timeline = retro::correlate(std::move(events), retro::CorrelateOptions{}, not_events, diags);
    const retro::render::Draft draft = retro::render::render_draft(timeline, draft_options);
    if (!retro::is_valid_utf8(draft.markdown)) std::abort();

    bool error = false;
    for (const auto& f : retro::lint::lint_retro(draft.markdown, "draft.md", retro::LintConfig{})) {
        if (f.severity != retro::Severity::error) continue;
        std::fprintf(stderr, "lint error on our own draft: %s:%u:%u %s %s: %s\n", f.file.c_str(), f.line, f.column,
                     f.rule_id.c_str(), f.rule_name.c_str(), f.message.c_str());
        error = true;
    }
    if (error) {
        std::fputs("--- draft ---\n", stderr);
        std::fwrite(draft.markdown.data(), 1, draft.markdown.size(), stderr);
        std::fputs("--- end ---\n", stderr);
        std::abort();
    }
    return 0;
}
