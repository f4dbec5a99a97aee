// The event: retro's one normalised record, `retro.event/1` (DESIGN.md). Every ingester produces these,
// every later stage consumes only these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retro/time.hpp"

namespace retro {

inline constexpr std::string_view event_schema = "retro.event/1";

enum class EventKind { message, alert, email, status, note };
enum class Precision { exact, minute, day };
enum class SpanType { code, pre, link, mention, bold, italic };

std::string_view to_string(EventKind k);
std::string_view to_string(Precision p);
std::string_view to_string(SpanType t);
std::optional<EventKind> parse_event_kind(std::string_view s);
std::optional<Precision> parse_precision(std::string_view s);
std::optional<SpanType> parse_span_type(std::string_view s);

struct SourceRef {
    std::string kind;    // a source kind: `slack`, `cloudwatch`, `mbox`, `retro`, `events`…
    std::string vendor;  // for alerts: `cloudwatch`, `alertmanager`… (may be empty)
    std::string origin;  // file, archive entry with `!/`, or `<stdin>`
    std::uint64_t line = 0;  // where the record starts; 0 = unknown (omitted)
    friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

struct Actor {
    std::string id, name, initials, email;
    bool empty() const { return id.empty() && name.empty() && initials.empty() && email.empty(); }
    friend bool operator==(const Actor&, const Actor&) = default;
};

// A byte range [start, end) of Event::text.
struct Span {
    std::size_t start = 0, end = 0;
    SpanType type = SpanType::link;
    std::string url;  // links only
    friend bool operator==(const Span&, const Span&) = default;
};

struct AlertInfo {
    std::string key;          // human-readable: alarm name, or alertname plus sorted labels
    std::string fingerprint;  // the vendor's id of the alert's label set, when it has one
    std::string state;        // firing | resolved | acknowledged | unknown
    std::string severity, service;
    friend bool operator==(const AlertInfo&, const AlertInfo&) = default;
};

struct StatusInfo {
    std::string page;
    std::string state;  // investigating | identified | monitoring | resolved
    friend bool operator==(const StatusInfo&, const StatusInfo&) = default;
};

struct Flags {
    bool pinned = false;
    std::vector<std::string> reactions;
    bool edited = false;
    bool bot = false;
    bool empty() const { return !pinned && reactions.empty() && !edited && !bot; }
    friend bool operator==(const Flags&, const Flags&) = default;
};

struct Provenance {
    std::string tz_assumed;     // the zone applied to a timestamp that carried none
    std::string time_fallback;  // which fallback gave the time: `received`, `mbox-from`, `maildir-name`…
    bool empty() const { return tz_assumed.empty() && time_fallback.empty(); }
    friend bool operator==(const Provenance&, const Provenance&) = default;
};

// One event. Empty strings, empty vectors and empty sub-objects are "absent" and are not written.
struct Event {
    std::string id;      // `<source kind>:<native id>[#<part>]`
    std::string record;  // the source record several events came from, when it differs from id
    Instant time{};
    std::string time_raw;
    Precision precision = Precision::exact;
    EventKind kind = EventKind::message;
    SourceRef source;
    std::string channel;
    Actor actor;
    std::string text;  // plain Unicode, valid UTF-8
    std::vector<Span> spans;
    std::optional<AlertInfo> alert;
    std::optional<StatusInfo> status;
    std::string thread;
    std::vector<std::string> links;
    Flags flags;
    Provenance provenance;
    friend bool operator==(const Event&, const Event&) = default;
};

// The stream order of DESIGN.md: (time, source kind, id).
bool event_order_less(const Event& a, const Event& b);

}  // namespace retro
