// Slack message → events (input-formats.md §1.3–1.7, §2e; DESIGN.md). Text comes from `text`, then the
// attachments (pretext, title, text, fields, else fallback), then `blocks` when `text` is empty, then file
// titles (with the file's permalink); never from a file's token-bearing `url_private`.
#include "ingest/slack/message.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/changes/ci_post.hpp"
#include "ingest/slack/alerts.hpp"
#include "ingest/slack/blocks.hpp"
#include "ingest/slack/slack_ts.hpp"

namespace retro::ingest::slack {

namespace {

std::string_view str(json::Element e, std::string_view key) {
    return json::string_member(e, key).value_or("");
}

// Slack's own messages, by `subtype` (https://api.slack.com/events/message#subtypes); `channel_*` and
// `group_*` (private channels in older exports) alike. What a person or bot posts (`bot_message`,
// `file_share`, `thread_broadcast`, `me_message`…) is none.
SystemMessage system_message_of(std::string_view subtype) {
    if (subtype.starts_with("channel_") || subtype.starts_with("group_")) {
        const std::string_view what = subtype.substr(subtype.find('_') + 1);
        if (what == "join" || what == "leave") return SystemMessage::membership;
        if (what == "topic" || what == "purpose" || what == "name") return SystemMessage::topic;
        return SystemMessage::other;  // archive, unarchive, convert_to_private…
    }
    static constexpr std::string_view others[] = {"pinned_item", "unpinned_item", "bot_add",     "bot_remove",
                                                  "bot_enable",  "bot_disable",   "reminder_add", "tombstone"};
    for (std::string_view other : others)
        if (subtype == other) return SystemMessage::other;
    return SystemMessage::none;
}

// An unfurl (a link preview) repeats a linked page; it is not part of what was said.
bool is_unfurl(json::Element att) {
    return json::member(att, "from_url").has_value() || json::bool_member(att, "is_msg_unfurl").value_or(false);
}

void append_attachment(json::Element att, const NameLookup& names, RichText& out) {
    std::size_t before = out.text.size();
    for (std::string_view key : {"pretext", "title", "text"}) {
        std::string_view v = trim(str(att, key));
        if (v.empty()) continue;
        out.break_line();
        append_mrkdwn(clean_text(v), names, out);
    }
    if (auto fields = json::array_member(att, "fields")) {
        for (json::Element f : *fields) {
            std::string_view title = trim(str(f, "title"));
            std::string value = clean_text(trim(json::scalar_member_text(f, "value").value_or("")));
            if (title.empty() && value.empty()) continue;
            out.break_line();
            if (!title.empty()) out.text += clean_text(title) + ": ";
            append_mrkdwn(value, names, out);
        }
    }
    if (out.text.size() == before) {
        std::string_view fallback = trim(str(att, "fallback"));
        if (!fallback.empty()) {
            out.break_line();
            append_mrkdwn(clean_text(fallback), names, out);
        }
    }
}

// `file: TITLE (NAME)` on a line of its own, the title an attachment span carrying the file's `permalink` when
// it is https (the page in the workspace where people open it; never `url_private`, which bears a token).
void append_file(json::Element file, RichText& out) {
    std::string_view title = trim(str(file, "title"));
    std::string_view name = trim(str(file, "name"));
    if (title.empty()) title = name;
    if (title.empty()) return;
    out.break_line();
    out.text += "file: ";
    const std::size_t start = out.text.size();
    out.text += clean_text(title);
    std::string_view permalink = trim(str(file, "permalink"));
    if (!permalink.starts_with("https://")) permalink = {};
    out.spans.push_back(Span{start, out.text.size(), SpanType::attachment, clean_text(permalink)});
    if (!name.empty() && name != title) out.text += " (" + clean_text(name) + ")";
}

// The text of a JSON number under `"ts"` in `record` whose value is `value` (the DOM keeps only the double;
// the text says how many decimals were written), or "" when none is found.
std::string_view number_text(std::string_view record, double value) {
    for (std::size_t at = 0; (at = record.find("\"ts\"", at)) != std::string_view::npos;) {
        at += 4;
        auto skip_blanks = [&](std::size_t i) {
            while (i < record.size() && std::string_view(" \t\n\r").find(record[i]) != std::string_view::npos) ++i;
            return i;
        };
        std::size_t i = skip_blanks(at);
        if (i >= record.size() || record[i] != ':') continue;
        i = skip_blanks(i + 1);
        std::size_t end = i;
        while (end < record.size() && std::string_view("0123456789.eE+-").find(record[end]) != std::string_view::npos) ++end;
        if (end == i) continue;
        const std::string token(record.substr(i, end - i));
        if (std::strtod(token.c_str(), nullptr) == value) return record.substr(i, end - i);
    }
    return {};
}

// A ts as text: a string as it is, an integer's digits, a number read exactly (ts_of_number) when the text it
// was written as has at most six decimals; std::nullopt for a number that cannot be read exactly or anything
// else. `record` is the message's JSON text. A string is seen where the parser keeps it (valid while its
// document is); a number is written into `storage` (the text points there).
std::optional<std::string_view> ts_text(json::Element e, std::string_view record, std::string& storage) {
    switch (e.type()) {
        case simdjson::dom::element_type::STRING: return e.get_string().value_unsafe();
        case simdjson::dom::element_type::INT64:
        case simdjson::dom::element_type::UINT64:
            storage = json::scalar_text(e).value_or("");
            return std::string_view(storage);
        case simdjson::dom::element_type::DOUBLE: {
            const double value = e.get_double().value_unsafe();
            const std::string_view written = number_text(record, value);
            if (!written.empty()) {
                const auto dot = written.find('.');
                if (written.find_first_of("eE") != std::string_view::npos ||
                    (dot != std::string_view::npos && written.size() - dot - 1 > 6))
                    return std::nullopt;
            }
            auto exact = ts_of_number(value);
            if (!exact) return std::nullopt;
            storage = std::move(*exact);
            return std::string_view(storage);
        }
        default: return std::nullopt;
    }
}

}  // namespace

// The top-level fields a message conversion reads, found in one pass over the object (looking each up with
// at_key scanned the object once per field). The first occurrence of a key wins, as with at_key; nulls are absent.
struct MessageFields {
    using Slot = std::optional<json::Element>;
    Slot subtype, message, ts, user, bot_id, username, bot_profile, user_profile, edited, pinned_to, reactions,
        thread_ts, text, blocks, attachments, files, file;

