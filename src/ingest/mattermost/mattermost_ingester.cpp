// The `mattermost` row: a bulk export's JSONL (src/ingest/mattermost/mattermost_export.hpp). Lines are framed
// by io::JsonRecordReader, so a damaged line costs only itself; `.gz` works as for any stream.
#include <algorithm>

#include <simdjson.h>

#include "ingest/mattermost/mattermost_export.hpp"
#include "ingest/registry_rows.hpp"
#include "io/json_records.hpp"

namespace retro::ingest {
namespace {

// The first line is the export's: `{"type":"version",…}` (the format makes it the first line), or another
// line type with its object beside it (`{"type":"post","post":{…}}`) for an export cut from a longer one.
// Anything else, retro.event/1 and alert NDJSON among it, is not claimed.
int detect_mattermost(const Probe& probe) {
    if (probe.tree) return 0;
    std::string_view head = probe.head;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const std::size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || head[start] != '{') return 0;
    head.remove_prefix(start);
    const std::size_t end = head.find('\n');
    const std::string_view line = head.substr(0, end);
    if (line.find("\"type\"") == std::string_view::npos) return 0;
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.parse(line.data(), line.size(), true).get(doc)) return 0;
    std::string_view type;
    if (!doc.is_object() || doc["type"].get(type)) return 0;
    simdjson::dom::element version;
    if (type == "version") return doc["version"].get(version) == simdjson::SUCCESS ? 100 : 0;
    static constexpr std::string_view line_types[] = {"scheme", "emoji", "role",        "team",       "channel",
                                                      "user",   "bot",   "post",        "direct_post", "direct_channel"};
    if (std::find(std::begin(line_types), std::end(line_types), type) == std::end(line_types)) return 0;
    simdjson::dom::object object;
    return doc[type].get(object) == simdjson::SUCCESS ? 90 : 0;
}

void ingest_mattermost(Input& input, const IngestContext& context) {
    mattermost::ExportReader reader(context, input.name);
    io::JsonRecordReader records(input.name, input.head, input.stream.get(), context.options.limits.max_record_bytes,
                                 context.diags);
    io::JsonRecord record;
    while (records.next(record)) reader.read_line(record.bytes, record.origin);
    reader.finish();
}

}  // namespace

const Ingester mattermost_ingester{"mattermost", detect_mattermost, ingest_mattermost};

}  // namespace retro::ingest
