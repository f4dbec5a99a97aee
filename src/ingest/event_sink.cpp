// The default batch hand-over of EventSink: events kept as they are, added one by one in order.
#include "retro/ingest.hpp"

namespace retro {

namespace {

struct KeptEvents final : PreparedEvents {
    std::vector<Event> events;
};

}  // namespace

std::unique_ptr<PreparedEvents> EventSink::prepare(std::vector<Event>&& events) const {
    auto kept = std::make_unique<KeptEvents>();
    kept->events = std::move(events);
    return kept;
}

void EventSink::add_prepared(std::unique_ptr<PreparedEvents> batch) {
    // Only ever given what this sink's own prepare() made.
    auto& kept = static_cast<KeptEvents&>(*batch);
    for (Event& e : kept.events) add(std::move(e));
}

}  // namespace retro