    explicit MessageFields(json::Element m) {
        json::Object object;
        if (m.get(object)) return;
        for (auto field : object) {
            if (field.value.is_null()) continue;
            if (Slot* slot = slot_for(field.key); slot && !*slot) *slot = field.value;
        }
    }

    static std::string_view string(const Slot& e) {
        std::string_view s;
        if (e && !e->get(s)) return s;
        return {};
    }
    static std::optional<json::Array> array(const Slot& e) {
        json::Array a;
        if (e && !e->get(a)) return a;
        return std::nullopt;
    }

private:
    Slot* slot_for(std::string_view k) {
        if (k.empty()) return nullptr;
        switch (k[0]) {
            case 'a':
                return k == "attachments" ? &attachments : nullptr;
            case 'b':
                return k == "blocks" ? &blocks : k == "bot_id" ? &bot_id : k == "bot_profile" ? &bot_profile : nullptr;
            case 'e':
                return k == "edited" ? &edited : nullptr;
            case 'f':
                return k == "files" ? &files : k == "file" ? &file : nullptr;
            case 'm':
                return k == "message" ? &message : nullptr;
            case 'p':
                return k == "pinned_to" ? &pinned_to : nullptr;
            case 'r':
                return k == "reactions" ? &reactions : nullptr;
            case 's':
                return k == "subtype" ? &subtype : nullptr;
            case 't':
                return k == "ts" ? &ts : k == "text" ? &text : k == "thread_ts" ? &thread_ts : nullptr;
            case 'u':
                return k == "user"           ? &user
                       : k == "username"     ? &username
                       : k == "user_profile" ? &user_profile
                                             : nullptr;
            default:
                return nullptr;
        }
    }
};

MessageConverter::MessageConverter(const Directory& directory, const People& people, std::string source_kind,
                                   std::map<std::string, std::string, std::less<>> channel_names)
    : m_directory(directory),
      m_people(people),
      m_kind(std::move(source_kind)),
      m_channel_names(std::move(channel_names)) {
    m_names.user = [this](std::string_view id) -> std::optional<std::string> {
        Actor a = actor_of(id, std::nullopt);
        if (!a.name.empty()) return a.name.str();
        return std::nullopt;
    };
    m_names.channel = [this](std::string_view id) -> std::optional<std::string> {
        auto it = m_channel_names.find(id);
        if (it == m_channel_names.end()) return std::nullopt;
        return it->second;
    };
}

Actor MessageConverter::actor_of(std::string_view user, std::optional<json::Element> profile) const {
    // Users known to users.json resolve the same way every time: cache them (mentions use this too).
    if (m_directory.find_user(user)) {
        auto it = m_actors.find(user);
        if (it == m_actors.end()) it = m_actors.emplace(std::string(user), m_directory.actor(user, m_people)).first;
        return it->second;
    }
    return m_directory.actor(user, m_people, profile);
}

std::string MessageConverter::dedupe_key(json::Element message) {
    std::string key;
    append_dedupe_key(message, key);
    return key;
}

void MessageConverter::append_dedupe_key(json::Element message, std::string& key) {
    if (std::string_view subtype = str(message, "subtype");
        subtype == "message_changed" || subtype == "message_replied")
        if (auto inner = json::member(message, "message")) message = *inner;
    if (auto ts = json::member(message, "ts")) {
        std::string storage;
        if (auto text = ts_text(*ts, {}, storage))
            key.append(*text);
        else
            key.append(json::scalar_text(*ts).value_or(""));
    }
    key.append(1, '\0').append(str(message, "user")).append(1, '\0').append(str(message, "text"));
}

RichText MessageConverter::render_text(const MessageFields& f) const {
    RichText out;
    std::string_view text = MessageFields::string(f.text);
    // The plain text is about as long as the mrkdwn: room for it at once, not grown by doubling.
    out.text.reserve(text.size());
    std::string repaired;
    append_mrkdwn(clean_dom_text(text, repaired), m_names, out);
    if (out.text.empty())
        if (auto blocks = MessageFields::array(f.blocks)) append_blocks(*blocks, m_names, out);
    if (auto atts = MessageFields::array(f.attachments)) {
        bool has_text = !out.text.empty();
        for (json::Element att : *atts) {
            if (has_text && is_unfurl(att)) continue;
            append_attachment(att, m_names, out);
        }
    }
    if (auto files = MessageFields::array(f.files))
        for (json::Element file : *files) append_file(file, out);
    if (f.file && f.file->is_object() && text.empty()) append_file(*f.file, out);
    return out;
}

void MessageConverter::convert(json::Element message, const ChannelRef& channel, std::string_view record,
                               const Origin& origin, Diagnostics& diags, std::vector<Event>& out) const {
    MessageFields f(message);
    std::string_view subtype = MessageFields::string(f.subtype);
    if (subtype == "message_deleted") return;
    bool changed = false;
    if (subtype == "message_changed" || subtype == "message_replied") {
        // Events API / RTM wrappers: the message itself is inside, under its own ts.
        if (!f.message || !f.message->is_object()) {
            diags.error("slack.bad-message", json::locate_key(origin, record, "subtype"),
                        fmt::format("{} event carries no `message` object", subtype));
            return;
        }
        changed = subtype == "message_changed";
        message = *f.message;
        f = MessageFields(message);
        subtype = MessageFields::string(f.subtype);
    }

    std::string ts_storage;
    auto ts_read = f.ts ? ts_text(*f.ts, record, ts_storage) : std::nullopt;
    std::optional<Instant> time = ts_read ? parse_ts(*ts_read) : std::nullopt;
    if (!time) {
        const bool inexact = !ts_read && f.ts && f.ts->type() == simdjson::dom::element_type::DOUBLE;
        const auto written = ts_read  ? std::optional<std::string>(*ts_read)
                             : inexact ? std::optional<std::string>(number_text(record, f.ts->get_double().value_unsafe()))
                             : f.ts    ? json::scalar_text(*f.ts)
                                       : std::nullopt;
        diags.error("slack.bad-ts", json::locate_key(origin, record, "ts"),
                    inexact  ? fmt::format("message ts {} is a JSON number that cannot be read exactly to the "
                                           "microsecond (more than six decimals, or too large)", *written)
                    : written ? fmt::format("message ts \"{}\" is not a Slack timestamp", clean_text(*written))
                              : std::string("message has no ts"));
        return;
    }
    const std::string_view ts = *ts_read;

    Event e;
    e.id.reserve(7 + channel.id.size() + ts.size());
    e.id.append("slack:").append(channel.id).append(1, '/').append(ts);
    e.time = *time;
    e.time_raw = ts;
    e.kind = EventKind::message;
    e.source.kind = m_kind;
    e.source.medium = Medium::chat;
    e.source.origin = m_origins.get(origin.name);
    e.source.line = origin.line;
    e.channel = m_channels.get(channel.name.empty() ? channel.id : channel.name);

    std::string_view user = MessageFields::string(f.user);
    std::string_view bot_id = MessageFields::string(f.bot_id);
    bool bot_post = subtype == "bot_message" || (user.empty() && !bot_id.empty());
    if (!user.empty() && !bot_post) {
        e.actor = actor_of(user, f.user_profile);
    } else if (bot_post || !bot_id.empty()) {
        e.actor.id = !bot_id.empty() ? std::string(bot_id) : std::string(user);
        std::string_view name = MessageFields::string(f.username);
        if (name.empty() && f.bot_profile) name = str(*f.bot_profile, "name");
        e.actor.name = clean_text(trim(name));
        if (e.actor.name.empty() && !user.empty()) e.actor = actor_of(user, std::nullopt);
    }
    const User* known = user.empty() ? nullptr : m_directory.find_user(user);
    e.flags.bot = bot_post || !bot_id.empty() || (known && known->is_bot);
    e.flags.edited = changed || f.edited.has_value();
    e.flags.system = system_message_of(subtype);
    if (auto pins = MessageFields::array(f.pinned_to)) e.flags.pinned = pins->size() > 0;
    if (auto reactions = MessageFields::array(f.reactions))
        for (json::Element r : *reactions)
            if (auto name = json::string_member(r, "name"); name && !name->empty())
                e.flags.reactions.push_back(clean_text(*name));

    if (f.thread_ts) {
        std::string thread_storage;
        e.thread = ts_text(*f.thread_ts, {}, thread_storage).value_or("");
    }
    if (!m_workspace.empty()) add_permalink(e, m_workspace, channel.id);

    RichText text = render_text(f);
    // Spans close inside out (`*_x_*` closes italic first); list them by start, outer first.
    if (text.spans.size() > 1)  // std::stable_sort takes a buffer from the heap even for one span
        std::stable_sort(text.spans.begin(), text.spans.end(), [](const Span& a, const Span& b) {
            return a.start != b.start ? a.start < b.start : a.end > b.end;
        });
    e.text = std::move(text.text);
    e.spans = std::move(text.spans);

    if (e.flags.bot) {
        // One event per alert when the attachments describe several; the post is their `record`.
        std::vector<std::pair<PostedAlert, json::Element>> alerts;
        if (auto atts = MessageFields::array(f.attachments))
            for (json::Element att : *atts)
                if (auto a = alert_from_attachment(att)) alerts.emplace_back(std::move(*a), att);
        if (alerts.empty())
            if (auto a = alert_from_text(e.text)) alerts.emplace_back(std::move(*a), message);
        auto as_alert = [](Event& ev, const PostedAlert& a) {
            ev.kind = EventKind::alert;
            ev.source.vendor = a.vendor;
            ev.alert = AlertInfo{a.key, {}, a.state, a.severity, {}};
        };
        if (alerts.empty()) {
            // A CI robot's post of a build or deploy is a change record (src/ingest/changes/ci_post.hpp).
            if (auto change = changes::change_from_ci_post(e.text)) {
                e.kind = EventKind::change;
                e.change = std::move(*change);
            }
        } else if (alerts.size() == 1) {
            as_alert(e, alerts.front().first);
        } else if (alerts.size() > 1) {
            for (std::size_t i = 0; i < alerts.size(); ++i) {
                Event part = e;
                part.id = fmt::format("{}#{}", e.id, i + 1);
                part.record = e.id;
                RichText t;
                append_attachment(alerts[i].second, m_names, t);
                part.text = std::move(t.text);
                part.spans = std::move(t.spans);
                as_alert(part, alerts[i].first);
                out.push_back(std::move(part));
            }
            return;
        }
    }
    out.push_back(std::move(e));
}

}  // namespace retro::ingest::slack
