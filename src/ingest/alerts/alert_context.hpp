// Shared vocabulary of the alert ingesters (input-formats.md §2–§5): the JSON text a value sits in (a
// record, or JSON embedded in one of its strings), and a field reader that reports wrong-typed fields at
// `file:line:col` and marks the record as skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "core/json_dom.hpp"
#include "retro/diagnostic.hpp"
#include "retro/event.hpp"
#include "retro/ingest.hpp"

namespace retro::ingest::alerts {

// A JSON text being read: the framed record, or a document decoded from a string inside another text
// (the SNS `Message`). Positions inside an embedded text are reported as the outer string's position plus
// `(in Message, offset N)`.
class JsonText {
public:
    JsonText(std::string_view text, const Origin& origin) : m_text(text), m_origin(&origin) {}
    JsonText(std::string_view text, const JsonText& outer, std::string outer_path, std::string name)
        : m_text(text),
          m_origin(outer.m_origin),
          m_outer(&outer),
          m_outer_path(std::move(outer_path)),
          m_name(std::move(name)) {}

    std::string_view text() const { return m_text; }
    const Origin& origin() const { return *m_origin; }
    // The location of byte `offset`, and the suffix to append to a message about it.
    Location at_offset(std::size_t offset, std::string& suffix) const;
    // The location of the member key (or value, for array steps) at `path`, such as `.Records[0].Sns`.
    Location at_path(std::string_view path, std::string& suffix) const;

private:
    std::string_view m_text;
    const Origin* m_origin;
    const JsonText* m_outer = nullptr;
    std::string m_outer_path;
    std::string m_name;
};

// simdjson parsers for embedded documents, one per nesting depth (a parsed element lives until its
// parser parses again).
struct EmbeddedParsers {
    simdjson::dom::parser levels[3];
};

struct AlertContext {
    const IngestOptions& options;
    Diagnostics& diags;
    EventSink& sink;
    EmbeddedParsers& parsers;
};

// "a number", "an object"… for wrong-type messages.
std::string_view describe_type(json::Element e);

// Reads fields of one record for one vendor (its row's name). A wrong-typed field is an error
// `<vendor>.bad-field` at the field, and marks the record failed: the caller skips it.
class FieldReader {
public:
    FieldReader(AlertContext& ctx, const JsonText& text, std::string_view vendor)
        : m_ctx(ctx), m_text(text), m_vendor(vendor) {}

    // A string member: empty when absent or null; another type fails the record.
    std::string_view string(json::Element obj, std::string_view obj_path, std::string_view key);
    // A string or number member as text (ids written either way); objects and arrays fail the record.
    std::string scalar(json::Element obj, std::string_view obj_path, std::string_view key);
    // An object member, as an element.
    std::optional<json::Element> object(json::Element obj, std::string_view obj_path, std::string_view key);
    std::optional<json::Array> array(json::Element obj, std::string_view obj_path, std::string_view key);
    // An ISO 8601 time with an offset. Absent: std::nullopt, quietly. Unreadable or wrong-typed: an error
    // (`<vendor>.bad-time`/`.bad-field`) and the record fails. `raw` receives the text as written.
    std::optional<Instant> iso_time(json::Element obj, std::string_view obj_path, std::string_view key,
                                    std::string* raw = nullptr);
    // An epoch number or numeric string, in `unit` (or by magnitude when `unit` is empty).
    std::optional<Instant> epoch_time(json::Element obj, std::string_view obj_path, std::string_view key,
                                      std::optional<EpochUnit> unit, std::string* raw = nullptr);

    bool failed() const { return m_failed; }
    // Reports at `path` (within this text) with `<vendor>.<code>`; errors fail the record.
    void report(Severity severity, std::string_view code, std::string_view path, std::string message);

    AlertContext& context() { return m_ctx; }
    const JsonText& text() const { return m_text; }
    std::string_view vendor() const { return m_vendor; }

private:
    void wrong_type(std::string_view path, std::string_view key, std::string_view expected, json::Element found);

    AlertContext& m_ctx;
    const JsonText& m_text;
    std::string_view m_vendor;
    bool m_failed = false;
};

// The member `key` of `e` when it is an object (quietly std::nullopt otherwise).
std::optional<json::Element> object_element(json::Element e, std::string_view key);
// The string at `path` (`.incident.title`), or empty.
std::string_view string_at(json::Element e, std::string_view path);

// `obj_path` + "." + key.
std::string member_path(std::string_view obj_path, std::string_view key);
// `array_path` + "[i]".
std::string element_path(std::string_view array_path, std::size_t index);

// A new alert event of `vendor` from `text`'s record: source, channel (the alert system), kind `alert`.
Event make_alert_event(std::string_view vendor, const JsonText& text);

// Event text from parsed JSON strings: already valid UTF-8 (simdjson validates every string), so only a
// `\u0000` escape needs repair_utf8 (which removes NULs).
std::string clean_text(std::string text);

// "2024-07-25T10:14:03.123Z": an instant truncated to the millisecond (CloudWatch ids).
std::string format_utc_ms(Instant t);

}  // namespace retro::ingest::alerts
