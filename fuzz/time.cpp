// Fuzz target: every timestamp parser on the same bytes; formatting whatever parses.
#include <cstdint>
#include <string_view>

#include "retro/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const retro::TimeZone london = *retro::TimeZone::find("Europe/London");
    auto use = [](retro::Instant t) {
        (void)retro::format_utc(t);
        (void)retro::format_local_long(t, london);
    };
    if (auto t = retro::parse_iso8601(text)) use(*t);
    if (auto l = retro::parse_iso8601_local(text)) use(retro::resolve_local(*l, london).instant);
    if (auto t = retro::parse_epoch_auto(text)) use(*t);
    if (auto t = retro::parse_epoch(text, retro::EpochUnit::nanoseconds)) use(*t);
    if (auto d = retro::parse_rfc5322_date(text, london)) use(d->instant);
    if (auto d = retro::parse_asctime(text, london)) use(d->instant);
    if (auto d = retro::parse_any_timestamp(text, london)) use(d->instant);
    return 0;
}
