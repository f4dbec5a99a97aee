// The event: retro's one normalised record, `retro.event/1` (DESIGN.md). Every ingester produces these,
// every later stage consumes only these.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "retro/packed_text.hpp"
#include "retro/time.hpp"

namespace retro {

inline constexpr std::string_view event_schema = "retro.event/1";

enum class EventKind : std::uint8_t { message, alert, email, status, note, change };
enum class Precision : std::uint8_t { exact, minute, day };
// `attachment`: the title of a file attached to the message, on a line of the text that names the file and
// nothing else ("file: items 403 (items-403.png)"); its `url` is the file's https permalink when the source has
// one (src/core/attachment_lines.hpp).
enum class SpanType { code, pre, link, mention, bold, italic, attachment };
// What an event came through. Later stages ask this, never the source kind or vendor, so a new source of a
// known medium (Teams is chat, Buildkite is change) is handled as its medium is.
enum class Medium { chat, alerting, mail, document, change };
// A platform's own system message, as the ingester read it from the source's markers (Slack's `subtype`):
// `membership` (joins, leaves, adds, removals), `topic` (topic, purpose or description set, channel
// renamed), `other` (archiving, pins, bots added…); `none` for what a person or bot wrote.
enum class SystemMessage { none, membership, topic, other };
// What a change record says happened (DESIGN.md, the `change` part).
enum class ChangeAction {
    merged,
    deployed,
    deploy_started,
    deploy_failed,
    rolled_back,
    run_started,
    run_finished,
    run_failed,
    committed
};

std::string_view to_string(EventKind k);
std::string_view to_string(Precision p);
std::string_view to_string(SpanType t);
std::string_view to_string(Medium m);
std::string_view to_string(SystemMessage s);  // "" for none
std::string_view to_string(ChangeAction a);   // `deploy-started`…
std::optional<EventKind> parse_event_kind(std::string_view s);
std::optional<Precision> parse_precision(std::string_view s);
std::optional<SpanType> parse_span_type(std::string_view s);
std::optional<Medium> parse_medium(std::string_view s);
std::optional<SystemMessage> parse_system_message(std::string_view s);  // never none
std::optional<ChangeAction> parse_change_action(std::string_view s);

struct SourceRef {
    PackedText kind;         // a source kind: `slack`, `cloudwatch`, `mbox`, `retro`, `events`…
    PackedText vendor;       // for alerts: `cloudwatch`, `alertmanager`… (may be empty)
    Medium medium = Medium::document;  // set by every ingester where it sets `kind`
    PackedText origin;       // file, archive entry with `!/`, or `<stdin>`
    std::uint64_t line = 0;  // where the record starts; 0 = unknown (omitted)
    friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

struct Actor {
    PackedText id, name;         // the same few people on most events: one copy shared (RecentTexts)
    PackedText initials, email;  // mostly absent
    bool empty() const { return id.empty() && name.empty() && initials.empty() && email.empty(); }
    friend bool operator==(const Actor&, const Actor&) = default;
};

// A byte range [start, end) of Event::text.
struct Span {
    std::size_t start = 0, end = 0;
    SpanType type = SpanType::link;
    std::string url;  // links, and attachments the source gives a permalink for
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

// A merge, deploy, CI run or commit (kind `change`). The actor is who merged or triggered it.
struct ChangeInfo {
    std::string system;       // `github`, `gitlab`, `buildkite`, `argocd`, `kubernetes`, `git`
    std::string repo;         // `owner/name`, a project path, a pipeline or an application
    std::string ref;          // the branch, tag or revision it was made from or to
    std::uint64_t number = 0;  // PR/MR, build or run number; 0 = none
    ChangeAction action = ChangeAction::committed;
    std::string environment;  // where a deploy went
    std::string commit;       // the full commit id when the record gives it
    std::string url;          // where a person can look at it
    friend bool operator==(const ChangeInfo&, const ChangeInfo&) = default;
};

// A record the source says was seen many times (a Kubernetes Event's `count`): the event stands at the
// first time, `last` is the last one.
struct Repeat {
    std::uint64_t count = 0;
    Instant last{};
    friend bool operator==(const Repeat&, const Repeat&) = default;
};

struct Flags {
    std::vector<std::string> reactions;
    bool pinned = false;  // the flags after the vector: 32 bytes, not 40 with the padding around a bool first
    bool edited = false;
    bool bot = false;
    SystemMessage system = SystemMessage::none;
    bool empty() const {
        return !pinned && reactions.empty() && !edited && !bot && system == SystemMessage::none;
    }
    friend bool operator==(const Flags&, const Flags&) = default;
};

struct Provenance {
    std::string tz_assumed;     // the zone applied to a timestamp that carried none
    std::string time_fallback;  // which fallback gave the time: `received`, `mbox-from`, `maildir-name`…
    bool empty() const { return tz_assumed.empty() && time_fallback.empty(); }
    friend bool operator==(const Provenance&, const Provenance&) = default;
};

// An optional part kept on the heap, read like std::optional: most events have no alert and no status
// part, and inline they would cost every event their full size (240 of its 832 bytes).
template <class T>
class Boxed {
public:
    Boxed() = default;
    Boxed(std::nullopt_t) {}
    Boxed(T value) : m_value(std::make_unique<T>(std::move(value))) {}
    Boxed(const std::optional<T>& value) : m_value(value ? std::make_unique<T>(*value) : nullptr) {}
    Boxed(const Boxed& other) : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
        if (this != &other) m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(T value) {
        m_value = std::make_unique<T>(std::move(value));
        return *this;
    }
    Boxed& operator=(std::nullopt_t) {
        m_value.reset();
        return *this;
    }
    operator std::optional<T>() const { return m_value ? std::optional<T>(*m_value) : std::nullopt; }

