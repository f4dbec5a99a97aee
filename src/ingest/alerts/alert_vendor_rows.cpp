// The alert vendors, one row each (alert_vendors.hpp), and the registry rows made from them: one Ingester
// per vendor, so `KIND:PATH` forces any of them, detected together by one look at the head.
#include <array>
#include <utility>

#include "ingest/alerts/alert_ingest.hpp"
#include "ingest/alerts/alert_vendors.hpp"
#include "ingest/registry_rows.hpp"

namespace retro::ingest::alerts {

extern const AlertVendor cloudwatch_vendor;    // cloudwatch.cpp
extern const AlertVendor statuspage_vendor;    // statuspage.cpp
extern const AlertVendor opsgenie_vendor;      // opsgenie.cpp
extern const AlertVendor sentry_vendor;        // sentry.cpp
extern const AlertVendor pagerduty_vendor;     // pagerduty.cpp
extern const AlertVendor grafana_vendor;       // grafana.cpp
extern const AlertVendor alertmanager_vendor;  // alertmanager.cpp
extern const AlertVendor json_map_vendor;      // json_map.cpp

namespace {

// Detection order: an object goes to the first row whose shape it has. It matters only where shapes
// overlap: Grafana's unified payload is Alertmanager's plus `orgId`, so grafana comes before alertmanager;
// json-map takes any object once a field map is given, so it comes last.
constexpr const AlertVendor* vendors[] = {
    &cloudwatch_vendor, &statuspage_vendor, &opsgenie_vendor,     &sentry_vendor,
    &pagerduty_vendor,  &grafana_vendor,    &alertmanager_vendor, &json_map_vendor,
};

template <std::size_t I>
void ingest_row(Input& input, const IngestContext& context) {
    ingest_alert_input(input, context, *vendors[I]);
}

// The sniffed vendor's kind, at 85.
Detection detect_row(const Probe& probe) {
    const AlertVendor* vendor = sniff_alert_vendor(probe);
    return vendor ? Detection{vendor->name, 85} : Detection{};
}

// Row I reads with vendor I preferred; the first row detects for all of them.
template <std::size_t... I>
std::array<Ingester, sizeof...(I)> make_ingesters(std::index_sequence<I...>) {
    return {Ingester{vendors[I]->name, nullptr, ingest_row<I>, I == 0 ? detect_row : nullptr}...};
}

}  // namespace

AlertVendors alert_vendors() {
    return vendors;
}

const AlertVendor* find_alert_vendor(std::string_view name, AlertVendors rows) {
    for (const AlertVendor* vendor : rows)
        if (vendor->name == name) return vendor;
    return nullptr;
}

}  // namespace retro::ingest::alerts

namespace retro::ingest {

std::span<const Ingester> alert_ingesters() {
    static const auto rows = alerts::make_ingesters(std::make_index_sequence<std::size(alerts::vendors)>{});
    return rows;
}

}  // namespace retro::ingest
