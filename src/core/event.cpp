// Names of the event enums and the stream order.
#include "retro/event.hpp"

#include <array>

namespace retro {

namespace {

constexpr std::array<std::string_view, 6> kind_names{"message", "alert", "email", "status", "note", "change"};
constexpr std::array<std::string_view, 3> precision_names{"exact", "minute", "day"};
constexpr std::array<std::string_view, 7> span_names{"code", "pre", "link", "mention", "bold", "italic", "attachment"};
constexpr std::array<std::string_view, 5> medium_names{"chat", "alerting", "mail", "document", "change"};
constexpr std::array<std::string_view, 4> system_names{"", "membership", "topic", "other"};
constexpr std::array<std::string_view, 9> action_names{"merged",      "deployed",     "deploy-started",
                                                       "deploy-failed", "rolled-back", "run-started",
                                                       "run-finished",  "run-failed",  "committed"};

template <typename Enum, std::size_t N>
std::optional<Enum> find_name(const std::array<std::string_view, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<Enum>(i);
    return std::nullopt;
}

}  // namespace

std::string_view to_string(EventKind k) { return kind_names[static_cast<std::size_t>(k)]; }
std::string_view to_string(Precision p) { return precision_names[static_cast<std::size_t>(p)]; }
std::string_view to_string(SpanType t) { return span_names[static_cast<std::size_t>(t)]; }
std::string_view to_string(Medium m) { return medium_names[static_cast<std::size_t>(m)]; }
std::string_view to_string(SystemMessage s) { return system_names[static_cast<std::size_t>(s)]; }
std::string_view to_string(ChangeAction a) { return action_names[static_cast<std::size_t>(a)]; }
std::optional<EventKind> parse_event_kind(std::string_view s) { return find_name<EventKind>(kind_names, s); }
std::optional<Precision> parse_precision(std::string_view s) { return find_name<Precision>(precision_names, s); }
std::optional<SpanType> parse_span_type(std::string_view s) { return find_name<SpanType>(span_names, s); }
std::optional<Medium> parse_medium(std::string_view s) { return find_name<Medium>(medium_names, s); }
std::optional<SystemMessage> parse_system_message(std::string_view s) {
    if (s.empty()) return std::nullopt;
    return find_name<SystemMessage>(system_names, s);
}

std::optional<ChangeAction> parse_change_action(std::string_view s) {
    return find_name<ChangeAction>(action_names, s);
}

StreamKey stream_key(const Event& e) {
    return StreamKey{e.time, e.source.kind, e.id, e.source.origin, e.source.line};
}

bool event_order_less(const Event& a, const Event& b) {
    // Times rarely tie: the rest of the key (strings behind pointers, far away in memory) is read only then.
    if (a.time != b.time) return a.time < b.time;
    return stream_key(a) < stream_key(b);
}

}  // namespace retro