    bool has_value() const { return m_value != nullptr; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return *m_value; }
    const T& operator*() const { return *m_value; }
    T* operator->() { return m_value.get(); }
    const T* operator->() const { return m_value.get(); }
    // The part, made (empty) first when absent: for setting one field of it.
    T& ensure() {
        if (!m_value) m_value = std::make_unique<T>();
        return *m_value;
    }
    // The part, or an empty one when absent: for reading a field of it.
    const T& or_empty() const {
        static const T empty{};
        return m_value ? *m_value : empty;
    }
    T& value() {
        if (!m_value) throw std::bad_optional_access();
        return *m_value;
    }
    const T& value() const {
        if (!m_value) throw std::bad_optional_access();
        return *m_value;
    }
    template <class... Args>
    T& emplace(Args&&... args) {
        m_value = std::make_unique<T>(std::forward<Args>(args)...);
        return *m_value;
    }
    void reset() { m_value.reset(); }

    friend bool operator==(const Boxed& a, const Boxed& b) {
        return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
    }

private:
    std::unique_ptr<T> m_value;
};

// One event. Empty strings, empty vectors and empty sub-objects are "absent" and are not written.
struct Event {
    std::string id;      // `<source kind>:<native id>[#<part>]`
    PackedText record;   // the source record several events came from, when it differs from id
    Instant time{};
    PackedText time_raw;
    Precision precision = Precision::exact;
    EventKind kind = EventKind::message;
    SourceRef source;
    PackedText channel;
    Actor actor;
    std::string text;  // plain Unicode, valid UTF-8
    std::vector<Span> spans;
    Boxed<AlertInfo> alert;
    Boxed<StatusInfo> status;
    PackedText thread;
    std::vector<std::string> links;
    Boxed<ChangeInfo> change;
    Boxed<Repeat> repeat;
    Flags flags;
    Boxed<Provenance> provenance;  // rare: boxed like alert and status (never present and empty)
    friend bool operator==(const Event&, const Event&) = default;
};

// The one stream order (DESIGN.md: time, source kind, id), used by every collector and sort. Past the id
// (unique once the id rule has run) come where the record was read, origin then line, so copies of one id
// sort the same whatever order the sources were named in; a holder of several records with equal keys
// breaks the last tie on the record's written line.
struct StreamKey {
    Instant time{};
    std::string_view source_kind, id, origin;
    std::uint64_t line = 0;
    friend auto operator<=>(const StreamKey&, const StreamKey&) = default;
};

StreamKey stream_key(const Event& e);
// stream_key(a) < stream_key(b).
bool event_order_less(const Event& a, const Event& b);

}  // namespace retro
