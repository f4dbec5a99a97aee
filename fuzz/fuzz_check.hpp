// Shared by the fuzz targets: the checks every event must pass, a sink applying them, and an Input over
// the fuzzer's bytes. A failed check calls std::abort(), which libFuzzer reports as a crash with the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/text_utf8.hpp"
#include "io/byte_streams.hpp"
#include "io/open_input.hpp"
#include "retro/event_json.hpp"
#include "retro/ingest.hpp"

namespace retro::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Diagnostics that print nothing (the fuzzer would spend its time writing them).
inline Diagnostics quiet_diagnostics() {
    return Diagnostics([](const std::string&) {});
}

inline bool is_utf8_boundary(std::string_view text, std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

// Reports which check failed, with the event as written, and aborts (libFuzzer saves the input).
[[noreturn]] inline void fail(const char* what, const Event& e, const std::string& more = {}) {
    std::fprintf(stderr, "fuzz check failed: %s\nevent: %s\n%s\n", what, to_json_line(e).c_str(), more.c_str());
    std::abort();
}

// Every event: an id, valid UTF-8 text and names, spans inside the text on character boundaries, and
// the retro.event/1 writer → reader → writer round trip giving the same line.
inline void check_event(const Event& e) {
    if (e.id.empty()) fail("no id", e);
    if (!is_valid_utf8(e.text) || !is_valid_utf8(e.actor.name) || !is_valid_utf8(e.channel)) fail("UTF-8", e);
    for (const Span& s : e.spans) {
        if (s.start > s.end || s.end > e.text.size()) fail("span out of range", e);
        if (!is_utf8_boundary(e.text, s.start) || !is_utf8_boundary(e.text, s.end)) fail("span splits a character", e);
    }
    const std::string line = to_json_line(e);
    if (!is_valid_utf8(line)) fail("JSON line is not UTF-8", e);
    std::string why;
    Diagnostics diags([&why](const std::string& message) { why += message + "\n"; });
    Event again;
    if (!read_event_json(line, {"again"}, diags, again)) fail("the reader rejects the line", e, why);
    if (to_json_line(again) != line) fail("the round trip changes the line", e, "again: " + to_json_line(again));
}

// An EventSink that checks each event as it arrives and keeps nothing.
class CheckingSink final : public EventSink {
public:
    void add(Event&& event) override {
        check_event(event);
        ++m_events;
    }
    void drop(std::string_view, std::uint64_t) override {}
    std::size_t events() const { return m_events; }

private:
    std::size_t m_events = 0;
};

// The bytes as an ingester sees a file: the first io::head_size bytes in Input::head, the rest streamed.
inline Input memory_input(std::string_view bytes, std::string name = "fuzz") {
    Input input;
    input.name = std::move(name);
    const std::size_t head = bytes.size() < io::head_size ? bytes.size() : io::head_size;
    input.head = std::string(bytes.substr(0, head));
    input.stream = std::make_unique<io::MemoryStream>(std::string(bytes.substr(head)));
    return input;
}

}  // namespace retro::fuzz
