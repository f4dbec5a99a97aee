// The ingest stage: options, the sink events go to, and the registry of ingesters.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "retro/diagnostic.hpp"
#include "retro/event.hpp"
#include "retro/people.hpp"
#include "retro/source.hpp"
#include "retro/time.hpp"

namespace retro {

struct IngestLimits {
    std::uint64_t max_record_bytes = 64ull << 20;  // one JSON record, one mail message
    std::uint64_t max_entry_bytes = 1ull << 30;    // one archive entry once inflated (zip bombs)
    std::uint64_t max_file_bytes = 4ull << 30;     // one whole-file document (a single JSON, a retro)
};

// A `--map`/`[ingest.map]` field map for json-map: target field → path such as `.detail.at`.
using FieldMap = std::vector<std::pair<std::string, std::string>>;

struct IngestOptions {
    TimeZone tz = TimeZone::utc();         // human-facing local times (retro and notes timelines)
    TimeZone assume_tz = TimeZone::utc();  // machine timestamps carrying no offset
    std::string slack_workspace;
    std::string slack_channel_id, slack_channel_name;  // for API JSON, which names no channel
    std::vector<std::string> channel_globs;            // --channel
    bool include_private = false;
    std::optional<Instant> from, until;  // from inclusive, until exclusive
    // Where change sources that read a history (git) start: `from` less the lead-up for `timeline` and
    // `draft`, whose correlator weighs the changes before the window; unset: `from`.
    std::optional<Instant> history_from;
    std::string git_ref;  // --git-ref: the branch, tag or commit whose first-parent history is read; "": HEAD
    std::optional<CalendarDate> day_hint;   // a notes file's day when it has no day heading
    FieldMap json_map;
    IngestLimits limits;
    People people;
};

// What a sink made of a batch of events on a reader's worker thread (see EventSink::prepare).
class PreparedEvents {
public:
    virtual ~PreparedEvents() = default;
};

// Where events go. Also counts records that could not become events, by reason, for the ledger.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void add(Event&& event) = 0;
    // A record with no usable time, an unrecognised shape, a counted-only history item…
    virtual void drop(std::string_view reason, std::uint64_t count = 1) = 0;

    // Readers that convert records on worker threads hand the sink whole batches, so that the sink's own
    // work per event (writing output lines, say) is done there too: `prepare` runs on a worker, several at
    // once, and may only read what the sink was made with; `add_prepared` takes its result on the reading
    // thread, in input order. Together they do what `add` does to each event. By default the events are
    // kept as they are and added one by one.
    virtual std::unique_ptr<PreparedEvents> prepare(std::vector<Event>&& events) const;
    virtual void add_prepared(std::unique_ptr<PreparedEvents> batch);

    // Told once, before anything is read, how many bytes the sources named as files hold (0: not known, as
    // for stdin and folders), so that a sink keeping every event can make room for them at once.
    virtual void expect_input(std::uint64_t bytes) { (void)bytes; }
};

// Told how much input has been read, for a progress line. Called on the thread that reads sources.
class Progress {
public:
    virtual ~Progress() = default;
    virtual void advance(std::uint64_t bytes, std::uint64_t files) = 0;
};

struct IngestContext {
    const IngestOptions& options;
    Diagnostics& diags;
    EventSink& sink;
    Progress* progress = nullptr;  // none: nobody is told
};

// What detection sees of an input.
struct Probe {
    std::string_view name;  // path or `<stdin>`
    std::string_view head;  // first bytes of a stream (empty for a tree)
    Tree* tree = nullptr;   // set for folders and archives
    std::string_view path;  // the file system path ("" for stdin), for detectors that look at a folder's names
};

// Which row of a family an input is (empty kind: none), with a confidence as `detect` gives.
struct Detection {
    std::string_view kind;
    int score = 0;
};

// One row of the registry. `detect` is a quiet yes/no with a confidence (0 = not mine, 100 = sure);
// `ingest` reads the whole input, reporting damage as diagnostics and going on. A family of rows told
// apart by one look at the input (the alert vendors) leaves `detect` empty and sets `detect_family` on
// its first row instead: asked once, it names the member (ties rank at that first row).
struct Ingester {
    std::string_view kind;
    int (*detect)(const Probe& probe);
    void (*ingest)(Input& input, const IngestContext& context);
    Detection (*detect_family)(const Probe& probe) = nullptr;
};

// Every ingester, in a fixed order (ties in detection go to the earlier row).
const std::vector<Ingester>& ingesters();
const Ingester* find_ingester(std::string_view kind);

}  // namespace retro

namespace retro {

// The first line retro writes into its drafts; case-folder walks skip files carrying it, so a draft saved
// next to its sources is never read back as a source.
inline constexpr std::string_view draft_marker = "<!-- retro:draft";
// The first line of the README that `retro init` writes into a case folder, skipped the same way.
inline constexpr std::string_view case_readme_marker = "<!-- retro:readme";

// Whether a case-folder walk skips a file whose first bytes are `head`: a draft or an init README.
inline bool is_skipped_in_case_folder(std::string_view head) {
    return head.starts_with(draft_marker) || head.starts_with(case_readme_marker);
}

// Reads every SOURCE (a path, `-` for stdin, or `KIND:path` forcing a kind) into `context.sink`:
// detects each kind from content, walks case folders (recursively; `retro.toml`, retro's own drafts and init README
// skipped; one `ingest.unknown-format` warning per unrecognised file). Throws retro::Error for a missing
// path or an unknown forced kind.
void read_sources(const std::vector<std::string>& sources, const IngestContext& context);

// Splits `KIND:path` when KIND names an ingester (so `C:\x` or `./a:b` stay paths).
struct SourceSpec {
    std::string kind;  // empty: detect
    std::string path;
};
SourceSpec parse_source_spec(std::string_view text);

}  // namespace retro
