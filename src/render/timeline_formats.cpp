// The rows of `retro timeline --format`. JSON is the whole timeline for scripts: --list-incidents and
// --stats change only the text (the clusters and the ledger are in the JSON already).
#include "render/timeline_formats.hpp"

#include <array>

#include "render/timeline_output.hpp"

namespace retro::render {
namespace {

std::string render_text(const Timeline& timeline, const TimelineRenderOptions& options) {
    if (options.list_incidents) return render_incidents_text(timeline, options.tz);
    std::string out = render_timeline_text(timeline, options.tz);
    if (options.stats) out += "\nLedger\n\n" + render_stats_text(timeline, options.tz);
    return out;
}

std::string render_json(const Timeline& timeline, const TimelineRenderOptions& options) {
    return render_timeline_json(timeline, options.tz);
}

constexpr std::array formats{
    TimelineFormat{"text", "text for people", render_text},
    TimelineFormat{"json", "JSON for scripts (retro.timeline/1)", render_json},
};

}  // namespace

std::span<const TimelineFormat> timeline_formats() { return formats; }

}  // namespace retro::render
