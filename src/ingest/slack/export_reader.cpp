// Slack official export reader (input-formats.md §1.1–1.2, §1.11 for slackdump's export-compatible
// output). Conversations are joined on metadata ids, never on folder names alone; day files are split on
// America/Los_Angeles dates, so the window test allows for the Pacific offset and every time comes from `ts`.
#include "ingest/slack/export_reader.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/ordered_parallel.hpp"
#include "core/text_utf8.hpp"
#include "ingest/slack/day_file.hpp"
#include "ingest/slack/directory.hpp"
#include "ingest/slack/message.hpp"
#include "ingest/slack/slack_ts.hpp"
#include "io/byte_streams.hpp"

namespace retro::ingest::slack {

namespace {

bool is_day_file_name(std::string_view name) {
    // YYYY-MM-DD.json
    if (name.size() != 15 || !name.ends_with(".json")) return false;
    for (std::size_t i = 0; i < 10; ++i) {
        bool dash = i == 4 || i == 7;
        if (dash ? name[i] != '-' : (name[i] < '0' || name[i] > '9')) return false;
    }
    return true;
}

std::string_view base_name(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// A day-file entry split into its export root prefix, conversation folder and file name.
struct DayEntry {
    std::string_view folder;
    std::string_view date;  // "2024-07-25"
};

std::optional<DayEntry> split_day_entry(std::string_view path, std::string_view root) {
    if (!path.starts_with(root)) return std::nullopt;
    std::string_view rest = path.substr(root.size());
    auto slash = rest.find('/');
    if (slash == std::string_view::npos || rest.find('/', slash + 1) != std::string_view::npos) return std::nullopt;
    std::string_view file = rest.substr(slash + 1);
    if (!is_day_file_name(file)) return std::nullopt;
    return DayEntry{rest.substr(0, slash), file.substr(0, 10)};
}

// The export root inside the tree: "" normally, "Acme Slack export/" when a folder was zipped whole.
std::string find_root(const std::vector<TreeEntry>& entries) {
    std::string best;
    std::size_t best_depth = SIZE_MAX;
    for (const TreeEntry& e : entries) {
        std::string_view name = base_name(e.path);
        if (name != "channels.json" && name != "users.json" && name != "org_users.json") continue;
        std::size_t depth = std::count(e.path.begin(), e.path.end(), '/');
        if (depth < best_depth) {
            best_depth = depth;
            best = e.path.substr(0, e.path.size() - name.size());
        }
    }
    return best;
}

bool looks_like_id(std::string_view s) {
    if (s.size() < 9 || (s[0] != 'C' && s[0] != 'G' && s[0] != 'D')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

bool selected(const Conversation& c, const IngestOptions& options) {
    if (c.is_private() && !options.include_private) return false;
    if (options.channel_globs.empty()) return true;
    for (std::string_view glob : options.channel_globs) {
        if (glob.starts_with('#')) glob.remove_prefix(1);
        if (glob_match(glob, c.name) || glob_match(glob, c.id) || glob_match(glob, c.folder)) return true;
    }
    return false;
}

// One day file of a plan, with the diagnostics planning found just before it (an unknown folder's
// warning), replayed in place so that diagnostics keep the order of the entries.
struct PlannedDay {
    const TreeEntry* entry = nullptr;
    std::vector<Diagnostic> before;
};

// A run of day files of one conversation: the unit one worker reads. Duplicates (a broadcast reply, a reply
// listed twice) are found within a conversation, so its files are read in order on one thread.
struct ChannelPlan {
    Conversation conversation;
    std::vector<PlannedDay> days;
};

// What a worker made of one day file: its events as they are while the workspace is still looked for
// (they may get permalinks), else already prepared for the sink.
struct DayResult {
    std::vector<Event> events;
    std::unique_ptr<PreparedEvents> prepared;
    std::size_t count = 0;
    std::vector<Diagnostic> diags;
    std::string workspace;  // from a file permalink, looked for only while the workspace is unknown
    std::uint64_t bytes = 0;
};

// A worker's own state: its entry reader, its converter (which caches actors) and parser buffers.
struct ChannelWorker {
    std::unique_ptr<EntryReader> reader;
    std::unique_ptr<MessageConverter> converter;
    json::DomParser parser;
    std::string bytes;
};

// Reads entries through the tree itself, for the one-thread path.
class SequentialReader final : public EntryReader {
public:
    explicit SequentialReader(Tree& tree) : m_tree(tree) {}
    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return m_tree.read(entry, out, limit, diags);
    }

private:
    Tree& m_tree;
};

// Day files are read and converted on one worker per core, a conversation at a time; the calling thread
// takes the results in path order, so events, diagnostics and the workspace search see the files in the
// same order as a one-thread read.
class ExportReader {
public:
    ExportReader(Tree& tree, const IngestContext& context) : m_tree(tree), m_context(context) {}

    void run() {
        const std::vector<TreeEntry>& entries = m_tree.entries();
        m_root = find_root(entries);
        read_metadata(entries);
        m_workspace = m_context.options.slack_workspace;
        m_searching = m_workspace.empty();
        std::size_t skipped_private = 0;
        std::vector<Diagnostic> pending;
        const std::vector<ChannelPlan> plans = plan(entries, skipped_private, pending);
        std::vector<ChannelWorker> workers = make_workers(plans);
        const std::size_t threads = workers.size() > 1 ? workers.size() : 0;
        run_in_order<std::vector<DayResult>>(
            plans.size(), threads, threads + 2,
            [&](std::size_t worker, std::size_t i) { return read_channel(plans[i], workers[worker]); },
            [&](std::size_t i, std::vector<DayResult> days) { take_channel(plans[i], std::move(days)); });
        for (Diagnostic& d : pending) m_context.diags.report(std::move(d));
        flush();
        if (m_workspace.empty() && m_emitted > 0)
            m_context.diags.note("slack.no-workspace", Location{m_name, 0, 0},
                                 "no workspace found in the export's file permalinks: events carry no permalinks "
                                 "(--slack-workspace NAME or `slack_workspace` in retro.toml adds them)");
        if (skipped_private > 0)
            m_context.diags.note(
                "slack.private-skipped", Location{m_name, 0, 0},
                fmt::format("{} private channel{} or direct message{} left out; "
                            "--include-private reads them",
                            skipped_private, skipped_private == 1 ? "" : "s", skipped_private == 1 ? "" : "s"));
    }

    void set_name(std::string name) { m_name = std::move(name); }

private:
    // The day files to read (selected conversations, inside the window), in path order, cut into runs of
    // one conversation. Diagnostics found while planning wait in `pending` for the next planned file.
    std::vector<ChannelPlan> plan(const std::vector<TreeEntry>& entries, std::size_t& skipped_private,
                                  std::vector<Diagnostic>& pending) {
        const IngestOptions& options = m_context.options;
        std::set<std::string, std::less<>> private_folders;
        std::vector<ChannelPlan> plans;
        for (const TreeEntry& entry : entries) {
            auto day = split_day_entry(entry.path, m_root);
            if (!day) continue;
            const Conversation& conv = conversation_for(day->folder, entry, pending);
            if (!selected(conv, options)) {
                if (conv.is_private() && !options.include_private && private_folders.insert(conv.folder).second)
                    ++skipped_private;
                continue;
            }
            if (!day_in_window(day->date)) continue;
            if (plans.empty() || plans.back().conversation.id != conv.id) plans.push_back(ChannelPlan{conv, {}});
            plans.back().days.push_back(PlannedDay{&entry, std::move(pending)});
            pending.clear();
        }
        return plans;
    }

    // One worker per core when the tree can be read from several threads and the read is large: more than
    // one conversation, and at least a quarter of the tree's entries (another reader of a ZIP re-reads its
    // whole central directory, which a one-day window would not repay). Else one, reading through the tree
    // itself on the calling thread.
    std::vector<ChannelWorker> make_workers(const std::vector<ChannelPlan>& plans) {
        std::size_t days = 0;
        for (const ChannelPlan& p : plans) days += p.days.size();
        const bool parallel = plans.size() > 1 && days * 4 >= m_tree.entries().size();
        std::vector<ChannelWorker> workers;
        for (std::size_t i = 0, n = parallel ? worker_count() : 0; n > 1 && i < n; ++i) {
            auto reader = m_tree.open_reader();
            if (!reader) break;
            workers.push_back(ChannelWorker{std::move(reader), nullptr, {}, {}});
        }
        if (workers.size() < 2) {
            workers.clear();
            workers.push_back(ChannelWorker{std::make_unique<SequentialReader>(m_tree), nullptr, {}, {}});
        }
        for (ChannelWorker& w : workers) {
            w.converter = std::make_unique<MessageConverter>(m_directory, m_context.options.people, "slack",
                                                             channel_names());
            w.converter->set_workspace(m_context.options.slack_workspace);
        }
        return workers;
    }

    // On a worker: reads and converts one conversation's day files in order. Reads nothing of the reader
    // but its read-only metadata and `m_searching`, which only ever turns false (after m_found and
    // m_workspace are set for good).
    std::vector<DayResult> read_channel(const ChannelPlan& plan, ChannelWorker& worker) const {
        const ChannelRef channel{plan.conversation.id, plan.conversation.name};
        SeenMessages seen;
        std::vector<DayResult> days;
        days.reserve(plan.days.size());
        for (const PlannedDay& day : plan.days) {
            DayResult result;
            Diagnostics diags(Diagnostics::Printer{}, Diagnostics::Format::text, SIZE_MAX);
            worker.bytes.clear();
            if (worker.reader->read(*day.entry, worker.bytes, m_context.options.limits.max_entry_bytes, diags)) {
                if (m_searching.load(std::memory_order_relaxed)) result.workspace = find_workspace(worker.bytes);
                parse_slack_day(worker.bytes, Origin{m_tree.display(*day.entry), 1, 1}, channel, *worker.converter,
                                seen, diags, result.events, worker.parser);
            }
            result.count = result.events.size();
            if (!m_searching.load(std::memory_order_acquire)) {
                // The search is over (it only ever ends): m_found and m_workspace no longer change.
                if (m_found)
                    for (Event& e : result.events) add_permalink(e, m_workspace, plan.conversation.id);
                result.prepared = m_context.sink.prepare(std::move(result.events));
            }
            result.bytes = worker.bytes.size();
            result.diags = diags.all();
            days.push_back(std::move(result));
        }
        return days;
    }

    // On the calling thread, in plan order: diagnostics, the workspace search, events to the sink.
    void take_channel(const ChannelPlan& plan, std::vector<DayResult> days) {
        for (std::size_t i = 0; i < days.size(); ++i) {
            for (const Diagnostic& d : plan.days[i].before) m_context.diags.report(d);
            for (Diagnostic& d : days[i].diags) m_context.diags.report(std::move(d));
            if (m_searching && !days[i].workspace.empty()) set_workspace(days[i].workspace);
            m_emitted += days[i].count;
            if (days[i].prepared)
                m_context.sink.add_prepared(std::move(days[i].prepared));
            else
                for (Event& e : days[i].events) emit(plan.conversation.id, std::move(e));
            if (m_context.progress) m_context.progress->advance(days[i].bytes, 1);
        }
    }

    void read_metadata(const std::vector<TreeEntry>& entries) {
        std::map<std::string, const TreeEntry*, std::less<>> meta;
        for (const TreeEntry& e : entries)
            if (e.path.starts_with(m_root) && e.path.find('/', m_root.size()) == std::string::npos)
                meta[e.path.substr(m_root.size())] = &e;
        std::string bytes;
        auto read = [&](std::string_view name) -> std::optional<std::pair<std::string, Origin>> {
            auto it = meta.find(name);
            if (it == meta.end()) return std::nullopt;
            bytes.clear();
            if (!m_tree.read(*it->second, bytes, m_context.options.limits.max_entry_bytes, m_context.diags))
                return std::nullopt;
            return std::pair{bytes, Origin{m_tree.display(*it->second), 1, 1}};
        };
        auto users = read("users.json");
        if (!users) users = read("org_users.json");
        if (users)
            read_users(users->first, users->second, m_context.diags, m_directory);
        else
            m_context.diags.warning("slack.no-users", Location{m_name, 0, 0},
                                    "export has no users.json: actors and mentions keep their user ids");
        const std::pair<std::string_view, ConversationType> lists[] = {
            {"channels.json", ConversationType::channel},
            {"groups.json", ConversationType::private_channel},
            {"mpims.json", ConversationType::group_dm},
            {"dms.json", ConversationType::dm},
        };
        std::vector<Conversation> all;
        for (auto [name, type] : lists)
            if (auto file = read(name)) read_conversations(file->first, file->second, type, m_context.diags, all);
        for (Conversation& c : all) {
            std::string folder = c.folder;
            m_by_folder.emplace(std::move(folder), std::move(c));
        }
    }

    std::map<std::string, std::string, std::less<>> channel_names() const {
        std::map<std::string, std::string, std::less<>> names;
        for (const auto& [folder, c] : m_by_folder)
            if (!c.name.empty()) names.emplace(c.id, c.name);
        return names;
    }

    // The conversation of a day-file folder; a folder missing from the metadata adds a warning to `pending`.
    const Conversation& conversation_for(std::string_view folder, const TreeEntry& entry,
                                         std::vector<Diagnostic>& pending) {
        if (auto it = m_by_folder.find(folder); it != m_by_folder.end()) return it->second;
        // Not in the metadata: a DM folder is named by its id, anything else by the channel name.
        Conversation c;
        c.folder = std::string(folder);
        c.id = repair_utf8(folder);  // a folder name is bytes; ids and names are text
        if (looks_like_id(folder)) {
            c.type = folder[0] == 'D' ? ConversationType::dm : ConversationType::channel;
        } else {
            c.name = c.id;
            if (folder.starts_with("mpdm-")) c.type = ConversationType::group_dm;
            pending.push_back(Diagnostic{Severity::warning, "slack.unknown-channel",
                                         Location{m_tree.display(entry), 0, 0},
                                         fmt::format("folder \"{}\" is not in the export's channel lists: its "
                                                     "folder name stands in for the channel id",
                                                     c.id)});
        }
        std::string key = c.folder;
        return m_by_folder.emplace(std::move(key), std::move(c)).first->second;
    }

    // in_window, once per date (a year-long export names each date once per channel).
    bool day_in_window(std::string_view date) {
        auto it = m_days_in_window.find(date);
        if (it == m_days_in_window.end()) it = m_days_in_window.emplace(std::string(date), in_window(date)).first;
        return it->second;
    }

    bool in_window(std::string_view date) const {
        const auto& o = m_context.options;
        if (!o.from && !o.until) return true;
        auto range = day_file_range(date);
        if (!range) return true;
        if (o.from && range->end <= *o.from) return false;
        if (o.until && range->begin >= *o.until) return false;
        return true;
    }

    // Until the workspace is known from a file permalink, events wait so that all of them get links; past
    // `max_waiting` the search stops (memory stays bounded) and no event gets a link. Workers convert
    // without a found workspace, so its permalink is added here (add_permalink, as the converter does).
    void emit(const std::string& channel_id, Event&& e) {
        if (m_searching) {
            m_waiting.emplace_back(channel_id, std::move(e));
            if (m_waiting.size() >= max_waiting) flush();
            return;
        }
        if (m_found) add_permalink(e, m_workspace, channel_id);
        m_context.sink.add(std::move(e));
    }

    static constexpr std::size_t max_waiting = 20000;

    void set_workspace(const std::string& ws) {
        m_workspace = ws;
        m_found = true;
        m_searching.store(false, std::memory_order_release);
        for (auto& [channel_id, e] : m_waiting) {
            add_permalink(e, m_workspace, channel_id);
            m_context.sink.add(std::move(e));
        }
        m_waiting.clear();
    }

    void flush() {
        for (auto& [channel_id, e] : m_waiting) m_context.sink.add(std::move(e));
        m_waiting.clear();
        m_searching.store(false, std::memory_order_release);
    }

    Tree& m_tree;
    const IngestContext& m_context;
    std::string m_name;
    std::string m_root;
    Directory m_directory;
    std::map<std::string, Conversation, std::less<>> m_by_folder;
    std::map<std::string, bool, std::less<>> m_days_in_window;
    std::vector<std::pair<std::string, Event>> m_waiting;
    std::string m_workspace;           // given, or found in a file permalink
    bool m_found = false;  // found: the converters do not know it, emit() or the workers add the permalinks
    std::atomic<bool> m_searching{false};  // the workspace is unknown and still looked for
    std::size_t m_emitted = 0;
};

// 95: metadata and day files, everything inside the export root (a case folder that merely holds an
// export folder among other sources is not an export: the walk reaches the export on its own).
// 60: nothing but day files in conversation folders. 0 otherwise.
int score_tree(Tree& tree) {
    const auto& entries = tree.entries();
    const std::string root = find_root(entries);
    const std::string metadata_files[] = {root + "channels.json", root + "users.json", root + "org_users.json"};
    bool metadata = false, days = false, all_days = true, all_inside = true;
    for (const TreeEntry& e : entries) {
        bool day = split_day_entry(e.path, root).has_value();
        days |= day;
        all_days &= day;
        all_inside &= e.path.starts_with(root);
        if (!day && std::find(std::begin(metadata_files), std::end(metadata_files), e.path) != std::end(metadata_files))
            metadata = true;
    }
    if (!days || !all_inside) return 0;
    if (metadata) return 95;
    return all_days ? 60 : 0;
}

}  // namespace

std::optional<DayRange> day_file_range(std::string_view date) {
    auto local = parse_iso8601_local(date);
    if (!local) return std::nullopt;
    // Slack splits on Pacific dates (midnight is 07:00 or 08:00 UTC), but slackdump has written UTC dates
    // (its own fixture does) and other tools the workspace's zone: allow any zone, UTC-12 to UTC+14.
    Instant start = resolve_local(*local, TimeZone::utc()).instant;
    return DayRange{start - std::chrono::hours(14), start + std::chrono::hours(24 + 12)};
}

int detect_slack_export(const Probe& probe) {
    return probe.tree ? score_tree(*probe.tree) : 0;
}

void ingest_slack_export(Input& input, const IngestContext& context) {
    if (input.tree) {
        ExportReader reader(*input.tree, context);
        reader.set_name(input.name);
        reader.run();
        return;
    }
    // One day file on its own: the channel comes from --slack-channel, else from its folder's name.
    std::string bytes;
    if (!io::read_all(input, bytes, context.options.limits.max_file_bytes, context.diags)) return;
    ChannelRef channel{context.options.slack_channel_id, context.options.slack_channel_name};
    if (channel.id.empty()) {
        std::string_view path = input.path;
        auto slash = path.rfind('/');
        std::string_view dir = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
        std::string folder = repair_utf8(base_name(dir));
        if (folder.empty()) folder = "unknown";
        channel = ChannelRef{folder, folder};
    }
    Directory directory;
    MessageConverter converter(directory, context.options.people, "slack");
    converter.set_workspace(context.options.slack_workspace);
    SeenMessages seen;
    std::vector<Event> events;
    parse_slack_day(bytes, Origin{input.name, 1, 1}, channel, converter, seen, context.diags, events);
    for (Event& e : events) context.sink.add(std::move(e));
}

}  // namespace retro::ingest::slack
