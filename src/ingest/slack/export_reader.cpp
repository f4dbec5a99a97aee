// Slack official export reader (input-formats.md §1.1–1.2, §1.11 for slackdump's export-compatible
// output). Conversations are joined on metadata ids, never on folder names alone; day files are split on
// America/Los_Angeles dates, so the window test allows for the Pacific offset and every time comes from `ts`.
#include "ingest/slack/export_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

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

class ExportReader {
public:
    ExportReader(Tree& tree, const IngestContext& context) : m_tree(tree), m_context(context) {}

    void run() {
        const std::vector<TreeEntry>& entries = m_tree.entries();
        m_root = find_root(entries);
        read_metadata(entries);
        const IngestOptions& options = m_context.options;
        MessageConverter converter(m_directory, options.people, "slack", channel_names());
        converter.set_workspace(options.slack_workspace);
        std::map<std::string, bool, std::less<>> warned;
        std::size_t skipped_private = 0;
        std::set<std::string, std::less<>> private_folders;
        // Duplicates (a broadcast reply, a reply listed twice) share a channel; entries come sorted by path, so
        // one channel's files are contiguous and the set is emptied between channels to bound memory.
        std::set<std::string> seen;
        std::string seen_channel;
        json::DomParser parser;
        std::string bytes;
        for (const TreeEntry& entry : entries) {
            auto day = split_day_entry(entry.path, m_root);
            if (!day) continue;
            Conversation conv = conversation_for(day->folder, entry);
            if (!selected(conv, options)) {
                if (conv.is_private() && !options.include_private && private_folders.insert(conv.folder).second)
                    ++skipped_private;
                continue;
            }
            if (!in_window(day->date)) continue;
            bytes.clear();
            if (!m_tree.read(entry, bytes, options.limits.max_entry_bytes, m_context.diags)) continue;
            if (converter.workspace().empty() && !m_gave_up)
                if (auto ws = find_workspace(bytes); !ws.empty()) set_workspace(converter, ws);
            ChannelRef channel{conv.id, conv.name};
            if (conv.id != seen_channel) {
                seen.clear();
                seen_channel = conv.id;
            }
            std::vector<Event> events;
            parse_slack_day(bytes, Origin{m_tree.display(entry), 1, 1}, channel, converter, seen, m_context.diags,
                            events, parser);
            m_emitted += events.size();
            for (Event& e : events) emit(converter, conv.id, std::move(e));
        }
        flush();
        if (converter.workspace().empty() && m_emitted > 0)
            m_context.diags.note("slack.no-workspace", Location{m_name, 0, 0},
                                 "no workspace found in the export's file permalinks: events carry no permalinks "
                                 "(--slack-workspace NAME or `slack_workspace` in retro.toml adds them)");
        if (skipped_private > 0)
            m_context.diags.note(
                "slack.private-skipped", Location{m_name, 0, 0},
                fmt::format("{} private channel{} or direct message{} left out; "
                            "--include-private reads them",
                            skipped_private, skipped_private == 1 ? "" : "s", skipped_private == 1 ? "" : "s"));
        for (const std::string& name : m_tree.refused_entries())
            m_context.diags.error("ingest.unsafe-entry", Location{m_name, 0, 0},
                                  fmt::format("entry \"{}\" refused: its name leads outside the archive", name));
        if (std::string damage = m_tree.damage(); !damage.empty())
            m_context.diags.error("ingest.truncated", Location{m_name, 0, 0}, damage);
    }

    void set_name(std::string name) { m_name = std::move(name); }

private:
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

    Conversation conversation_for(std::string_view folder, const TreeEntry& entry) {
        if (auto it = m_by_folder.find(folder); it != m_by_folder.end()) return it->second;
        // Not in the metadata: a DM folder is named by its id, anything else by the channel name.
        Conversation c;
        c.folder = std::string(folder);
        c.id = c.folder;
        if (looks_like_id(folder)) {
            c.type = folder[0] == 'D' ? ConversationType::dm : ConversationType::channel;
        } else {
            c.name = c.folder;
            if (folder.starts_with("mpdm-")) c.type = ConversationType::group_dm;
            m_context.diags.warning("slack.unknown-channel", Location{m_tree.display(entry), 0, 0},
                                    fmt::format("folder \"{}\" is not in the export's channel lists: its "
                                                "folder name stands in for the channel id",
                                                c.folder));
        }
        m_by_folder.emplace(c.folder, c);
        return c;
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
    // `max_waiting` the search stops (memory stays bounded) and no event gets a link.
    void emit(const MessageConverter& converter, const std::string& channel_id, Event&& e) {
        if (!converter.workspace().empty() || m_gave_up) {
            m_context.sink.add(std::move(e));
            return;
        }
        m_waiting.emplace_back(channel_id, std::move(e));
        if (m_waiting.size() >= max_waiting) flush();
    }

    static constexpr std::size_t max_waiting = 20000;

    void set_workspace(MessageConverter& converter, const std::string& ws) {
        converter.set_workspace(ws);
        for (auto& [channel_id, e] : m_waiting) {
            e.links.insert(e.links.begin(), permalink(ws, channel_id, e.time_raw, e.thread));
            m_context.sink.add(std::move(e));
        }
        m_waiting.clear();
    }

    void flush() {
        for (auto& [channel_id, e] : m_waiting) m_context.sink.add(std::move(e));
        m_waiting.clear();
        m_gave_up = true;
    }

    Tree& m_tree;
    const IngestContext& m_context;
    std::string m_name;
    std::string m_root;
    Directory m_directory;
    std::map<std::string, Conversation, std::less<>> m_by_folder;
    std::vector<std::pair<std::string, Event>> m_waiting;
    bool m_gave_up = false;
    std::size_t m_emitted = 0;
};

// 95: metadata and day files, everything inside the export root (a case folder that merely holds an
// export folder among other sources is not an export: the walk reaches the export on its own).
// 60: nothing but day files in conversation folders. 0 otherwise.
int score_tree(Tree& tree) {
    const auto& entries = tree.entries();
    std::string root = find_root(entries);
    bool metadata = false, days = false, all_days = true, all_inside = true;
    for (const TreeEntry& e : entries) {
        bool day = split_day_entry(e.path, root).has_value();
        days |= day;
        all_days &= day;
        all_inside &= e.path.starts_with(root);
        if (e.path == root + "channels.json" || e.path == root + "users.json" || e.path == root + "org_users.json")
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
        std::string folder(base_name(dir));
        if (folder.empty()) folder = "unknown";
        channel = ChannelRef{folder, folder};
    }
    Directory directory;
    MessageConverter converter(directory, context.options.people, "slack");
    converter.set_workspace(context.options.slack_workspace);
    std::set<std::string> seen;
    std::vector<Event> events;
    parse_slack_day(bytes, Origin{input.name, 1, 1}, channel, converter, seen, context.diags, events);
    for (Event& e : events) context.sink.add(std::move(e));
}

}  // namespace retro::ingest::slack
